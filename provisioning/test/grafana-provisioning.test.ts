// Grafana provisioning: data source uids and links, the app, dashboards and alert rules
// refer to things that exist, and the Grafana alert rules evaluate exactly the PromQL of
// the Prometheus rules that promtool tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { EVENT_FLOW_EVENT, EVENT_SYNC_MODEL, EVENT_WARNING, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { stringify } from 'yaml';
import { describeWith, promtool } from './support/binaries.js';
import { grafanaVariablesReplaced, prometheusQueries } from './support/dashboards.js';
import {
  defined,
  type AppsFile,
  type ContactPointsFile,
  type Dashboard,
  type DashboardProvidersFile,
  type DataSourcesFile,
  type GrafanaAlertRule,
  type PrometheusAlertRule,
  type RuleFile,
} from './support/documents.js';
import { fromProvisioning, readJson, readYaml } from './support/files.js';

const { datasources } = readYaml<DataSourcesFile>(fromProvisioning('grafana/datasources/datasources.yaml'));
const uids = new Set(datasources.map((d) => d.uid));
const datasource = (uid: string) =>
  defined(
    datasources.find((d) => d.uid === uid),
    `data source ${uid}`
  );
const dashboardFiles = readdirSync(fromProvisioning('grafana/dashboards/json')).filter((f) => f.endsWith('.json'));
const dashboards = dashboardFiles.map((f) => ({
  file: f,
  json: readJson<Dashboard>(fromProvisioning('grafana/dashboards/json', f)),
}));
/** The rules of every rule file in a folder of provisioning/. */
const rulesIn = <Rule>(folder: string, exclude: string[] = []): Rule[] =>
  readdirSync(fromProvisioning(folder))
    .filter((f) => /\.ya?ml$/.test(f) && !exclude.includes(f))
    .flatMap((f) => readYaml<RuleFile<Rule>>(fromProvisioning(folder, f)).groups.flatMap((g) => g.rules));
const grafanaRules = rulesIn<GrafanaAlertRule>('grafana/alerting', ['contact-points.yaml']);
const prometheusRules = rulesIn<PrometheusAlertRule>('prometheus/rules');

/** Every `{ uid, type }` / `datasourceUid` reference anywhere in a document. */
function datasourceRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => datasourceRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'datasourceUid' && typeof value === 'string') out.push(value);
      else if (key === 'datasource' && value && typeof value === 'object' && 'uid' in value)
        out.push(String(value.uid));
      else datasourceRefs(value, out);
    }
  }
  return out;
}
const BUILT_IN = new Set(['__expr__', '-- Grafana --']);

/** PromQL compared as text with whitespace removed. */
const normalize = (expr: string) => expr.replace(/\s+/g, '');

describe('Grafana data sources', () => {
  test('have the fixed uids the app and the dashboards use', () => {
    expect(datasources.map((d) => [d.uid, d.type])).toEqual([
      ['tempo', 'tempo'],
      ['loki', 'loki'],
      ['prometheus', 'prometheus'],
    ]);
  });

  test('link both ways: traces to logs by trace id, log records and exemplars to traces', () => {
    const [tempo, loki, prometheus] = [datasource('tempo'), datasource('loki'), datasource('prometheus')] as const;
    expect(tempo.jsonData.tracesToLogsV2).toMatchObject({ datasourceUid: 'loki', customQuery: true });
    // `$$` is Grafana's escape for a literal `$` in provisioning files.
    expect(tempo.jsonData.tracesToLogsV2?.query).toContain('| trace_id="$${__trace.traceId}"');
    expect(loki.jsonData.derivedFields).toEqual([
      expect.objectContaining({
        matcherType: 'label',
        matcherRegex: 'trace_id',
        datasourceUid: 'tempo',
        url: '$${__value.raw}',
      }),
    ]);
    expect(prometheus.jsonData.exemplarTraceIdDestinations).toEqual([
      expect.objectContaining({ name: 'trace_id', datasourceUid: 'tempo' }),
    ]);
  });

  test('reference only each other', () => {
    for (const ref of datasourceRefs(datasources)) expect(uids).toContain(ref);
  });
});

describe('Grafana app provisioning', () => {
  test('enables integrationlogs-app with the data source uids', () => {
    const { apps } = readYaml<AppsFile>(fromProvisioning('grafana/plugins/integrationlogs-app.yaml'));
    expect(apps).toEqual([
      {
        type: 'integrationlogs-app',
        org_id: 1,
        disabled: false,
        jsonData: {
          tempoDatasourceUid: 'tempo',
          lokiDatasourceUid: 'loki',
          prometheusDatasourceUid: 'prometheus',
          sessionGapMinutes: 30,
        },
      },
    ]);
    for (const key of ['tempoDatasourceUid', 'lokiDatasourceUid', 'prometheusDatasourceUid'])
      expect(uids).toContain(apps[0]?.jsonData[key]);
  });
});

describe('Grafana dashboards', () => {
  const integrationHealth = (): Dashboard =>
    defined(dashboards.find((d) => d.json.uid === 'integration-health')?.json, 'integration-health dashboard');

  test('the provider loads the folder the JSON files are in', () => {
    const { providers } = readYaml<DashboardProvidersFile>(fromProvisioning('grafana/dashboards/dashboards.yaml'));
    expect(providers).toHaveLength(1);
    expect(providers[0]?.options.path).toBe('/etc/grafana/provisioning/dashboards/json');
    expect(dashboards.length).toBeGreaterThan(0);
  });

  test.each(dashboards)('$file: unique uid and panel ids, known data sources', ({ json }) => {
    expect(json.uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    const ids = json.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of datasourceRefs(json)) {
      if (!BUILT_IN.has(ref)) expect(uids).toContain(ref);
    }
  });

  test('integration health has the panels of issue: rates, 4xx/5xx by tool and endpoint, p95, syncs, flows', () => {
    const health = integrationHealth();
    const exprs = health.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ type: p.type, expr: String(t.expr) })));
    const has = (pattern: RegExp, type?: string) =>
      exprs.some((e) => pattern.test(e.expr) && (!type || e.type === type));
    expect(has(/http_response_status_code=~"4\.\."/)).toBe(true);
    expect(has(/http_response_status_code=~"5\.\."/)).toBe(true);
    expect(has(/by \(integration_tool, http_request_method, url_template\)/)).toBe(true);
    expect(has(/histogram_quantile\(0\.95/)).toBe(true);
    expect(has(/integration_log_type="sync"/)).toBe(true);
    expect(has(/event_name="integration\.flow\.event"/, 'integrationlogs-flowsessions-panel')).toBe(true);
    expect(has(/integration\.sync\.model/, 'integrationlogs-syncmetrics-panel')).toBe(true);
  });

  test("integration health's 4xx and 5xx panels link each series to the app's Requests page", () => {
    const health = integrationHealth();
    for (const statusClass of ['4xx', '5xx']) {
      const pattern = `http_response_status_code=~"${statusClass[0]}.."`;
      const panel = defined(
        health.panels.find(
          (p) => (p.targets ?? []).some((t) => String(t.expr).includes(pattern)) && p.type === 'timeseries'
        ),
        `${statusClass} panel`
      );
      const link = defined(panel.fieldConfig?.defaults.links?.[0], `${statusClass} panel's series link`);
      // as Grafana interpolates a series' labels and the dashboard's time range
      const url = new URL(
        link.url
          .replace('${__field.labels.integration_tool:percentencode}', 'hibob')
          .replace('${__field.labels.http_request_method:percentencode}', 'GET')
          .replace('${__field.labels.url_template:percentencode}', encodeURIComponent('/v1/absences/{id}'))
          .replace('${__url_time_range}', 'from=1700000000000&to=1700003600000'),
        'http://grafana.example'
      );
      expect(url.pathname).toBe('/a/integrationlogs-app/requests');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        tool: 'hibob',
        method: 'GET',
        endpoint: '/v1/absences/{id}',
        class: statusClass,
        from: '1700000000000',
        to: '1700003600000',
      });
      expect(panel.links?.[0]?.url).toBe(`/a/integrationlogs-app/requests?class=${statusClass}&\${__url_time_range}`);
    }
  });
});

describe('Grafana alert rules', () => {
  test('have valid, unique uids', () => {
    const ruleUids = grafanaRules.map((r) => r.uid);
    for (const uid of ruleUids) expect(uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(new Set(ruleUids).size).toBe(ruleUids.length);
  });

  test('query only provisioned data sources', () => {
    for (const ref of datasourceRefs(grafanaRules)) if (!BUILT_IN.has(ref)) expect(uids).toContain(ref);
  });

  test('evaluate the same PromQL as the Prometheus rules, one Grafana rule per Prometheus alert', () => {
    expect(grafanaRules.map((r) => r.title).sort()).toEqual(prometheusRules.map((r) => r.alert).sort());
    for (const rule of grafanaRules) {
      const prom = defined(
        prometheusRules.find((p) => p.alert === rule.title),
        `Prometheus alert ${rule.title}`
      );
      const query = defined(
        rule.data.find((d) => d.refId === 'A'),
        `query A of ${rule.title}`
      );
      expect(query.datasourceUid).toBe('prometheus');
      expect({ rule: rule.title, expr: normalize(String(query.model.expr)) }).toEqual({
        rule: rule.title,
        expr: normalize(prom.expr),
      });
      expect(rule.for).toBe(prom.for ?? '0s');
      expect(rule.labels).toEqual(prom.labels);
    }
  });

  test('link the 4xx and 5xx alerts to the Requests page on the tool and class, as the Prometheus rules do', () => {
    const links = { IntegrationRequest4xxSpike: '4xx', IntegrationRequest5xx: '5xx' } as const;
    for (const [title, statusClass] of Object.entries(links)) {
      const rule = defined(
        grafanaRules.find((r) => r.title === title),
        `Grafana rule ${title}`
      );
      const prom = defined(
        prometheusRules.find((p) => p.alert === title),
        `Prometheus alert ${title}`
      );
      const path = `/a/integrationlogs-app/requests?tool={{ urlquery $labels.integration_tool }}&class=${statusClass}&from=now-1h&to=now`;
      expect(prom.annotations?.requests_url).toBe(path);
      // the one difference: Grafana knows its own URL, Prometheus does not
      expect(rule.annotations?.requests_url).toBe(`{{ externalURL }}${path}`);
    }
  });

  test('fire when the expression returns a series: condition C = last(A) > 0, no data is OK', () => {
    for (const rule of grafanaRules) {
      expect(rule.condition).toBe('C');
      const byRef = Object.fromEntries(rule.data.map((d) => [d.refId, d]));
      expect(byRef.A?.model.instant).toBe(true);
      expect(byRef.B?.model).toMatchObject({ type: 'reduce', expression: 'A', reducer: 'last' });
      expect(byRef.C?.model).toMatchObject({
        type: 'threshold',
        expression: 'B',
        conditions: [{ evaluator: { type: 'gt', params: [0] } }],
      });
      expect(rule.noDataState).toBe('OK');
    }
  });

  test('go to a contact point whose webhook URL comes from the environment', () => {
    const { contactPoints, policies } = readYaml<ContactPointsFile>(
      fromProvisioning('grafana/alerting/contact-points.yaml')
    );
    const contactPoint = defined(contactPoints[0], 'contact point');
    expect(contactPoint.receivers[0]).toMatchObject({ type: 'webhook', settings: { url: '${ALERT_WEBHOOK_URL}' } });
    expect(policies[0]?.receiver).toBe(contactPoint.name);
  });
});

describeWith([promtool()], 'Grafana PromQL (promtool)', (bin) => {
  test('every Prometheus query in the dashboards and data-source links parses', () => {
    const { panels, variables, links } = prometheusQueries();
    const queries = [...panels, ...variables, ...links];
    expect(queries.length).toBeGreaterThan(10);
    const dir = mkdtempSync(path.join(tmpdir(), 'grafana-promql-'));
    try {
      // Each query as the expression of a recording rule: promtool parses it.
      const rulesFile = path.join(dir, 'queries.yml');
      const rules = queries.map((q, i) => ({ record: `grafana:query_${i}`, expr: grafanaVariablesReplaced(q.expr) }));
      writeFileSync(rulesFile, stringify({ groups: [{ name: 'grafana', rules }] }));
      const result = spawnSync(bin.promtool as string, ['check', 'rules', rulesFile], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      const output = `${result.stdout}${result.stderr}`;
      expect({ status: result.status, output }).toEqual({
        status: 0,
        output: expect.stringContaining(`SUCCESS: ${rules.length} rules found`),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Grafana LogQL', () => {
  // Grafana's own LogQL grammar (the one its query editor uses); variables replaced by
  // values as Grafana interpolates them.
  const replaced = (query: string) =>
    query
      .replace(/\$\$\{__trace\.traceId\}/g, '4bf92f3577b34da6a3ce929d0e0e4736')
      .replace(/\$\$\{__tags\}/g, 'service_name="hris-sync"')
      .replace(/\$__range|\$__interval|\$__auto/g, '5m')
      .replace(/\$service/g, '.+')
      .replace(/\$tool/g, '.*');
  const syntaxErrors = (query: string) => {
    const errors: string[] = [];
    logqlParser.parse(query).iterate({
      enter(node) {
        if (node.type.isError) errors.push(`${node.from}: ${query.slice(Math.max(0, node.from - 15), node.to + 15)}`);
      },
    });
    return errors;
  };

  const queries = [
    ...dashboards.flatMap(({ file, json }) =>
      json.panels.flatMap((panel) =>
        (panel.targets ?? [])
          .filter((t) => (t.datasource?.uid ?? panel.datasource?.uid) === 'loki')
          .map((t) => ({ where: `${file}: ${panel.title}`, expr: String(t.expr) }))
      )
    ),
    { where: 'Tempo tracesToLogsV2', expr: String(datasource('tempo').jsonData.tracesToLogsV2?.query) },
  ];

  test('the checker finds a broken query', () => {
    expect(syntaxErrors('{service_name=~".+"} | event_name="x')).not.toEqual([]);
  });

  test.each(queries)('$where parses', ({ expr }) => {
    expect(syntaxErrors(replaced(expr))).toEqual([]);
  });

  test('flow and sync panels select records by the structured-metadata names Loki gives the contract attributes', () => {
    const text = queries.map((q) => q.expr).join('\n');
    expect(text).toContain(`${LOKI_LABELS.eventName}="${EVENT_FLOW_EVENT}"`);
    expect(text).toContain(`${LOKI_LABELS.eventName}=~"${EVENT_SYNC_MODEL}|${EVENT_WARNING}"`);
    expect(text).toContain(LOKI_LABELS.flowEvent);
  });
});
