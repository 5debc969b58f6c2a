import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { credentialFor, REVOKED_SECRET, type Credential } from '../src/shared/accounts';
import { signPayload, verifySignature } from '../src/shared/signature';
import { createDemoTool, type DemoTool, type ToolOptions } from '../src/tool/server';
import { AccountStore, type Employee, type FieldError } from '../src/tool/store';
import { createRandom } from '../src/shared/random';

const acme = credentialFor('acc_acme');
const globex = credentialFor('acc_globex'); // an API key
const initech = credentialFor('acc_initech'); // no absences scope
const wayneReadOnly = credentialFor('acc_wayne', 'limited');

function authHeaders(credential: Credential): Record<string, string> {
  return credential.kind === 'bearer'
    ? { authorization: `Bearer ${credential.secret}` }
    : { 'x-api-key': credential.secret };
}

const tools: DemoTool[] = [];
async function startTool(options: ToolOptions = {}): Promise<{ tool: DemoTool; url: string }> {
  const tool = createDemoTool({
    errorRate: 0,
    slowRate: 0,
    rateLimit: { capacity: 10_000, refillPerSecond: 10_000 },
    ...options,
  });
  tools.push(tool);
  return { tool, url: await tool.listen(0) };
}
afterEach(async () => {
  await Promise.all(tools.splice(0).map((t) => t.close()));
});

/** The tool's JSON answers, as far as these tests read them. */
interface EmployeePage {
  data: Employee[];
  next_cursor: string | null;
}
interface OneEmployee {
  data: Employee;
}
interface ApiError {
  error: string;
  details: FieldError[];
}

/** `Body` names the answer the caller expects; an empty body reads as undefined. */
async function call<Body = unknown>(
  url: string,
  credential: Credential | undefined,
  init: { method?: string; body?: unknown } = {}
) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(credential ? authHeaders(credential) : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : undefined) as Body };
}

describe('demo tool API', () => {
  test('pages through every employee once, in id order, with opaque cursors', async () => {
    const { tool, url } = await startTool();
    const ids: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: URLSearchParams = new URLSearchParams({ page_size: '25', ...(cursor ? { cursor } : {}) });
      const page = await call<EmployeePage>(`${url}/v1/employees?${query}`, acme);
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(25);
      ids.push(...page.json.data.map((e) => e.id));
      cursor = page.json.next_cursor;
      pages++;
    } while (cursor);
    const expected = tool
      .store('acc_acme')
      .list('employees')
      .map((e) => e.id);
    expect(ids).toEqual(expected);
    expect(ids).toHaveLength(140);
    expect(pages).toBe(Math.ceil(140 / 25));

    expect((await call(`${url}/v1/employees?page_size=0`, acme)).status).toBe(400);
    expect((await call(`${url}/v1/employees?page_size=101`, acme)).status).toBe(400);
    expect((await call(`${url}/v1/employees?cursor=not-ours`, acme)).status).toBe(400);
  });

  test('gets one employee and answers 404 for unknown ids and routes', async () => {
    const { url } = await startTool();
    const one = await call<OneEmployee>(`${url}/v1/employees/1001`, acme);
    expect(one.status).toBe(200);
    expect(one.json.data).toMatchObject({ id: 1001, deleted_at: null });
    expect((await call(`${url}/v1/employees/999999`, acme)).status).toBe(404);
    expect((await call(`${url}/v1/payroll`, acme)).status).toBe(404);
  });

  test('401 without or with bad credentials, 403 for a missing scope, API keys accepted', async () => {
    const { url } = await startTool();
    const missing = await call(`${url}/v1/employees`, undefined);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const revoked = await call<ApiError>(`${url}/v1/employees`, { ...acme, secret: REVOKED_SECRET });
    expect(revoked.status).toBe(401);
    expect(revoked.json.error).toBe('invalid_token');
    // A bearer secret sent as an API key is not accepted either.
    expect((await call(`${url}/v1/employees`, { ...acme, kind: 'api_key' })).status).toBe(401);

    expect((await call(`${url}/v1/employees`, globex)).status).toBe(200);
    const me = await call(`${url}/v1/me`, globex);
    expect(me.json).toMatchObject({ account_id: 'acc_globex', product: 'bamboohr' });

    const forbidden = await call(`${url}/v1/absences`, initech);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ error: 'insufficient_scope', required_scope: 'absences:read' });
    expect((await call(`${url}/v1/departments`, initech)).status).toBe(200);
    const readOnlyWrite = await call(`${url}/v1/employees`, wayneReadOnly, {
      method: 'POST',
      body: { first_name: 'A', last_name: 'B', email: 'a@b.example' },
    });
    expect(readOnlyWrite.status).toBe(403);
  });

  test('creates and updates employees, with 422 and field details for invalid input', async () => {
    const { url } = await startTool();
    const invalid = await call<ApiError>(`${url}/v1/employees`, acme, {
      method: 'POST',
      body: { first_name: '', email: 'nope' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.details.map((d) => d.field).sort()).toEqual(['email', 'first_name', 'last_name']);
    expect((await call(`${url}/v1/employees`, acme, { method: 'POST', body: [1, 2] })).status).toBe(422);

    const created = await call<OneEmployee>(`${url}/v1/employees`, acme, {
      method: 'POST',
      body: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@engine.example', department_id: 101 },
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id;
    expect((await call<OneEmployee>(`${url}/v1/employees/${id}`, acme)).json.data.email).toBe('ada@engine.example');

    const duplicate = await call<ApiError>(`${url}/v1/employees`, acme, {
      method: 'POST',
      body: { first_name: 'A', last_name: 'L', email: 'ADA@engine.example' },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.details).toEqual([{ field: 'email', message: 'is already used by another employee' }]);

    const patched = await call<OneEmployee>(`${url}/v1/employees/${id}`, acme, {
      method: 'PATCH',
      body: { job_title: 'Analyst' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ id, job_title: 'Analyst', email: 'ada@engine.example' });
    expect((await call(`${url}/v1/employees/${id}`, acme, { method: 'PATCH', body: { email: 'x' } })).status).toBe(422);
    expect((await call(`${url}/v1/employees/424242`, acme, { method: 'PATCH', body: { job_title: 'X' } })).status).toBe(
      404
    );

    const bad = await fetch(`${url}/v1/employees`, {
      method: 'POST',
      headers: { ...authHeaders(acme), 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  test('429 with Retry-After once a client drains its bucket; other clients unaffected', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { url } = await startTool({ rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => clock });
    for (let i = 0; i < 3; i++) {
      const ok = await call(`${url}/v1/departments`, acme);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
    }
    const limited = await call(`${url}/v1/departments`, acme);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect((await call(`${url}/v1/departments`, globex)).status).toBe(200);
    clock += 2000;
    expect((await call(`${url}/v1/departments`, acme)).status).toBe(200);
  });

  test('stricter limits for some accounts; deterministic throttling of every n-th request', async () => {
    const clock = Date.parse('2026-01-01T00:00:00Z');
    const { url } = await startTool({
      now: () => clock,
      accountRateLimits: { acc_globex: { capacity: 2, refillPerSecond: 1 } },
      throttleEveryNth: { acc_acme: 3 },
    });
    const globexStatuses = [];
    for (let i = 0; i < 3; i++) globexStatuses.push((await call(`${url}/v1/departments`, globex)).status);
    expect(globexStatuses).toEqual([200, 200, 429]);
    const acmeStatuses = [];
    for (let i = 0; i < 6; i++) acmeStatuses.push((await call(`${url}/v1/departments`, acme)).status);
    expect(acmeStatuses).toEqual([200, 200, 429, 200, 200, 429]);
    const throttled = await call(`${url}/v1/departments`, acme);
    expect(throttled.status).toBe(200);
  });

  test('`since` returns only rows changed since then, deletions included', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { url } = await startTool({ now: () => clock });
    clock += 60_000;
    const since = new Date(clock).toISOString();
    clock += 1000;
    expect(
      (await call(`${url}/v1/employees/1005`, acme, { method: 'PATCH', body: { job_title: 'Lead' } })).status
    ).toBe(200);
    expect((await call(`${url}/v1/employees/1007`, acme, { method: 'DELETE' })).status).toBe(204);

    const delta = await call<EmployeePage>(`${url}/v1/employees?since=${encodeURIComponent(since)}`, acme);
    expect(delta.json.data.map((e) => [e.id, e.deleted_at !== null])).toEqual([
      [1005, false],
      [1007, true],
    ]);
    const full = await call<EmployeePage>(`${url}/v1/employees?page_size=100`, acme);
    expect(full.json.data.some((e) => e.id === 1007)).toBe(false);
    expect((await call(`${url}/v1/employees?since=yesterday`, acme)).status).toBe(400);
  });

  test('500s follow the configured rate and the seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const { url } = await startTool({ seed, errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await call(`${url}/v1/departments`, acme)).status);
      return out;
    };
    const first = await statuses(7);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses(7)).toEqual(first);
    const { url } = await startTool({ errorRate: 1 });
    expect((await call(`${url}/v1/departments`, acme)).status).toBe(500);
  });
});

describe('demo tool data', () => {
  test('a long run of simulated changes keeps each account near its starting size', () => {
    const store = new AccountStore({ accountId: 'acc_test', seed: 1, employees: 20, keepDeleted: 50 });
    const random = createRandom(9);
    const kinds = new Set<string>();
    for (let i = 0; i < 3000; i++) for (const change of store.simulateChange(random)) kinds.add(change.type);
    expect(kinds).toEqual(new Set(['employee.created', 'employee.updated', 'employee.deleted']));
    const employees = store.list('employees');
    expect(employees.filter((e) => !e.deleted_at).length).toBeLessThanOrEqual(31);
    expect(employees.length).toBeLessThanOrEqual(31 + 50);
    expect(store.list('absences').filter((a) => !a.deleted_at).length).toBeLessThanOrEqual(21);
    expect(store.list('absences').length).toBeLessThanOrEqual(21 + 50);
  });
});

describe('demo tool webhooks', () => {
  let receiver: Server;
  let received: { path: string; headers: IncomingMessage['headers']; body: string }[];
  let receiverUrl: string;
  beforeEach(async () => {
    received = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  });
  afterEach(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('posts signed employee.created/updated events to <url>/<tool>', async () => {
    const secret = 'test-secret';
    const { tool, url } = await startTool({ webhookUrl: receiverUrl, webhookSecret: secret });
    const created = await call<OneEmployee>(`${url}/v1/employees`, globex, {
      method: 'POST',
      body: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
    });
    await call(`${url}/v1/employees/${created.json.data.id}`, globex, {
      method: 'PATCH',
      body: { job_title: 'Rear Admiral' },
    });
    await call(`${url}/v1/employees`, globex, { method: 'POST', body: { first_name: 'no email' } }); // 422: no event
    await tool.webhooks.idle();

    expect(received.map((r) => [r.path, r.headers['x-demo-event']])).toEqual([
      ['/webhooks/bamboohr', 'employee.created'],
      ['/webhooks/bamboohr', 'employee.updated'],
    ]);
    for (const delivery of received) {
      const signature = delivery.headers['x-demo-signature'] as string;
      expect(verifySignature(secret, signature, delivery.body)).toEqual({ ok: true });
      expect(verifySignature('other-secret', signature, delivery.body)).toEqual({ ok: false, reason: 'mismatch' });
      expect(verifySignature(secret, signature, delivery.body.replace('Grace', 'Gracie'))).toEqual({
        ok: false,
        reason: 'mismatch',
      });
      const event = JSON.parse(delivery.body);
      expect(event).toMatchObject({ account_id: 'acc_globex', data: { employee: { id: created.json.data.id } } });
    }
  });

  test('signatures expire and malformed ones are rejected', () => {
    const body = '{"a":1}';
    const old = signPayload('s', body, 1_000);
    expect(verifySignature('s', old, body, { nowS: 1_100 })).toEqual({ ok: true });
    expect(verifySignature('s', old, body, { nowS: 2_000 })).toEqual({ ok: false, reason: 'expired' });
    expect(verifySignature('s', undefined, body)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature('s', 't=abc,v1=zz', body)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('simulated changes are reproducible from the seed and send webhooks', async () => {
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const { tool } = await startTool({ seed: 3, webhookUrl: receiverUrl });
      runs.push(tool.simulateChanges(12).map((e) => `${e.accountId}:${e.type}:${e.employee.id}`));
      await tool.webhooks.idle();
    }
    expect(runs[0]!.length).toBeGreaterThan(0);
    expect(runs[1]).toEqual(runs[0]);
    expect(received).toHaveLength(runs[0]!.length * 2);
  });
});
