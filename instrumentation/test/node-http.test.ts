/**
 * node:http requests inside a scope (the path axios/got take), in a child process on
 * the built package: statuses, bodies written and piped, chunked, large, binary, errors.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { closedPortUrl, type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { requestRecord } from './support/sdk-fixture.js';
import { BINARY_BODY, startToolServer, type ToolServer } from './support/tool-server.js';

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

test('node:http requests in a scope become request spans and records', async () => {
  const env = {
    PATH: process.env.PATH ?? '',
    OTEL_EXPORTER_OTLP_ENDPOINT: rx.url,
    TOOL_URL: tool.url,
    CLOSED_URL: `${await closedPortUrl()}/gone`,
  };
  const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'node-http-matrix.cjs')], {
      cwd: path.join(__dirname, '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  const { traceId, seen } = JSON.parse(out.stdout);
  expect(seen).toMatchObject({
    401: 401,
    403: 403,
    404: 404,
    500: 500,
    422: 422,
    chunked: 'chunk-0;chunk-1;chunk-2;chunk-3;chunk-4;',
    large: 300000,
    slow: 200,
    piped: '55',
    refused: 'ECONNREFUSED',
  });
  expect(Buffer.from(seen.binary, 'base64').equals(BINARY_BODY)).toBe(true);

  await rx.waitFor(() => rx.logsByEvent('integration.operation').some((l) => l.traceId === traceId));
  const spans = rx.spans.filter((s) => s.traceId === traceId);
  const root = spans.find((s) => s.name === 'sync personio')!;
  const clients = spans.filter((s) => s.kind === 3);
  expect(clients).toHaveLength(11);
  expect(clients.every((s) => s.parentSpanId === root.spanId && s.attributes['integration.id'] === 'int-http')).toBe(
    true
  );
  for (const code of [401, 403, 404, 500]) {
    const s = clients.find((c) => c.attributes['http.response.status_code'] === code)!;
    expect(s.status.code).toBe(2);
    expect(s.attributes['error.type']).toBe(String(code));
  }
  const refused = clients.find((c) => String(c.attributes['url.full']).endsWith('/gone'))!;
  expect(refused.status.code).toBe(2);
  expect(refused.attributes['http.response.status_code']).toBeUndefined();

  const records = rx.logsByEvent('integration.request').filter((l) => l.traceId === traceId);
  expect(records).toHaveLength(11);
  const byUrl = (suffix: string) =>
    requestRecord(records.find((l) => String(l.attributes['url.full']).endsWith(suffix))!);
  const posted = byUrl('/v1/employees');
  expect(JSON.parse(posted.request.body!)).toEqual({ name: 'Ada', token: '[REDACTED]' });
  expect(posted.response).toMatchObject({ status: 422, body: '{"error":"email missing"}' });
  expect(byUrl('/chunked').response!.body).toBe('chunk-0;chunk-1;chunk-2;chunk-3;chunk-4;');
  expect(byUrl('/large?bytes=300000').response).toMatchObject({ bodySize: 300000, bodyTruncated: true });
  expect(byUrl('/binary').response).toMatchObject({ bodyEncoding: 'base64', bodySize: BINARY_BODY.length });
  expect(JSON.parse(byUrl('/v1/employees/55').response!.body!)).toEqual({ id: '55', name: 'Ada' });
  expect(byUrl('/gone').response).toBeNull();
  const summary = rx.logsByEvent('integration.operation').find((l) => l.traceId === traceId)!;
  expect(summary.attributes).toMatchObject({
    'integration.request.count': 11,
    'integration.request.4xx_count': 4,
    'integration.request.5xx_count': 1,
  });
  expect(rx.rawBodies.join('')).not.toContain('tok-never-exported-1');
});
