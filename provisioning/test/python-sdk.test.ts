// A sync written in Python with the real OpenTelemetry Python SDK from PyPI and no
// integration-logs SDK (demo/python/hris_sync.py), against the demo tool, through the
// real collector: its integrationlogs connector must give the Python sync the records our
// SDK writes, to the Loki stand-in and Prometheus, and the Grafana app's parsers must read
// them like a TypeScript integration's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CREDENTIALS } from '@integration-logs/demo/shared/accounts';
import { createDemoTool, type DemoTool } from '@integration-logs/demo/tool/server';
import {
  OtlpSink,
  type ReceivedLog,
  type ReceivedSpan,
  SpanKind,
  start,
  waitFor,
} from '@integration-logs/test-support';
import { parseStreamsResponse } from 'integrationlogs-app/api/loki/parse';
import { groupTraceRecords } from 'integrationlogs-app/domain/records';
import { describeWith, otelcol, prometheus, python3, repoRoot } from './support/binaries.js';
import { Collector } from './support/collector.js';
import { asLokiResponse } from './support/loki-shape.js';
import { Prometheus } from './support/prometheus.js';
import { pythonVenv } from './support/python-venv.js';

const CONNECTOR_SCOPE = 'github.com/integration-logs/otelcol-integration-logs/integrationlogsconnector';
const SERVICE = 'python-hris-sync';
// Initech's hibob credential: granted without absences, so the sync meets a 403.
const credential = CREDENTIALS.find((c) => c.accountId === 'acc_initech' && c.kind === 'bearer')!;
const fixtureDir = path.join(repoRoot, 'grafana-plugin/test/fixtures/recorded/collector');
const fixtureFile = path.join(fixtureDir, 'query_range-python-sdk-sync.categorized.json');
const tsRecorded = path.join(
  repoRoot,
  'grafana-plugin/test/fixtures/recorded/loki/query_range-by-trace-id.categorized.json'
);

interface Summary {
  traceId: string;
  operationSpanId: string;
  outcome: string;
  models: Record<string, Record<string, number>>;
}

describeWith([otelcol(), prometheus(), python3()], 'a Python sync through the collector', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  let prom: Prometheus;
  let collector: Collector;
  let tool: DemoTool;
  let summary: Summary;
  let requestSpans: ReceivedSpan[];
  let records: ReceivedLog[];
  const ofEvent = (name: string) => records.filter((r) => r.eventName === name);

  beforeAll(async () => {
    const python = pythonVenv(bin.python3 as string);
    await tempo.start();
    await loki.start();
    prom = new Prometheus(bin.prometheus as string);
    await prom.start();
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: prom.remoteWriteUrl,
    });
    await collector.start();
    tool = createDemoTool({ errorRate: 0, slowRate: 0 });
    const toolUrl = await tool.listen(0, '127.0.0.1');

    const sync = start('python-sync', python, [path.join(repoRoot, 'demo/python/hris_sync.py')], {
      DEMO_TOOL_URL: toolUrl,
      DEMO_TOOL_TOKEN: credential.secret,
      DEMO_TOOL_SLUG: 'hibob',
      INTEGRATION_ID: 'int_initech_hibob',
      CUSTOMER_ID: 'cus_initech',
      OTEL_SERVICE_NAME: SERVICE,
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.otlpHttpUrl,
      OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_CLIENT_REQUEST: '.*',
      OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_CLIENT_RESPONSE: '.*',
    });
    const code = await new Promise<number | null>((resolve) => sync.child.once('exit', resolve));
    const stdout = sync.output.join('');
    if (code !== 0) throw new Error(`the Python sync failed (${code}):\n${sync.log()}`);
    summary = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));

    requestSpans = await waitFor("the sync's spans at the Tempo stand-in", () => {
      const op = tempo.spans.find((s) => s.spanId === summary.operationSpanId);
      return op && tempo.spans.filter((s) => s.traceId === summary.traceId && s.kind === SpanKind.CLIENT);
    });
    records = await waitFor("the connector's records for every request", () => {
      const ofTrace = loki.logs.filter((r) => r.traceId === summary.traceId);
      const done =
        ofTrace.some((r) => r.eventName === 'integration.operation') &&
        ofTrace.filter((r) => r.eventName === 'integration.request').length >= requestSpans.length;
      return done && ofTrace;
    });
  });

  afterAll(async () => {
    await collector?.dispose();
    await prom?.dispose();
    await tool?.close();
    await tempo.stop();
    await loki.stop();
  });

  test('the sync ran against the demo tool: pages read, a 403 and a refused create', () => {
    expect(summary.outcome).toBe('partial');
    expect(summary.models.employees).toEqual({ read: 60, failed: 1 });
    expect(summary.models.departments?.read).toBeGreaterThan(0);
    expect(requestSpans.length).toBeGreaterThanOrEqual(5);
  });

  test('its operation span becomes an integration.operation record, as the SDK writes it', () => {
    const [op, ...more] = ofEvent('integration.operation');
    expect(more).toEqual([]);
    expect(op).toMatchObject({
      scope: CONNECTOR_SCOPE,
      spanId: summary.operationSpanId,
      severityText: 'WARN',
      severityNumber: 13,
    });
    expect(op!.resource).toMatchObject({
      'service.name': SERVICE,
      'deployment.environment.name': 'test',
      'telemetry.sdk.language': 'python',
    });
    expect(op!.attributes).toMatchObject({
      'event.name': 'integration.operation',
      'integration.log_type': 'sync',
      'integration.tool': 'hibob',
      'integration.id': 'int_initech_hibob',
      'integration.customer.id': 'cus_initech',
      'integration.operation': 'full',
      'integration.outcome': 'partial',
      'integration.request.count': requestSpans.length,
      'integration.request.4xx_count': 2,
      'integration.request.5xx_count': 0,
    });
    expect(typeof op!.attributes['integration.operation.duration_ms']).toBe('number');
    expect(op!.body).toMatch(
      new RegExp(`^sync hibob full: partial in \\d+(ms|\\.\\ds), ${requestSpans.length} requests \\(2 4xx\\)$`)
    );
  });

  test("each HTTP CLIENT span becomes one integration.request record with the contract's JSON body", () => {
    const requests = ofEvent('integration.request');
    expect(requests.map((r) => r.spanId).sort()).toEqual(requestSpans.map((s) => s.spanId).sort());
    for (const r of requests) {
      expect(r.scope).toBe(CONNECTOR_SCOPE);
      expect(r.attributes).toMatchObject({
        'event.name': 'integration.request',
        'integration.tool': 'hibob',
        'integration.id': 'int_initech_hibob',
      });
      for (const key of [
        'http.request.method',
        'url.full',
        'url.template',
        'server.address',
        'http.response.status_code',
        'integration.request.duration_ms',
      ]) {
        expect({ key, present: key in r.attributes }).toEqual({ key, present: true });
      }
      const body = JSON.parse(String(r.body));
      expect(Object.keys(body)).toEqual(['request', 'response', 'durationMs']);
      expect(body.request).toMatchObject({
        method: r.attributes['http.request.method'],
        url: r.attributes['url.full'],
      });
      expect(body.request.headers.authorization).toBe('[REDACTED]');
      expect(body.response.status).toBe(r.attributes['http.response.status_code']);
      expect(body.response.headers['content-type']).toMatch(/application\/json/);
    }
    const byStatus = (status: number) => requests.find((r) => r.attributes['http.response.status_code'] === status)!;
    expect(byStatus(403)).toMatchObject({ severityText: 'WARN' });
    expect(byStatus(403).attributes).toMatchObject({ 'url.template': '/v1/absences', 'error.type': '403' });
    const refused = JSON.parse(String(byStatus(422).body));
    expect(JSON.parse(refused.request.body)).toMatchObject({ first_name: 'Ada', portal_password: '[REDACTED]' });
    expect(refused.response.body).toContain('email');
    const page = requests.find(
      (r) => r.attributes['url.template'] === '/v1/employees' && r.attributes['http.request.method'] === 'GET'
    )!;
    expect(page.attributes['integration.ratelimit.limit']).toBeDefined();
    expect(JSON.parse(JSON.parse(String(page.body)).response.body).data.length).toBeGreaterThan(0);
  });

  test('its model span events become integration.sync.model records and Prometheus series', async () => {
    const models = Object.fromEntries(
      ofEvent('integration.sync.model').map((r) => [r.attributes['integration.sync.model'], r])
    );
    expect(models.employees?.body).toBe(
      `employees: ${summary.models.employees!.read} read, 0 created, 0 updated, 0 deleted, 1 failed`
    );
    expect(models.employees?.severityText).toBe('WARN');
    expect(models.departments?.attributes['integration.sync.records.read']).toBe(summary.models.departments!.read);
    const read = await waitFor('integration_sync_records_total for hibob employees', async () => {
      const result = await prom.query(
        'integration_sync_records_total{integration_tool="hibob", integration_sync_model="employees", integration_sync_kind="read"}'
      );
      return result.length ? result : undefined;
    });
    expect(read[0]?.metric.job).toBe(SERVICE);
    expect(read[0]?.value[1]).toBe(String(summary.models.employees!.read));
  });

  test('its request spans count under the tool in the span metrics the 4xx alert reads', async () => {
    const clientCalls = await waitFor("span metrics of the sync's requests", async () => {
      const result = await prom.query(
        `traces_span_metrics_calls_total{service_name="${SERVICE}", span_kind="SPAN_KIND_CLIENT"}`
      );
      return result.length ? result : undefined;
    });
    expect(new Set(clientCalls.map((s) => s.metric.integration_tool))).toEqual(new Set(['hibob']));
    expect(clientCalls.map((s) => s.metric.http_response_status_code)).toEqual(
      expect.arrayContaining(['200', '403', '422'])
    );
  });

  test('the credential reaches neither Tempo nor Loki; the body secret does not reach Loki', () => {
    expect(JSON.stringify(tempo.spans)).not.toContain(credential.secret);
    expect(JSON.stringify(loki.logs)).not.toContain(credential.secret);
    expect(JSON.stringify(loki.logs)).not.toContain('hunter2-secret');
  });

  test("the Grafana app reads its records like a TypeScript integration's", () => {
    const response = asLokiResponse(records);
    const parsed = parseStreamsResponse(response);
    const { operation, records: grouped } = groupTraceRecords(parsed);
    expect(operation).toMatchObject({
      tool: 'hibob',
      logType: 'sync',
      outcome: 'partial',
      requestCount: requestSpans.length,
      count4xx: 2,
      serviceName: SERVICE,
    });
    expect(grouped.requests).toHaveLength(requestSpans.length);
    for (const req of grouped.requests) {
      expect(req.bodyParseError).toBeNull();
      expect(req.method).toMatch(/^(GET|POST)$/);
      expect(req.status).toBeGreaterThanOrEqual(200);
      expect(req.request?.headers.authorization).toBe('[REDACTED]');
    }
    expect(grouped.syncModels.length).toBe(Object.keys(summary.models).length);

    // Same structured metadata as the SDK's records of the same kinds (what a TypeScript
    // sync recorded from a real Loki carries), apart from the resource and capture options.
    const ts = parseStreamsResponse(JSON.parse(readFileSync(tsRecorded, 'utf8')));
    const contractKeys = (eventName: string, from: typeof parsed) =>
      new Set(
        from
          .filter((r) => r.eventName === eventName)
          .flatMap((r) =>
            Object.keys(r.attributes).filter((k) =>
              /^(integration|http|url|server|error|event|trace|span|severity)_/.test(k)
            )
          )
      );
    for (const eventName of ['integration.operation', 'integration.request', 'integration.sync.model']) {
      const missing = [...contractKeys(eventName, ts)].filter(
        (k) => !contractKeys(eventName, parsed).has(k) && !/^integration_(ratelimit|flow)_|^http_request_resend/.test(k)
      );
      expect({ eventName, missing }).toEqual({ eventName, missing: [] });
    }

    if (process.env.RECORD_FIXTURES === '1') {
      mkdirSync(fixtureDir, { recursive: true });
      writeFileSync(fixtureFile, `${JSON.stringify(response, null, 1)}\n`);
    }
  });
});
