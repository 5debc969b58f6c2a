/**
 * Both OTLP/HTTP encodings, end to end: the SDK exports to the real receiver, which
 * decodes JSON and protobuf. JSON is the default; the standard variables choose per
 * signal (`OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, `_LOGS_PROTOCOL`) or for both.
 */
import { startFixture } from './support/sdk-fixture.js';

const VARS = ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_LOGS_PROTOCOL'];
afterEach(() => {
  for (const v of VARS) delete process.env[v];
});

async function exportOneSync(env: Record<string, string>) {
  Object.assign(process.env, env);
  const f = await startFixture();
  try {
    let traceId = '';
    await f.il.sync({ tool: 'personio', integrationId: 'int-1', operation: 'delta' }, async (op) => {
      traceId = op.span.spanContext().traceId;
      await (
        await fetch(`${f.tool.url}/v1/employees/7`, {
          headers: { authorization: 'Bearer sk_live_51HxYzAbCdEfGhIjKlMnOpQr' },
        })
      ).text();
    });
    const spans = await f.trace(traceId, 2);
    const logs = await f.logsOf(traceId, 2);
    return { spans, logs, contentTypes: [...new Set(f.rx.contentTypes)], raw: f.rx.rawBodies.join('\n') };
  } finally {
    await f.stop();
  }
}

test.each([
  ['default (http/json)', {}, ['application/json']],
  [
    'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' },
    ['application/x-protobuf'],
  ],
  [
    'protobuf for traces only',
    { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' },
    ['application/json', 'application/x-protobuf'],
  ],
  [
    'json for logs over protobuf for both',
    { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'http/json' },
    ['application/json', 'application/x-protobuf'],
  ],
])('%s: spans and records arrive decoded and redacted', async (_name, env, expectedTypes) => {
  const { spans, logs, contentTypes, raw } = await exportOneSync(env);
  expect(contentTypes.sort()).toEqual(expectedTypes);
  const op = spans.find((s) => s.name === 'sync personio')!;
  const req = spans.find((s) => s.kind === 3)!;
  expect(op.attributes).toMatchObject({
    'integration.tool': 'personio',
    'integration.log_type': 'sync',
    'integration.id': 'int-1',
  });
  expect(req.parentSpanId).toBe(op.spanId);
  expect(req.attributes['http.response.status_code']).toBe(200);
  const record = logs.find((l) => l.eventName === 'integration.request')!;
  expect(record.spanId).toBe(req.spanId);
  expect(record.attributes['integration.request.duration_ms']).toEqual(expect.any(Number));
  const body = JSON.parse(record.body as string);
  expect(body.request.headers.authorization).toBe('[REDACTED]');
  expect(body.response.status).toBe(200);
  expect(raw).not.toContain('sk_live_51HxYzAbCdEfGhIjKlMnOpQr');
});
