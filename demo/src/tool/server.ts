// The demo HRIS API: a plain node:http server with the failure modes real tools have
// (401/403/422/429, slow responses, occasional 500s) and signed change webhooks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ACCOUNTS, CREDENTIALS, findAccount, type Credential, type Scope } from '../shared/accounts.js';
import { createRandom, deriveSeed, type Random } from '../shared/random.js';
import { TokenBuckets } from './rate-limit.js';
import { AccountStore, ValidationError, type ChangeEvent, type Model, type Row } from './store.js';
import { WebhookSender, type WebhookDelivery } from './webhooks.js';

export interface ToolOptions {
  seed?: number;
  /** Share of authorised requests answered with a 500 (0..1). */
  errorRate?: number;
  /** Share of authorised requests delayed by `slowMs`. */
  slowRate?: number;
  slowMs?: number;
  /** Token bucket per credential. */
  rateLimit?: { capacity: number; refillPerSecond: number };
  /** Stricter buckets for some accounts (by account id), as some products are stricter. */
  accountRateLimits?: Record<string, { capacity: number; refillPerSecond: number }>;
  /** Deterministic throttling: every n-th authorised request of an account gets a 429 (tests, demo cycles). */
  throttleEveryNth?: Record<string, number>;
  /** Where change webhooks go (`<webhookUrl>/<tool slug>`); none are sent when unset. */
  webhookUrl?: string;
  webhookSecret?: string;
  onWebhookDelivery?: (delivery: WebhookDelivery) => void;
  now?: () => number;
}

export const DEFAULT_TOOL_OPTIONS = {
  seed: 42,
  errorRate: 0.02,
  slowRate: 0.05,
  slowMs: 1200,
  rateLimit: { capacity: 30, refillPerSecond: 10 },
  webhookSecret: 'demo-webhook-secret',
} as const;

export interface DemoTool {
  server: Server;
  webhooks: WebhookSender;
  store(accountId: string): AccountStore;
  /** Random changes across accounts, as the customers' HR teams would make them; sends webhooks. */
  simulateChanges(count: number): ChangeEvent[];
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(String(body.message ?? body.error));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function createDemoTool(options: ToolOptions = {}): DemoTool {
  const seed = options.seed ?? DEFAULT_TOOL_OPTIONS.seed;
  const now = options.now ?? Date.now;
  const changes: Random = createRandom(deriveSeed(seed, 'changes'));
  const webhooks = new WebhookSender({
    baseUrl: options.webhookUrl,
    secret: options.webhookSecret ?? DEFAULT_TOOL_OPTIONS.webhookSecret,
    onDelivery: options.onWebhookDelivery,
  });
  const store = accountStores(seed, now);
  const emit = (events: ChangeEvent[]): ChangeEvent[] => {
    for (const event of events) webhooks.send(event);
    return events;
  };
  const handle = requestHandler(options, now, store, emit);
  const server = createServer((req, res) => {
    res.setHeader('x-request-id', randomUUID());
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });

  return {
    server,
    webhooks,
    store,
    simulateChanges(count) {
      const events: ChangeEvent[] = [];
      for (let i = 0; i < count; i++) events.push(...store(changes.pick(ACCOUNTS).id).simulateChange(changes));
      return emit(events);
    },
    listen: (port = 0, host = '127.0.0.1') => listen(server, port, host),
    async close() {
      await webhooks.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

type StoreOf = (accountId: string) => AccountStore;
/** Sends change webhooks for the events and returns them. */
type Emit = (events: ChangeEvent[]) => ChangeEvent[];

/** Each account's data, made from the seed the first time the account is used. */
function accountStores(seed: number, now: () => number): StoreOf {
  const stores = new Map<string, AccountStore>();
  return (accountId) => {
    let found = stores.get(accountId);
    if (!found) {
      const account = findAccount(accountId);
      if (!account) throw new Error(`unknown account ${accountId}`);
      found = new AccountStore({ accountId, seed, employees: account.employees, now });
      stores.set(accountId, found);
    }
    return found;
  };
}

/** Routes, authenticates, rate-limits, checks the scope and injects faults, in that order, then serves. */
function requestHandler(options: ToolOptions, now: () => number, store: StoreOf, emit: Emit) {
  const limitRate = rateLimiter(options, now);
  const injectFaults = faultInjector(options);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://tool.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
    const route = matchRoute(method, url.pathname);
    if (!route) throw new HttpError(404, { error: 'not_found', message: `no route for ${method} ${url.pathname}` });

    const credential = authenticate(req);
    limitRate(credential, res);
    if (!credential.scopes.includes(route.scope)) {
      throw new HttpError(403, {
        error: 'insufficient_scope',
        message: `this token lacks the ${route.scope} scope`,
        required_scope: route.scope,
      });
    }
    await injectFaults();

    const data = store(credential.accountId);
    const body = method === 'POST' || method === 'PATCH' ? await readJson(req) : undefined;
    serveRoute(route, { credential, data, body, params: url.searchParams, emit }, res);
  };
}

/**
 * A token bucket per credential (stricter ones for some accounts) and the deterministic
 * every-n-th throttle: sets the rate-limit headers and throws a 429 when the request is over.
 */
function rateLimiter(options: ToolOptions, now: () => number): (credential: Credential, res: ServerResponse) => void {
  const limits = options.rateLimit ?? DEFAULT_TOOL_OPTIONS.rateLimit;
  const buckets = new TokenBuckets(limits.capacity, limits.refillPerSecond, now);
  const accountBuckets = new Map(
    Object.entries(options.accountRateLimits ?? {}).map(([accountId, l]) => [
      accountId,
      new TokenBuckets(l.capacity, l.refillPerSecond, now),
    ])
  );
  const requestsPerAccount = new Map<string, number>();
  return (credential, res) => {
    const decision = (accountBuckets.get(credential.accountId) ?? buckets).take(credential.secret);
    const nth = options.throttleEveryNth?.[credential.accountId];
    const count = (requestsPerAccount.get(credential.accountId) ?? 0) + 1;
    requestsPerAccount.set(credential.accountId, count);
    if (decision.allowed && nth && count % nth === 0)
      Object.assign(decision, { allowed: false, remaining: 0, retryAfterS: 1 });
    res.setHeader('x-ratelimit-limit', String(decision.limit));
    res.setHeader('x-ratelimit-remaining', String(decision.remaining));
    if (!decision.allowed) {
      throw new HttpError(
        429,
        { error: 'rate_limited', message: `too many requests, retry in ${decision.retryAfterS}s` },
        { 'retry-after': String(decision.retryAfterS), 'x-ratelimit-reset': String(decision.retryAfterS) }
      );
    }
  };
}

/** Slow answers and 500s at the configured shares, drawn from the seed's own `faults` stream. */
function faultInjector(options: ToolOptions): () => Promise<void> {
  const errorRate = options.errorRate ?? DEFAULT_TOOL_OPTIONS.errorRate;
  const slowRate = options.slowRate ?? DEFAULT_TOOL_OPTIONS.slowRate;
  const slowMs = options.slowMs ?? DEFAULT_TOOL_OPTIONS.slowMs;
  const faults: Random = createRandom(deriveSeed(options.seed ?? DEFAULT_TOOL_OPTIONS.seed, 'faults'));
  return async () => {
    if (faults.chance(slowRate)) await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (faults.chance(errorRate))
      throw new HttpError(500, { error: 'internal_error', message: 'something went wrong on our side' });
  };
}

interface RouteContext {
  credential: Credential;
  data: AccountStore;
  body: unknown;
  params: URLSearchParams;
  emit: Emit;
}

/** Answers an authorised request from the account's data; writes send change webhooks. */
function serveRoute(route: Route, { credential, data, body, params, emit }: RouteContext, res: ServerResponse): void {
  switch (route.name) {
    case 'me': {
      const account = findAccount(credential.accountId);
      return send(res, 200, { account_id: credential.accountId, product: account?.tool, scopes: credential.scopes });
    }
    case 'list':
      return send(res, 200, listPage(data.list(route.model), params));
    case 'get': {
      const employee = data.getEmployee(route.id);
      if (!employee) throw new HttpError(404, { error: 'not_found', message: `employee ${route.id} not found` });
      return send(res, 200, { data: employee });
    }
    case 'create': {
      const [event] = emit([data.createEmployee(body)]);
      return send(res, 201, { data: event?.employee });
    }
    case 'update': {
      const event = data.updateEmployee(route.id, body);
      if (!event) throw new HttpError(404, { error: 'not_found', message: `employee ${route.id} not found` });
      emit([event]);
      return send(res, 200, { data: event.employee });
    }
    case 'delete': {
      const event = data.deleteEmployee(route.id);
      if (!event) throw new HttpError(404, { error: 'not_found', message: `employee ${route.id} not found` });
      emit([event]);
      res.writeHead(204).end();
      return;
    }
  }
}

/** The answer to a request that failed: its own status for the API's errors, else a 500. */
function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof ValidationError) {
    return send(res, 422, { error: 'validation_failed', message: error.message, details: error.details });
  }
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    return send(res, error.status, error.body);
  }
  return send(res, 500, { error: 'internal_error', message: 'unexpected error' });
}

/** Listens and resolves with the base URL to call (127.0.0.1 for a wildcard address). */
function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`);
    });
  });
}

type Route =
  | { name: 'me'; scope: Scope }
  | { name: 'list'; model: Model; scope: Scope }
  | { name: 'get' | 'update' | 'delete'; id: number; scope: Scope }
  | { name: 'create'; scope: Scope };

function matchRoute(method: string, path: string): Route | undefined {
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  if (parts[0] !== 'v1') return undefined;
  const [, resource, idText, extra] = parts;
  if (extra !== undefined) return undefined;
  if (resource === 'me' && idText === undefined && method === 'GET') return { name: 'me', scope: 'employees:read' };
  if ((resource === 'departments' || resource === 'absences') && idText === undefined && method === 'GET') {
    return { name: 'list', model: resource, scope: `${resource}:read` };
  }
  if (resource !== 'employees') return undefined;
  if (idText === undefined) {
    if (method === 'GET') return { name: 'list', model: 'employees', scope: 'employees:read' };
    if (method === 'POST') return { name: 'create', scope: 'employees:write' };
    return undefined;
  }
  if (!/^\d{1,12}$/.test(idText)) return undefined;
  const id = Number(idText);
  if (method === 'GET') return { name: 'get', id, scope: 'employees:read' };
  if (method === 'PATCH') return { name: 'update', id, scope: 'employees:write' };
  if (method === 'DELETE') return { name: 'delete', id, scope: 'employees:write' };
  return undefined;
}

function authenticate(req: IncomingMessage): Credential {
  const authorization = req.headers.authorization;
  const apiKey = req.headers['x-api-key'];
  let found: Credential | undefined;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    found = match ? CREDENTIALS.find((c) => c.kind === 'bearer' && c.secret === match[1]) : undefined;
  } else if (typeof apiKey === 'string') {
    found = CREDENTIALS.find((c) => c.kind === 'api_key' && c.secret === apiKey);
  } else {
    throw new HttpError(
      401,
      { error: 'unauthorized', message: 'missing credentials: send a bearer token or an X-API-Key' },
      { 'www-authenticate': 'Bearer realm="demo-hris"' }
    );
  }
  if (!found) {
    throw new HttpError(
      401,
      { error: 'invalid_token', message: 'the token or API key is invalid or revoked' },
      { 'www-authenticate': 'Bearer realm="demo-hris", error="invalid_token"' }
    );
  }
  return found;
}

function listPage(rows: Row[], params: URLSearchParams): { data: Row[]; next_cursor: string | null } {
  const sizeText = params.get('page_size');
  const pageSize = sizeText === null ? DEFAULT_PAGE_SIZE : Number(sizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new HttpError(400, {
      error: 'invalid_request',
      message: `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    });
  }
  const since = params.get('since');
  let sinceMs: number | undefined;
  if (since !== null) {
    sinceMs = Date.parse(since);
    if (Number.isNaN(sinceMs))
      throw new HttpError(400, { error: 'invalid_request', message: 'since must be an ISO 8601 timestamp' });
  }
  const cursor = params.get('cursor');
  const afterId = cursor ? decodeCursor(cursor) : 0;
  // A full listing leaves deleted rows out; a delta listing (`since`) includes them so the
  // caller learns about deletions.
  const matching = rows.filter((row) =>
    sinceMs === undefined ? row.deleted_at === null : Date.parse(row.updated_at) >= sinceMs
  );
  const page = matching.filter((row) => row.id > afterId).slice(0, pageSize);
  const last = page.at(-1);
  const hasMore = last !== undefined && matching.some((row) => row.id > last.id);
  return { data: page, next_cursor: hasMore ? encodeCursor(last.id) : null };
}

const encodeCursor = (afterId: number): string => Buffer.from(JSON.stringify({ after: afterId })).toString('base64url');

function decodeCursor(cursor: string): number {
  try {
    const after = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown }).after;
    if (typeof after === 'number' && Number.isInteger(after)) return after;
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, { error: 'invalid_request', message: 'cursor is not one this API issued' });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: 'payload_too_large', message: 'body over 1 MB' });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, { error: 'invalid_json', message: 'the body is not valid JSON' });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
