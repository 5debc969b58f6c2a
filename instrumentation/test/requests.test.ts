/** fetch/undici requests inside scopes against a local tool API: statuses, bodies, retries, rate limits. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFixture, requestRecord, type Fixture } from './support/sdk-fixture.js';
import { BINARY_BODY } from './support/tool-server.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ maxBodyBytes: 1024 });
});
afterAll(() => f.stop());

const CLIENT = 3;
const ERROR = 2;

async function inSync(fn: () => Promise<void>) {
  let traceId = '';
  await f.il.sync({ tool: 'personio', integrationId: 'int-9', customerId: 'c-9', operation: 'full' }, async (op) => {
    traceId = op.traceId;
    await fn();
  });
  return traceId;
}

test('4xx and 5xx become ERROR client spans with error.type, counted in the summary', async () => {
  const statuses = [401, 403, 404, 500];
  const traceId = await inSync(async () => {
    for (const s of statuses) {
      const r = await fetch(`${f.tool.url}/status/${s}`);
      expect(r.status).toBe(s);
      await r.text();
    }
  });
  const spans = await f.trace(traceId, statuses.length + 1);
  for (const s of statuses) {
    const span = spans.find((x) => x.kind === CLIENT && x.attributes['http.response.status_code'] === s)!;
    expect(span).toBeDefined();
    expect(span.status.code).toBe(ERROR);
    expect(span.attributes['error.type']).toBe(String(s));
    expect(span.name).toBe('GET /status/{id}');
  }
  const logs = await f.logsOf(traceId, statuses.length + 1);
  const summary = logs.find((l) => l.eventName === 'integration.operation')!;
  expect(summary.attributes).toMatchObject({
    'integration.request.count': 4,
    'integration.request.4xx_count': 3,
    'integration.request.5xx_count': 1,
    'integration.outcome': 'success',
  });
  const rec = logs.find(
    (l) => l.eventName === 'integration.request' && l.attributes['http.response.status_code'] === 500
  )!;
  expect(rec.severityText).toBe('ERROR');
  expect(rec.attributes['error.type']).toBe('500');
});

test('a 422 POST records the redacted request body and the response body', async () => {
  const traceId = await inSync(async () => {
    const r = await fetch(`${f.tool.url}/v1/employees`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'key-should-not-leak-123' },
      body: JSON.stringify({ name: 'Ada', password: 'hunter2-should-not-leak' }),
    });
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual({ error: 'email missing' });
  });
  const logs = await f.logsOf(traceId, 2);
  const rec = requestRecord(logs.find((l) => l.eventName === 'integration.request')!);
  expect(rec.request.method).toBe('POST');
  expect(JSON.parse(rec.request.body!)).toEqual({ name: 'Ada', password: '[REDACTED]' });
  expect(rec.request.bodySize).toBe(
    Buffer.byteLength(JSON.stringify({ name: 'Ada', password: 'hunter2-should-not-leak' }))
  );
  expect(rec.request.headers['x-api-key']).toBe('[REDACTED]');
  expect(rec.response!.status).toBe(422);
  expect(JSON.parse(rec.response!.body!)).toEqual({ error: 'email missing' });
  // the tool really received the body the caller sent
  expect(JSON.parse(f.tool.received.at(-1)!.body.toString())).toEqual({
    name: 'Ada',
    password: 'hunter2-should-not-leak',
  });
  // the span carries the listed headers (spanHeaders) of both directions, and no others
  const span = (await f.trace(traceId, 2)).find((s) => s.kind === CLIENT)!;
  expect(span.attributes).toMatchObject({
    'http.request.header.content-type': ['application/json'],
    'http.response.header.content-type': ['application/json'],
  });
  expect(Object.keys(span.attributes).filter((k) => k.includes('.header.x-api-key'))).toEqual([]);
  const exported = f.rx.rawBodies.join('');
  expect(exported).not.toContain('hunter2-should-not-leak');
  expect(exported).not.toContain('key-should-not-leak-123');
});

test('429 with Retry-After and RateLimit headers becomes rate-limit attributes', async () => {
  const traceId = await inSync(async () => {
    const r = await fetch(`${f.tool.url}/status/429`);
    expect(r.headers.get('retry-after')).toBe('7');
    await r.arrayBuffer();
  });
  const spans = await f.trace(traceId, 2);
  const span = spans.find((s) => s.kind === CLIENT)!;
  expect(span.attributes).toMatchObject({
    'integration.ratelimit.retry_after_s': 7,
    'integration.ratelimit.limit': '10',
    'integration.ratelimit.remaining': '0',
    'integration.ratelimit.reset': '7',
  });
  // each fact once: the raw rate-limit headers are not copied by default
  expect(Object.keys(span.attributes).filter((k) => /header\.(retry-after|x?-?ratelimit)/.test(k))).toEqual([]);
  const logs = await f.logsOf(traceId, 2);
  expect(
    logs.find((l) => l.eventName === 'integration.request')!.attributes['integration.ratelimit.retry_after_s']
  ).toBe(7);
});

test('repeating a failed request marks resends; op.attempt sets the count explicitly', async () => {
  let traceId = '';
  await f.il.action({ tool: 'personio', operation: 'create_employee' }, async (op) => {
    traceId = op.traceId;
    for (;;) {
      const r = await fetch(`${f.tool.url}/flaky/a1`);
      await r.text();
      if (r.ok) break;
    }
    await op.attempt(3, async () => (await fetch(`${f.tool.url}/v1/employees`)).text());
  });
  const spans = (await f.trace(traceId, 5)).filter((s) => s.kind === CLIENT);
  const flaky = spans
    .filter((s) => s.name === 'GET /flaky/a1')
    .sort((a, b) => a.startTimeUnixNano.localeCompare(b.startTimeUnixNano));
  expect(flaky.map((s) => s.attributes['http.request.resend_count'])).toEqual([undefined, 1, 2]);
  expect(flaky.map((s) => s.attributes['http.response.status_code'])).toEqual([503, 503, 200]);
  expect(spans.find((s) => s.name === 'GET /v1/employees')!.attributes['http.request.resend_count']).toBe(3);
});

test('gzip responses are recorded decoded; the caller still gets its body', async () => {
  let seen: unknown;
  const traceId = await inSync(async () => {
    seen = await (await fetch(`${f.tool.url}/gzip`)).json();
  });
  expect(seen).toMatchObject({ compressed: true });
  const logs = await f.logsOf(traceId, 2);
  const rec = requestRecord(logs.find((l) => l.eventName === 'integration.request')!);
  expect(rec.response!.contentEncoding).toBe('gzip');
  expect(JSON.parse(rec.response!.body!)).toEqual(seen);
  expect(rec.response!.bodySize).toBeLessThan(Buffer.byteLength(rec.response!.body!)); // wire size of the compressed body
});

test('large, chunked, binary, invalid UTF-8 and slow bodies: truncated, flagged, base64, intact for the caller', async () => {
  const got: Record<string, Buffer> = {};
  const traceId = await inSync(async () => {
    for (const p of ['/large?bytes=200000', '/chunked', '/binary', '/invalid-utf8', '/slow?ms=200']) {
      got[p] = Buffer.from(await (await fetch(`${f.tool.url}${p}`)).arrayBuffer());
    }
  });
  expect(got['/large?bytes=200000']!.length).toBe(200000);
  expect(got['/chunked']!.toString()).toBe('chunk-0;chunk-1;chunk-2;chunk-3;chunk-4;');
  expect(got['/binary']!.equals(BINARY_BODY)).toBe(true);
  const logs = (await f.logsOf(traceId, 6)).filter((l) => l.eventName === 'integration.request');
  const byPath = (p: string) => requestRecord(logs.find((l) => String(l.attributes['url.full']).endsWith(p))!);
  const large = byPath('/large?bytes=200000').response!;
  expect(large).toMatchObject({ bodySize: 200000, bodyTruncated: true, bodyEncoding: 'utf8' });
  expect(large.body!.length).toBe(1024);
  expect(byPath('/chunked').response!.body).toBe('chunk-0;chunk-1;chunk-2;chunk-3;chunk-4;');
  const bin = byPath('/binary').response!;
  expect(bin.bodyEncoding).toBe('base64');
  expect(Buffer.from(bin.body!, 'base64').equals(BINARY_BODY)).toBe(true);
  const bad = byPath('/invalid-utf8').response!;
  expect(bad.bodyEncoding).toBe('base64');
  expect(Buffer.from(bad.body!, 'base64')).toEqual(Buffer.from([0x68, 0x69, 0xff, 0xfe, 0xc3, 0x28]));
  expect(JSON.parse(byPath('/slow?ms=200').response!.body!)).toEqual({ slow: true });
});

test('a binary body with readable secret-like text is withheld, not shipped as base64', async () => {
  const traceId = await inSync(async () => {
    await (await fetch(`${f.tool.url}/binary-secret`)).arrayBuffer();
  });
  const logs = await f.logsOf(traceId, 2);
  const rec = requestRecord(logs.find((l) => l.eventName === 'integration.request')!);
  expect(rec.response).toMatchObject({ body: '[REDACTED]', bodyEncoding: 'utf8' });
  const exported = f.rx.rawBodies.join('');
  expect(exported).not.toContain('eyJzdWIiOiJhZGEifQ');
  expect(exported).not.toContain(Buffer.from('eyJzdWIiOiJhZGEifQ').toString('base64').slice(0, 20));
});

test('records emitted by application code still pass the full last-line redaction', async () => {
  const { logs } = await import('@opentelemetry/api');
  logs.getLogger('app').emit({
    eventName: 'app.note',
    body: 'called with Authorization: Bearer sk_live_51HappSecretValue99',
    attributes: { password: 'app-secret-pw-1' },
  });
  await f.il.forceFlush();
  await f.rx.waitFor(() => f.rx.logsByEvent('app.note').length > 0);
  const rec = f.rx.logsByEvent('app.note')[0]!;
  expect(String(rec.body)).not.toContain('sk_live_51HappSecretValue99');
  expect(rec.attributes['password']).toBe('[REDACTED]');
});

test('a connection error gives an ERROR span and a record with response null; the error reaches the caller', async () => {
  let traceId = '';
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await expect(
    f.il.passthrough({ tool: 'personio', operation: 'GET /nowhere' }, async (op) => {
      traceId = op.traceId;
      await fetch(`http://127.0.0.1:${port}/nowhere`);
    })
  ).rejects.toThrow('fetch failed');
  const spans = await f.trace(traceId, 2);
  const client = spans.find((s) => s.kind === CLIENT)!;
  expect(client.status.code).toBe(ERROR);
  expect(client.attributes['error.type']).toBeDefined();
  expect(client.attributes['http.response.status_code']).toBeUndefined();
  const root = spans.find((s) => s.name === 'passthrough personio')!;
  expect(root.status.code).toBe(ERROR);
  expect(root.attributes['integration.outcome']).toBe('failure');
  expect(root.attributes['error.type']).toBe('TypeError');
  const logs = await f.logsOf(traceId, 2);
  const rec = requestRecord(logs.find((l) => l.eventName === 'integration.request')!);
  expect(rec.response).toBeNull();
});

test('requests outside any scope are not recorded', async () => {
  const before = f.rx.spans.length;
  await (await fetch(`${f.tool.url}/v1/employees/outside-1`)).text();
  await f.il.sync({ tool: 'personio' }, async () => {
    await (await fetch(`${f.tool.url}/v1/employees`)).text();
  });
  await f.il.forceFlush();
  await f.rx.waitFor(() => f.rx.spans.length >= before + 2);
  expect(f.rx.spans.some((s) => String(s.attributes['url.full']).includes('outside-1'))).toBe(false);
  expect(f.rx.logs.some((l) => String(l.attributes['url.full']).includes('outside-1'))).toBe(false);
});
