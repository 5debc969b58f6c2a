/**
 * Real OTLP/HTTP round trip: the SDK exports to a local receiver that decodes the JSON
 * the exporters send; requests go to a local server playing a tool's API.
 */
import {
  type OtlpReceiver,
  type ReceivedLog,
  type ReceivedSpan,
  startOtlpReceiver,
} from '@integration-logs/test-support';
import { startIntegrationLogs, type IntegrationLogsSdk } from '../src/index.js';
import { startToolServer, type ToolServer } from './support/tool-server.js';

let rx: OtlpReceiver;
let tool: ToolServer;
let il: IntegrationLogsSdk;

beforeAll(async () => {
  rx = await startOtlpReceiver();
  tool = await startToolServer();
  il = startIntegrationLogs({
    serviceName: 'hris-sync',
    serviceVersion: '1.4.2',
    environment: 'test',
    endpoint: rx.url,
    scheduledDelayMs: 50,
  });
});

afterAll(async () => {
  await il.shutdown();
  await tool.close();
  await rx.close();
});

async function flushAndFind<T>(pick: () => T | undefined, what: string): Promise<T> {
  await il.forceFlush();
  let found: T | undefined;
  await rx.waitFor(() => (found = pick()) !== undefined, 20_000, what);
  return found!;
}

const CLIENT = 3;
const INTERNAL = 1;

function requestBody(log: ReceivedLog) {
  return JSON.parse(log.body as string);
}

test('a sync scope exports its span tree, request records and summary linked by trace', async () => {
  const value = await il.sync(
    { tool: 'personio', integrationId: 'int-1', customerId: 'cust-1', operation: 'delta' },
    async (op) => {
      const r = await fetch(`${tool.url}/v1/employees?api_key=sk_live_abcdef123456`, {
        headers: { authorization: 'Bearer sk_live_abcdef123456' },
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { data: { name: string }[] }).data[0]!.name).toBe('Ada');
      const byId = await fetch(`${tool.url}/v1/employees/12345`);
      expect(await byId.json()).toEqual({ id: '12345', name: 'Ada' });
      op.recordModel('employees', { read: 2, created: 1 });
      op.recordModel('employees', { read: 3, failed: 1 });
      op.warn('2 employees without email', { model: 'employees' });
      op.setOutcome('partial');
      return 'done';
    }
  );
  expect(value).toBe('done');

  const root = await flushAndFind(() => rx.spans.find((s) => s.name === 'sync personio'), 'sync span');
  const summary = await flushAndFind(
    () => rx.logsByEvent('integration.operation').find((l) => l.traceId === root.traceId),
    'summary record'
  );
  const children = rx.spans.filter((s) => s.parentSpanId === root.spanId);

  expect(root.kind).toBe(INTERNAL);
  expect(root.parentSpanId).toBeUndefined();
  expect(root.attributes).toMatchObject({
    'integration.log_type': 'sync',
    'integration.tool': 'personio',
    'integration.id': 'int-1',
    'integration.customer.id': 'cust-1',
    'integration.operation': 'delta',
    'integration.outcome': 'partial',
  });
  expect(root.resource).toMatchObject({
    'service.name': 'hris-sync',
    'service.version': '1.4.2',
    'deployment.environment.name': 'test',
  });

  const fetchSpan = children.find((s) => s.name === 'GET /v1/employees') as ReceivedSpan;
  const byIdSpan = children.find((s) => s.name === 'GET /v1/employees/{id}') as ReceivedSpan;
  expect(fetchSpan).toBeDefined();
  expect(byIdSpan).toBeDefined();
  for (const s of [fetchSpan, byIdSpan]) {
    expect(s.kind).toBe(CLIENT);
    expect(s.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'integration.log_type': 'sync',
      'integration.tool': 'personio',
      'integration.id': 'int-1',
    });
    expect(s.status.code).toBe(0);
  }
  expect(fetchSpan.attributes['url.template']).toBe('/v1/employees');
  expect(fetchSpan.attributes['url.full']).toBe(`${tool.url}/v1/employees?api_key=REDACTED`);
  expect(fetchSpan.attributes['integration.ratelimit.limit']).toBe('100');
  expect(fetchSpan.attributes['integration.ratelimit.remaining']).toBe('99');
  expect(fetchSpan.attributes['http.response.body.size']).toBeGreaterThan(10);
  expect(byIdSpan.attributes['url.template']).toBe('/v1/employees/{id}');

  // request records carry the request span's context and the operation's attributes
  await flushAndFind(
    () =>
      rx.logsByEvent('integration.request').filter((l) => l.traceId === root.traceId).length >= 2 ? true : undefined,
    'request records'
  );
  const reqLogs = rx.logsByEvent('integration.request').filter((l) => l.traceId === root.traceId);
  const fetchLog = reqLogs.find((l) => l.spanId === fetchSpan.spanId)!;
  const byIdLog = reqLogs.find((l) => l.spanId === byIdSpan.spanId)!;
  expect(fetchLog.eventName).toBe('integration.request');
  expect(fetchLog.attributes).toMatchObject({
    'event.name': 'integration.request',
    'integration.log_type': 'sync',
    'integration.tool': 'personio',
    'integration.customer.id': 'cust-1',
    'http.request.method': 'GET',
    'http.response.status_code': 200,
    'url.template': '/v1/employees',
  });
  expect(typeof fetchLog.attributes['integration.request.duration_ms']).toBe('number');
  const fb = requestBody(fetchLog);
  expect(fb.request.headers.authorization).toBe('[REDACTED]');
  expect(fb.request.url).toContain('api_key=REDACTED');
  expect(fb.response.status).toBe(200);
  expect(JSON.parse(fb.response.body).data[0].email).toBe('ada@example.com');
  expect(fb.response.bodyEncoding).toBe('utf8');
  expect(fb.response.bodyTruncated).toBe(false);
  expect(fb.response.bodySize).toBe(Buffer.byteLength(fb.response.body));
  const nb = requestBody(byIdLog);
  expect(JSON.parse(nb.response.body)).toEqual({ id: '12345', name: 'Ada' });

  // sync metrics, warnings and the summary
  const model = rx.logsByEvent('integration.sync.model').find((l) => l.traceId === root.traceId)!;
  expect(model.attributes).toMatchObject({
    'integration.sync.model': 'employees',
    'integration.sync.records.read': 5,
    'integration.sync.records.created': 1,
    'integration.sync.records.failed': 1,
    'integration.tool': 'personio',
  });
  expect(model.spanId).toBe(root.spanId);
  const warning = rx.logsByEvent('integration.warning').find((l) => l.traceId === root.traceId)!;
  expect(warning.body).toBe('2 employees without email');
  expect(warning.attributes['integration.sync.model']).toBe('employees');
  expect(summary.spanId).toBe(root.spanId);
  expect(summary.attributes).toMatchObject({
    'integration.outcome': 'partial',
    'integration.request.count': 2,
    'integration.request.4xx_count': 0,
    'integration.request.5xx_count': 0,
    'integration.operation': 'delta',
  });
  expect(summary.body).toMatch(/^sync personio delta: partial in \d+(ms|\.\ds), 2 requests$/);
  // no secret anywhere in what was exported
  expect(rx.rawBodies.join('\n')).not.toContain('sk_live_abcdef123456');
});
