// The real collector with the real config: contract-shaped traffic in through OTLP/HTTP,
// traces out to a Tempo stand-in, logs to a Loki stand-in, span metrics remote-written to
// a real Prometheus that evaluates the project's alert rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OtlpSink, SpanKind, StatusCode, waitFor } from '@integration-logs/test-support';
import { describeWith, otelcol, prometheus, provisioningDir } from './support/binaries.js';
import { Collector } from './support/collector.js';
import { grafanaVariablesReplaced, prometheusQueries } from './support/dashboards.js';
import { ContractTraffic, SDK_SCOPE, type EmittedOperation } from './support/contract-traffic.js';
import { Prometheus } from './support/prometheus.js';

interface AlertRule {
  alert: string;
  expr: string;
}
const rules: AlertRule[] = parse(
  readFileSync(path.join(provisioningDir, 'prometheus/rules/integration-alerts.yml'), 'utf8')
).groups.flatMap((g: { rules: AlertRule[] }) => g.rules);
const ruleExpr = (name: string) => {
  const rule = rules.find((r) => r.alert === name);
  if (!rule) throw new Error(`no alert rule ${name}`);
  return rule.expr;
};

// Secrets the SDK should have removed, as if a user's custom code had leaked them.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEiLCJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJlLWJ5dGVz';
const BEARER = 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

describeWith([otelcol(), prometheus()], 'collector pipeline', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  let prom: Prometheus;
  let collector: Collector;
  let traffic: ContractTraffic;
  const ops: Record<string, EmittedOperation> = {};

  beforeAll(async () => {
    await tempo.start();
    await loki.start();
    prom = new Prometheus(bin.prometheus as string);
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: () => prom.remoteWriteUrl,
      env: {
        TEMPO_TENANT: 'acme-traces',
        TEMPO_AUTHORIZATION: 'Basic dGVtcG86dGVzdA==',
        LOKI_TENANT: 'acme-logs',
        LOKI_AUTHORIZATION: 'Bearer loki-test-token',
      },
    });
    // Prometheus scrapes the collector's own telemetry, as prometheus.yml does.
    await prom.start([await collector.reservePorts()]);
    await collector.start();
    traffic = new ContractTraffic(collector.otlpHttpUrl);

    ops.personioSync = traffic.operation({
      logType: 'sync',
      tool: 'personio',
      requests: [
        {
          method: 'GET',
          urlTemplate: '/v1/employees',
          url: 'https://api.personio.example/v1/employees?page=1',
          status: 200,
        },
        {
          method: 'GET',
          urlTemplate: '/v1/employees/{id}',
          url: 'https://api.personio.example/v1/employees/123',
          status: 200,
        },
        {
          method: 'GET',
          urlTemplate: '/v1/employees/{id}',
          url: 'https://api.personio.example/v1/employees/456',
          status: 404,
        },
      ],
      models: { employees: { read: 120, updated: 5, failed: 2 } },
    });
    ops.personioFailedSync = traffic.operation({
      logType: 'sync',
      tool: 'personio',
      outcome: 'failure',
      requests: [
        { method: 'GET', urlTemplate: '/v1/absences', url: 'https://api.personio.example/v1/absences', status: 500 },
      ],
    });
    ops.leakyAction = traffic.operation({
      logType: 'action',
      tool: 'greenhouse',
      operation: 'create_candidate',
      requests: [
        {
          method: 'POST',
          urlTemplate: '/v1/candidates',
          url: 'https://svc:hunter2@api.greenhouse.example/v1/candidates',
          status: 422,
          attributes: {
            'http.request.header.x-api-key': [STRIPE_KEY],
            'http.request.header.content-type': ['application/json'],
          },
          body: JSON.stringify({
            request: { method: 'POST', headers: { authorization: BEARER }, body: `{"session":"${JWT}"}` },
            response: { status: 422, body: '{"error":"email missing"}' },
          }),
        },
      ],
    });
    // A burst of 4xx from hibob, spread over several span-metric flushes so Prometheus
    // sees the counter grow.
    for (let burst = 0; burst < 4; burst++) {
      traffic.operation({
        logType: 'sync',
        tool: 'hibob',
        requests: Array.from({ length: 40 }, (_, i) => ({
          method: 'GET',
          urlTemplate: '/v1/people/{id}',
          url: `https://api.hibob.example/v1/people/${i}`,
          status: 429,
        })),
      });
      await traffic.flush();
      await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    await traffic.flush();
  });

  afterAll(async () => {
    await traffic?.shutdown();
    await collector?.dispose();
    await prom?.dispose();
    await tempo.stop();
    await loki.stop();
  });

  const spanById = (id: string) => tempo.spans.find((s) => s.spanId === id);

  test('routes traces to Tempo and logs to Loki, with tenant and credentials from the environment', async () => {
    const expectedSpans = Object.values(ops).flatMap((op) => [op.operationSpanId, ...op.requestSpanIds]);
    await waitFor('every span at the Tempo stand-in', () => expectedSpans.every((id) => spanById(id)));
    await waitFor('every operation record at the Loki stand-in', () =>
      Object.values(ops).every((op) => loki.logs.some((r) => r.spanId === op.operationSpanId))
    );
    expect(tempo.errors).toEqual([]);
    expect(loki.errors).toEqual([]);
    expect(tempo.requests.every((r) => r.path === '/v1/traces')).toBe(true);
    expect(loki.requests.every((r) => r.path === '/otlp/v1/logs')).toBe(true);
    expect(tempo.logs).toHaveLength(0);
    expect(loki.spans).toHaveLength(0);

    expect(tempo.requests[0]?.headers['x-scope-orgid']).toBe('acme-traces');
    expect(tempo.requests[0]?.headers.authorization).toBe('Basic dGVtcG86dGVzdA==');
    expect(loki.requests[0]?.headers['x-scope-orgid']).toBe('acme-logs');
    expect(loki.requests[0]?.headers.authorization).toBe('Bearer loki-test-token');
  });

  test('keeps the contract: request spans under their operation, records carrying trace context', () => {
    const op = ops.personioSync as EmittedOperation;
    const root = spanById(op.operationSpanId);
    expect(root).toMatchObject({ name: 'sync personio', kind: SpanKind.INTERNAL, traceId: op.traceId });
    const notFound = spanById(op.requestSpanIds[2] as string);
    expect(notFound).toMatchObject({
      kind: SpanKind.CLIENT,
      parentSpanId: op.operationSpanId,
      status: { code: StatusCode.ERROR },
    });
    expect(notFound?.attributes).toMatchObject({
      'http.response.status_code': 404,
      'url.template': '/v1/employees/{id}',
      'integration.tool': 'personio',
      'integration.log_type': 'sync',
    });
    // Nothing to redact here: the record passes untouched, with no redaction summary.
    expect(notFound?.attributes).not.toHaveProperty('redaction.masked.count');

    const requestRecord = loki.logs.find((r) => r.spanId === op.requestSpanIds[2]);
    expect(requestRecord).toMatchObject({ traceId: op.traceId, eventName: 'integration.request' });
    expect(requestRecord?.attributes['event.name']).toBe('integration.request');
    expect(requestRecord?.resource['service.name']).toBe('hris-sync');
  });

  test('masks secrets that slipped past the SDK, in span attributes and log bodies', () => {
    const op = ops.leakyAction as EmittedOperation;
    const span = spanById(op.requestSpanIds[0] as string);
    expect(span).toBeDefined();
    const attrs = span?.attributes ?? {};
    expect(attrs['http.request.header.x-api-key']).toBe('[REDACTED]');
    expect(attrs['http.request.header.content-type']).toEqual(['application/json']);
    expect(String(attrs['url.full'])).not.toContain('hunter2');
    expect(String(attrs['url.full'])).toContain('api.greenhouse.example/v1/candidates');
    expect(attrs['redaction.masked.count']).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(tempo.spans)).not.toContain(STRIPE_KEY);

    const record = loki.logs.find((r) => r.spanId === op.requestSpanIds[0]);
    expect(record).toBeDefined();
    const body = String(record?.body);
    expect(body).not.toContain(JWT);
    expect(body).not.toContain(BEARER.split(' ')[1]);
    expect(body).toContain('[REDACTED]');
    // Still the JSON document the Grafana app parses.
    const parsed = JSON.parse(body);
    expect(parsed.response).toEqual({ status: 422, body: '{"error":"email missing"}' });
    expect(record?.attributes['redaction.body.masked.count']).toBeGreaterThanOrEqual(1);
    const everything = JSON.stringify([tempo.spans, loki.logs]);
    for (const secret of [JWT, STRIPE_KEY, 'hunter2', BEARER]) expect(everything).not.toContain(secret);
  });

  test("the integrationlogs connector leaves spans of our SDK to the SDK's own records", async () => {
    // Every operation and request span here comes from the SDK's scope: the connector
    // counts them as skipped, and writes no record of its own.
    const spans = Object.values(ops).reduce((n, op) => n + 1 + op.requestSpanIds.length, 0) + 4 * 41;
    const skipped = await waitFor(`${spans} SDK spans counted as skipped by the connector`, async () => {
      const text = await (await fetch(collector.metricsUrl)).text();
      const m = /^otelcol_integrationlogs_spans_skipped(?:_total)?\{[^}]*reason="sdk_scope"[^}]*\} (\d+)/m.exec(text);
      return m && Number(m[1]) >= spans ? Number(m[1]) : undefined;
    });
    expect(skipped).toBe(spans);
    expect(loki.logs.filter((r) => r.scope !== SDK_SCOPE)).toEqual([]);
    const count = (spanId: string, eventName: string) =>
      loki.logs.filter((r) => r.spanId === spanId && r.eventName === eventName).length;
    for (const op of Object.values(ops)) {
      expect(count(op.operationSpanId, 'integration.operation')).toBe(1);
      for (const id of op.requestSpanIds) expect(count(id, 'integration.request')).toBe(1);
    }
  });

  test('counts operations of every SDK in Prometheus by tool, log type and outcome', async () => {
    const series = await waitFor('integration_operations_total for personio', async () => {
      const result = await prom.query('integration_operations_total{integration_tool="personio"}');
      return result.length >= 2 ? result : undefined;
    });
    const byOutcome = Object.fromEntries(series.map((s) => [s.metric.integration_outcome, s]));
    expect(byOutcome.success?.metric).toMatchObject({
      job: 'hris-sync',
      integration_log_type: 'sync',
      integration_tool: 'personio',
    });
    expect(byOutcome.success?.value[1]).toBe('1');
    expect(byOutcome.failure?.value[1]).toBe('1');
    // Bounded labels only: no integration or customer ids.
    const labels = [...new Set(series.flatMap((s) => Object.keys(s.metric)))].sort();
    expect(labels).toEqual([
      '__name__',
      'integration_log_type',
      'integration_outcome',
      'integration_tool',
      'job',
      'otel_scope_name',
    ]);
  });

  test("counts the SDK's sync model records in Prometheus by tool, model and kind", async () => {
    const series = await waitFor('integration_sync_records_total for personio employees', async () => {
      const result = await prom.query(
        'integration_sync_records_total{integration_tool="personio", integration_sync_model="employees"}'
      );
      return result.length === 5 ? result : undefined;
    });
    const byKind = Object.fromEntries(series.map((s) => [s.metric.integration_sync_kind, s.value[1]]));
    expect(byKind).toEqual({ read: '120', created: '0', updated: '5', deleted: '0', failed: '2' });
    expect(series[0]?.metric.job).toBe('hris-sync');
  });

  test('writes span metrics to Prometheus with the dimensions alerts and dashboards group by', async () => {
    const series = await waitFor('personio request counts in Prometheus', async () => {
      const result = await prom.query(
        'traces_span_metrics_calls_total{integration_tool="personio", span_kind="SPAN_KIND_CLIENT"}'
      );
      return result.length >= 4 ? result : undefined;
    });
    const notFound = series.find((s) => s.metric.http_response_status_code === '404');
    expect(notFound?.metric).toMatchObject({
      __name__: 'traces_span_metrics_calls_total',
      service_name: 'hris-sync',
      span_name: 'GET /v1/employees/{id}',
      span_kind: 'SPAN_KIND_CLIENT',
      status_code: 'STATUS_CODE_ERROR',
      integration_log_type: 'sync',
      integration_tool: 'personio',
      http_request_method: 'GET',
      http_response_status_code: '404',
      url_template: '/v1/employees/{id}',
      server_address: 'api.personio.example',
      error_type: '404',
    });
    expect(notFound?.value[1]).toBe('1');
    // integration.id is unbounded: never a label.
    expect(Object.keys(notFound?.metric ?? {})).not.toContain('integration_id');

    const failedSync = await prom.query(
      'traces_span_metrics_calls_total{integration_tool="personio", span_kind="SPAN_KIND_INTERNAL", status_code="STATUS_CODE_ERROR"}'
    );
    expect(failedSync).toHaveLength(1);
    expect(failedSync[0]?.metric).toMatchObject({
      integration_log_type: 'sync',
      integration_outcome: 'failure',
      span_name: 'sync personio',
    });

    const buckets = await prom.query(
      'traces_span_metrics_duration_milliseconds_bucket{integration_tool="personio", http_response_status_code="404"}'
    );
    expect(buckets.length).toBeGreaterThan(5);
    expect(buckets.every((b) => 'le' in b.metric)).toBe(true);
  });

  test('attaches exemplars that point at the traces', async () => {
    const traceIds = new Set(Object.values(ops).map((op) => op.traceId));
    const found = await waitFor('exemplars with known trace ids', async () => {
      const result = await prom.exemplars(
        'traces_span_metrics_duration_milliseconds_bucket{integration_tool=~"personio|greenhouse"}'
      );
      const ids = result.flatMap((r) => r.exemplars.map((e) => e.labels.trace_id));
      return ids.some((id) => id && traceIds.has(id)) ? ids : undefined;
    });
    expect(found.length).toBeGreaterThan(0);
  });

  test('every label the alert rules match on exists on the real series of their metrics', async () => {
    for (const rule of rules) {
      const metrics = [...new Set([...rule.expr.matchAll(/([a-z_:]+)\{/g)].map((m) => m[1] as string))];
      const real = await prom.query(`{__name__=~"${metrics.join('|')}"}`);
      const labels = new Set(real.flatMap((s) => Object.keys(s.metric)));
      const used = [
        ...[...rule.expr.matchAll(/([a-z_]+)\s*(?:=~|!=|=)\s*"/g)].map((m) => m[1] as string),
        ...[...rule.expr.matchAll(/(?:by|on) \(([a-z_, ]+)\)/g)].flatMap((m) =>
          (m[1] as string).split(',').map((l) => l.trim())
        ),
      ];
      expect(used.length).toBeGreaterThan(0);
      for (const label of used)
        expect({ rule: rule.alert, label, present: labels.has(label) }).toEqual({
          rule: rule.alert,
          label,
          present: true,
        });
    }
  });

  test('the 4xx-spike expression picks out the tool with the burst, and only it', async () => {
    const spiking = await waitFor('the spike expression to return hibob', async () => {
      const result = await prom.query(ruleExpr('IntegrationRequest4xxSpike'));
      return result.some((s) => s.metric.integration_tool === 'hibob') ? result : undefined;
    });
    expect(spiking.map((s) => s.metric.integration_tool)).toEqual(['hibob']);
  });

  test('the failed-sync alert fires in the real Prometheus for the first failed sync of a tool', async () => {
    const alerts = await waitFor('IntegrationSyncFailed to fire', async () => {
      const all = await prom.alerts();
      const firing = all.filter((a) => a.labels.alertname === 'IntegrationSyncFailed' && a.state === 'firing');
      return firing.length ? firing : undefined;
    });
    expect(alerts.map((a) => a.labels.integration_tool)).toEqual(['personio']);
  });

  test('every dashboard panel, variable and Tempo metrics link selects real series', async () => {
    const { panels, variables, links } = prometheusQueries();
    // A label or metric name that does not exist selects nothing; span metrics are seconds
    // old here, so the windows are 1m.
    const empty: string[] = [];
    for (const query of [...panels, ...variables, ...links]) {
      const result = await prom.query(grafanaVariablesReplaced(query.expr, '1m'));
      if (result.length === 0) empty.push(query.where);
    }
    expect(empty).toEqual([]);
  });

  test('serves its own metrics for Prometheus to scrape: accepted, sent and queued items', async () => {
    const text = await waitFor('collector metrics', async () => {
      const res = await fetch(collector.metricsUrl);
      const body = await res.text();
      return /otelcol_exporter_sent_log_records[^\n]*otlp_http\/loki[^\n]* [1-9]/.test(body) ? body : undefined;
    });
    expect(text).toMatch(/otelcol_receiver_accepted_spans/);
    expect(text).toMatch(/otelcol_exporter_sent_spans[^\n]*otlp_http\/tempo/);
    expect(text).toMatch(/otelcol_exporter_queue_size[^\n]*otlp_http\/tempo/);
  });
});
