/**
 * `node --import @integration-logs/instrumentation/register app` instruments an
 * unchanged application (CommonJS and ESM, node:http and fetch) from OTEL_* env vars.
 * Runs the built package (dist/, built by the jest globalSetup) in a child process.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { requestRecord } from './support/sdk-fixture.js';
import { startToolServer, type ToolServer } from './support/tool-server.js';

let rx: OtlpReceiver;
let tool: ToolServer;
beforeAll(async () => {
  rx = await startOtlpReceiver();
  tool = await startToolServer();
});
afterAll(async () => {
  await tool.close();
  await rx.close();
});

function runApp(
  fixture: string,
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', '@integration-logs/instrumentation/register', path.join(__dirname, 'fixtures', fixture)],
      {
        cwd: path.join(__dirname, '..'),
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const baseEnv = () => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: rx.url,
  OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-token=abc123',
  OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=ci,service.version=9.9.9',
  TOOL_URL: tool.url,
});

test('a CommonJS app: node:http and fetch requests, in and outside a scope, arrive at the collector', async () => {
  const run = await runApp('unchanged-app.cjs', { ...baseEnv(), OTEL_SERVICE_NAME: 'register-app' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({
    outside: 200,
    created: 201,
    gzipBytes: expect.any(Number),
    limited: 429,
    fetch: 200,
  });

  await rx.waitFor(
    () => rx.spans.some((s) => s.name === 'sync personio') && rx.logsByEvent('integration.operation').length > 0
  );
  await rx.waitFor(() => rx.logsByEvent('integration.request').length >= 5);
  const spans = rx.spans.filter((s) => s.resource['service.name'] === 'register-app');
  expect(spans[0]!.resource).toMatchObject({ 'deployment.environment.name': 'ci', 'service.version': '9.9.9' });
  expect(rx.requestHeaders.every((h) => h['x-collector-token'] === 'abc123')).toBe(true);

  // outside any scope: a root CLIENT span (record mode is the register default)
  const outside = spans.find((s) => String(s.attributes['url.full']).endsWith('/v1/employees/424242'))!;
  expect(outside).toMatchObject({ kind: 3, parentSpanId: undefined, name: 'GET /v1/employees/{id}' });

  const root = spans.find((s) => s.name === 'sync personio')!;
  const children = spans.filter((s) => s.parentSpanId === root.spanId);
  expect(children.map((s) => s.name).sort()).toEqual([
    'GET /gzip',
    'GET /status/{id}',
    'GET /v1/employees',
    'POST /v1/employees',
  ]);
  const limited = children.find((s) => s.name === 'GET /status/{id}')!;
  expect(limited.attributes).toMatchObject({
    'http.response.status_code': 429,
    'integration.ratelimit.retry_after_s': 7,
    'error.type': '429',
  });
  expect(limited.status.code).toBe(2);

  const recordOf = (name: string) =>
    requestRecord(
      rx.logsByEvent('integration.request').find((l) => l.spanId === children.find((s) => s.name === name)!.spanId)!
    );
  const created = recordOf('POST /v1/employees');
  expect(JSON.parse(created.request.body!)).toEqual({ name: 'Ada', email: 'a@x.io', password: '[REDACTED]' });
  expect(created.request.headers.authorization).toBe('[REDACTED]');
  expect(created.response!.status).toBe(201);
  expect(JSON.parse(created.response!.body!)).toMatchObject({ id: 42, name: 'Ada' });
  const gz = recordOf('GET /gzip');
  expect(gz.response!.contentEncoding).toBe('gzip');
  expect(JSON.parse(gz.response!.body!)).toMatchObject({ compressed: true });

  const summary = rx.logsByEvent('integration.operation').find((l) => l.spanId === root.spanId)!;
  expect(summary.attributes).toMatchObject({ 'integration.request.count': 4, 'integration.request.4xx_count': 1 });
  const exported = rx.rawBodies.join('');
  expect(exported).not.toContain('pw-must-not-leak-77');
  expect(exported).not.toContain('tok-must-not-leak-88');
  // the exporter's own requests are never traced
  expect(rx.spans.some((s) => String(s.attributes['url.full']).includes('/v1/traces'))).toBe(false);
});

test('an ES module app importing node:http is instrumented too', async () => {
  rx.reset();
  const run = await runApp('unchanged-app.mjs', { ...baseEnv(), OTEL_SERVICE_NAME: 'register-esm' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({ status: 200 });
  await rx.waitFor(() => rx.spans.some((s) => String(s.attributes['url.full']).endsWith('/v1/employees/777')));
  const span = rx.spans.find((s) => String(s.attributes['url.full']).endsWith('/v1/employees/777'))!;
  expect(span.resource['service.name']).toBe('register-esm');
  expect(rx.logsByEvent('integration.request').some((l) => l.spanId === span.spanId)).toBe(true);
});

test('INTEGRATION_LOGS_REDACTION_SHOW_RULE=true: masks name the rule that hid each value', async () => {
  rx.reset();
  const run = await runApp('unchanged-app.cjs', {
    ...baseEnv(),
    OTEL_SERVICE_NAME: 'register-rules',
    INTEGRATION_LOGS_REDACTION_SHOW_RULE: 'true',
  });
  expect(run.code).toBe(0);
  const post = () => rx.logsByEvent('integration.request').find((l) => l.attributes['http.request.method'] === 'POST');
  await rx.waitFor(() => post() !== undefined);
  const created = requestRecord(post()!);
  expect(JSON.parse(created.request.body!)).toEqual({ name: 'Ada', email: 'a@x.io', password: '[REDACTED:key]' });
  expect(created.request.headers.authorization).toBe('[REDACTED:header]');
  const exported = rx.rawBodies.join('');
  expect(exported).not.toContain('pw-must-not-leak-77');
  expect(exported).not.toContain('tok-must-not-leak-88');
});
