/** Operation scopes: log types, errors, nesting, concurrency, webhooks and connection flows. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestRecord, startFixture, type Fixture } from './support/sdk-fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.stop());

const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

test('action and passthrough scopes name their span by log type and tool and return fn’s value', async () => {
  let t1 = '';
  let t2 = '';
  const a = await f.il.action(
    { tool: 'greenhouse', integrationId: 'i-1', customerId: 'c-1', operation: 'create_candidate' },
    (op) => {
      t1 = op.traceId;
      return 41 + 1;
    }
  );
  const p = await f.il.passthrough({ tool: 'greenhouse', operation: 'GET /v1/jobs' }, async (op) => {
    t2 = op.traceId;
    return (await fetch(`${f.tool.url}/v1/employees`)).status;
  });
  expect(a).toBe(42);
  expect(p).toBe(200);
  const [action] = await f.trace(t1, 1);
  expect(action).toMatchObject({ name: 'action greenhouse', kind: INTERNAL });
  expect(action!.attributes).toMatchObject({
    'integration.log_type': 'action',
    'integration.operation': 'create_candidate',
    'integration.outcome': 'success',
  });
  const spans = await f.trace(t2, 2);
  expect(spans.find((s) => s.kind === INTERNAL)!.name).toBe('passthrough greenhouse');
});

test('a thrown error fails the operation, is rethrown unchanged, and its message is redacted', async () => {
  class ToolAuthError extends Error {}
  const err = new ToolAuthError('token sk_live_51Habcdefghijklmnopqrstuv rejected');
  let traceId = '';
  await expect(
    f.il.sync({ tool: 'personio', operation: 'delta' }, (op) => {
      traceId = op.traceId;
      throw err;
    })
  ).rejects.toBe(err);
  const [span] = await f.trace(traceId, 1);
  expect(span!.status.code).toBe(ERROR);
  expect(span!.attributes).toMatchObject({ 'integration.outcome': 'failure', 'error.type': 'ToolAuthError' });
  expect(span!.events[0]!.name).toBe('exception');
  const logs = await f.logsOf(traceId, 1);
  expect(logs[0]!.attributes).toMatchObject({ 'integration.outcome': 'failure', 'error.type': 'ToolAuthError' });
  expect(logs[0]!.severityText).toBe('ERROR');
  expect(f.rx.rawBodies.join('')).not.toContain('sk_live_51Habcdefghijklmnopqrstuv');
});

test('an AbortError ends the operation as cancelled', async () => {
  let traceId = '';
  await expect(
    f.il.sync({ tool: 'personio' }, async (op) => {
      traceId = op.traceId;
      await fetch(`${f.tool.url}/slow?ms=2000`, { signal: AbortSignal.timeout(50) });
    })
  ).rejects.toThrow();
  const spans = await f.trace(traceId, 1);
  const root = spans.find((s) => s.kind === INTERNAL)!;
  // AbortSignal.timeout raises a TimeoutError; an explicit abort raises AbortError
  expect(['cancelled', 'failure']).toContain(root.attributes['integration.outcome']);
  const ctl = new AbortController();
  let t2 = '';
  await expect(
    f.il.sync({ tool: 'personio' }, async (op) => {
      t2 = op.traceId;
      const p = fetch(`${f.tool.url}/slow?ms=2000`, { signal: ctl.signal });
      setTimeout(() => ctl.abort(), 20);
      await p;
    })
  ).rejects.toThrow();
  const [r2] = (await f.trace(t2, 1)).filter((s) => s.kind === INTERNAL);
  expect(r2!.attributes['integration.outcome']).toBe('cancelled');
});

test('nested scopes: the inner operation is a child, requests belong to the innermost scope', async () => {
  let traceId = '';
  await f.il.sync({ tool: 'personio', integrationId: 'outer' }, async (op) => {
    traceId = op.traceId;
    await fetch(`${f.tool.url}/v1/employees/1`);
    await f.il.action({ tool: 'personio', integrationId: 'inner', operation: 'fetch_details' }, async () => {
      await fetch(`${f.tool.url}/v1/employees/2`);
    });
    await fetch(`${f.tool.url}/v1/employees/3`);
  });
  const spans = await f.trace(traceId, 5);
  const outer = spans.find((s) => s.name === 'sync personio')!;
  const inner = spans.find((s) => s.name === 'action personio')!;
  expect(inner.parentSpanId).toBe(outer.spanId);
  const clients = spans.filter((s) => s.kind === CLIENT);
  const parentOf = (id: string) =>
    clients.find((s) => String(s.attributes['url.full']).endsWith(`/v1/employees/${id}`))!.parentSpanId;
  expect(parentOf('1')).toBe(outer.spanId);
  expect(parentOf('2')).toBe(inner.spanId);
  expect(parentOf('3')).toBe(outer.spanId);
  const logs = await f.logsOf(traceId, 5);
  const summaries = logs.filter((l) => l.eventName === 'integration.operation');
  expect(summaries.find((l) => l.spanId === outer.spanId)!.attributes['integration.request.count']).toBe(2);
  expect(summaries.find((l) => l.spanId === inner.spanId)!.attributes['integration.request.count']).toBe(1);
});

test('many concurrent operations on one event loop keep their context apart', async () => {
  const N = 25;
  const traces = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      f.il.sync({ tool: 'personio', integrationId: `int-${i}` }, async (op) => {
        for (let k = 0; k < 3; k++) {
          await new Promise((r) => setTimeout(r, Math.random() * 10));
          await (await fetch(`${f.tool.url}/v1/employees/${i}00${k}`)).text();
        }
        op.recordModel('employees', { read: i });
        return op.traceId;
      })
    )
  );
  expect(new Set(traces).size).toBe(N);
  for (let i = 0; i < N; i += 6) {
    const spans = await f.trace(traces[i]!, 4);
    const clients = spans.filter((s) => s.kind === CLIENT);
    expect(clients).toHaveLength(3);
    for (const c of clients) {
      expect(c.attributes['integration.id']).toBe(`int-${i}`);
      expect(String(c.attributes['url.full'])).toContain(`/v1/employees/${i}00`);
    }
    const logs = await f.logsOf(traces[i]!, 5);
    expect(
      logs.find((l) => l.eventName === 'integration.sync.model')!.attributes['integration.sync.records.read']
    ).toBe(i);
    expect(logs.find((l) => l.eventName === 'integration.operation')!.attributes['integration.request.count']).toBe(3);
  }
});

test('incomingWebhook makes the SERVER span of the request, with HTTP server conventions', async () => {
  const server = http.createServer(
    f.il.incomingWebhook(
      {
        tool: 'personio',
        route: '/webhooks/:tool',
        operation: (req) => String(req.headers['x-event-type']),
        integrationId: (req) => new URL(req.url!, 'http://x').searchParams.get('integration') ?? undefined,
      },
      async (req, res) => {
        for await (const _ of req) void _;
        await (await fetch(`${f.tool.url}/v1/employees/77`)).text();
        if (req.headers['x-event-type'] === 'crash') throw new Error('handler failed');
        // Headers only given to writeHead: Node sends them without keeping them in getHeaders().
        const event = req.headers['x-event-type'];
        res
          .writeHead(event === 'bad' ? 400 : event === 'down' ? 503 : 202, {
            'content-type': 'text/plain',
            'x-request-id': 'req-1',
            'x-api-key': 'sk_hook_secret_value',
          })
          .end('ok');
      }
    )
  );
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const post = (event: string) =>
      fetch(`${base}/webhooks/personio?integration=int-5`, {
        method: 'POST',
        headers: { 'x-event-type': event },
        body: '{"employee":1}',
      });
    expect((await post('employee.created')).status).toBe(202);
    expect((await post('bad')).status).toBe(400);
    expect((await post('down')).status).toBe(503);
    await f.il.forceFlush();
    await f.rx.waitFor(() => f.rx.spans.filter((s) => s.name === 'incoming_webhook personio').length >= 3);
    const hooks = f.rx.spans.filter((s) => s.name === 'incoming_webhook personio');
    const ok = hooks.find((s) => s.attributes['integration.operation'] === 'employee.created')!;
    expect(ok.kind).toBe(SERVER);
    expect(ok.attributes).toMatchObject({
      'integration.log_type': 'incoming_webhook',
      'integration.id': 'int-5',
      'http.request.method': 'POST',
      'url.path': '/webhooks/personio',
      'http.route': '/webhooks/:tool',
      'http.response.status_code': 202,
      'integration.outcome': 'success',
    });
    expect(ok.status.code).toBe(0);
    const bad = hooks.find((s) => s.attributes['integration.operation'] === 'bad')!;
    expect(bad.attributes['http.response.status_code']).toBe(400);
    expect(bad.status.code).toBe(0); // server spans leave 4xx unset
    // a 5xx answer: ERROR status, and error.type on the span and the operation record
    const down = hooks.find((s) => s.attributes['integration.operation'] === 'down')!;
    expect(down.status.code).toBe(2);
    expect(down.attributes).toMatchObject({ 'error.type': '503', 'integration.outcome': 'failure' });
    const downSummary = (await f.logsOf(down.traceId, 3)).find((l) => l.eventName === 'integration.operation')!;
    expect(downSummary.attributes).toMatchObject({ 'error.type': '503', 'integration.outcome': 'failure' });
    const child = await f.trace(ok.traceId, 2);
    expect(child.find((s) => s.kind === CLIENT)!.parentSpanId).toBe(ok.spanId);
    // the webhook's own request record: what the tool sent and what we answered
    const logs = await f.logsOf(ok.traceId, 3);
    const rec = logs.find((l) => l.eventName === 'integration.request' && l.spanId === ok.spanId)!;
    expect(rec.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 202,
      'url.template': '/webhooks/:tool',
      'integration.log_type': 'incoming_webhook',
    });
    const body = requestRecord(rec);
    expect(body.request).toMatchObject({ method: 'POST', body: '{"employee":1}', bodySize: 14 });
    expect(body.request.url).toMatch(/\/webhooks\/personio\?integration=int-5$/);
    expect(body.response).toMatchObject({ status: 202, body: 'ok' });
    expect(body.response!.headers).toMatchObject({
      'content-type': 'text/plain',
      'x-request-id': 'req-1',
      'x-api-key': '[REDACTED]',
    });
    const summary = logs.find((l) => l.eventName === 'integration.operation')!;
    expect(summary.attributes['integration.request.count']).toBe(2); // the webhook itself and the call it made
  } finally {
    process.off('unhandledRejection', onUnhandled);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  expect(unhandled).toEqual([]);
});

test('connection flows: events carry flow and session ids; standalone events reuse the session', async () => {
  let traceId = '';
  let sessionId = '';
  await f.il.connectionFlow(
    { tool: 'personio', customerId: 'cust-7', flowId: 'flow-1', operation: 'submit_credentials' },
    async (flow) => {
      traceId = flow.traceId;
      sessionId = flow.sessionId;
      flow.event('credentials_submitted', {
        step: 'credentials',
        details: { fields: ['client_id', 'client_secret'], client_secret: 'shh-secret-value-123' },
      });
    }
  );
  f.il.flowEvent({ tool: 'personio', customerId: 'cust-7', flowId: 'flow-1', event: 'connected', step: 'done' });
  f.il.flowEvent({
    tool: 'personio',
    customerId: 'cust-7',
    flowId: 'flow-2',
    sessionId: 'browser-session-9',
    event: 'flow_opened',
  });
  const [root] = await f.trace(traceId, 1);
  expect(root!.name).toBe('connection_flow personio');
  expect(root!.attributes).toMatchObject({
    'integration.flow.id': 'flow-1',
    'integration.flow.session.id': sessionId,
    'integration.operation': 'submit_credentials',
  });
  await f.il.forceFlush();
  await f.rx.waitFor(() => f.rx.logsByEvent('integration.flow.event').length >= 3);
  const events = f.rx.logsByEvent('integration.flow.event');
  const submitted = events.find((e) => e.attributes['integration.flow.event'] === 'credentials_submitted')!;
  expect(submitted.traceId).toBe(traceId);
  expect(submitted.attributes).toMatchObject({
    'integration.flow.id': 'flow-1',
    'integration.flow.session.id': sessionId,
    'integration.flow.step': 'credentials',
    'integration.customer.id': 'cust-7',
    'integration.log_type': 'connection_flow',
  });
  expect(JSON.parse(submitted.body as string)).toEqual({
    fields: ['client_id', 'client_secret'],
    client_secret: '[REDACTED]',
  });
  const connected = events.find((e) => e.attributes['integration.flow.event'] === 'connected')!;
  expect(connected.attributes['integration.flow.session.id']).toBe(sessionId);
  expect(connected.traceId).toBeUndefined();
  expect(
    events.find((e) => e.attributes['integration.flow.id'] === 'flow-2')!.attributes['integration.flow.session.id']
  ).toBe('browser-session-9');
});

test('connection flows: the end user id goes on the flow span, its records and the flow events', async () => {
  let traceId = '';
  await f.il.connectionFlow(
    {
      tool: 'hibob',
      customerId: 'cust-8',
      flowId: 'flow-eu-1',
      endUserId: 'user-1042',
      operation: 'submit_credentials',
    },
    async (flow) => {
      traceId = flow.traceId;
      flow.event('credentials_submitted', { step: 'credentials' });
    }
  );
  f.il.flowEvent({
    tool: 'hibob',
    customerId: 'cust-8',
    flowId: 'flow-eu-1',
    endUserId: 'user-1042',
    event: 'connected',
  });
  f.il.flowEvent({ tool: 'hibob', customerId: 'cust-8', flowId: 'flow-eu-2', event: 'flow_opened' });
  const [root] = await f.trace(traceId, 1);
  expect(root!.attributes['integration.flow.end_user.id']).toBe('user-1042');
  const summary = (await f.logsOf(traceId, 2)).find((l) => l.eventName === 'integration.operation')!;
  expect(summary.attributes['integration.flow.end_user.id']).toBe('user-1042');
  await f.rx.waitFor(
    () =>
      f.rx
        .logsByEvent('integration.flow.event')
        .filter((e) => String(e.attributes['integration.flow.id']).startsWith('flow-eu-')).length >= 3
  );
  const events = f.rx
    .logsByEvent('integration.flow.event')
    .filter((e) => String(e.attributes['integration.flow.id']).startsWith('flow-eu-'));
  expect(
    events.map((e) => [e.attributes['integration.flow.event'], e.attributes['integration.flow.end_user.id']])
  ).toEqual([
    ['credentials_submitted', 'user-1042'],
    ['connected', 'user-1042'],
    ['flow_opened', undefined],
  ]);
});

test('malformed input never throws: circular attributes, odd counts, non-string warnings', async () => {
  const circular: Record<string, unknown> = { name: 'x' };
  circular.self = circular;
  let traceId = '';
  await f.il.sync({ tool: 'personio', attributes: { circular, fn: () => 1, big: 10n } }, (op) => {
    traceId = op.traceId;
    op.warn('circular attached', { attributes: { circular } });
    op.recordModel('employees', { read: Number.NaN, created: Infinity, updated: 2 });
    op.warn(undefined as unknown as string);
    op.span.setAttribute('plain', 1);
  });
  const logs = await f.logsOf(traceId, 4);
  const w = logs.find((l) => l.body === 'circular attached')!;
  expect(w.attributes['circular']).toBe('{"name":"x","self":"[Circular]"}');
  expect(logs.find((l) => l.eventName === 'integration.sync.model')!.attributes).toMatchObject({
    'integration.sync.records.read': 0,
    'integration.sync.records.updated': 2,
  });
});

test('the summary line keeps the outcome when the operation name reads like a key, and still hides secrets in names', async () => {
  let flowTrace = '';
  await f.il.connectionFlow(
    { tool: 'personio', customerId: 'c-9', flowId: 'flow-summary', operation: 'submit_credentials' },
    (flow) => {
      flowTrace = flow.traceId;
    }
  );
  let leakyTrace = '';
  await f.il.action({ tool: 'personio', operation: 'sync sk_live_51Habcdefghijklmnopqrstuv' }, (op) => {
    leakyTrace = op.traceId;
  });
  const [flowSummary] = (await f.logsOf(flowTrace, 1)).filter((l) => l.eventName === 'integration.operation');
  expect(flowSummary!.body).toMatch(/^connection_flow personio submit_credentials: success in \d+ms, 0 requests$/);
  const [leakySummary] = (await f.logsOf(leakyTrace, 1)).filter((l) => l.eventName === 'integration.operation');
  expect(leakySummary!.body).toMatch(/^action personio sync \[REDACTED\]: success in/);
  expect(JSON.stringify(leakySummary)).not.toContain('sk_live_51Habcdefghijklmnopqrstuv');
});
