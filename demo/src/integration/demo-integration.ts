// The demo integration: syncs HR data from several customers' tools, runs actions and
// passthrough calls, answers the tools' webhooks and backs connection flows, all through
// the SDK's operation scopes. Scheduling lives elsewhere (scheduler.ts, cycle.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IntegrationLogs, OperationScope } from '@integration-logs/instrumentation';
import { FLOW_EVENTS, type LogType } from '@integration-logs/semantic-conventions';
import { ALL_SCOPES, credentialFor, findAccount, REVOKED_SECRET } from '../shared/accounts.js';
import { createRandom, deriveSeed, type Random } from '../shared/random.js';
import { SIGNATURE_HEADER, verifySignature } from '../shared/signature.js';
import { CONNECTIONS, connectionForAccount, type Connection } from './connections.js';
import { ToolApiError, ToolClient } from './tool-client.js';

/** The part of the SDK the demo uses. */
export type IntegrationLogsApi = Pick<
  IntegrationLogs,
  'sync' | 'action' | 'passthrough' | 'connectionFlow' | 'flowEvent' | 'incomingWebhook'
>;

export type SyncKind = 'full' | 'delta';
type ModelName = 'departments' | 'employees' | 'absences';
interface Row {
  id: number;
  updated_at: string;
  deleted_at: string | null;
}
interface EmployeeRow extends Row {
  email: string | null;
}
interface AbsenceRow extends Row {
  employee_id: number;
}

/** What the integration has stored for one connection: ids and versions per model. */
interface Mirror {
  rows: Record<ModelName, Map<number, string>>;
  lastSyncStartedAt?: string;
}

export interface DemoIntegrationOptions {
  il: IntegrationLogsApi;
  toolUrl: string;
  webhookSecret: string;
  seed?: number;
  /** Scales the client's retry waits (0 = retry at once). */
  waitScale?: number;
}

/** A connection flow, one list of steps per user session. */
export type FlowStep =
  'open' | 'select_tool' | 'submit_valid' | 'submit_invalid' | 'submit_limited' | 'close' | 'give_up';
export const FLOW_SCENARIOS = {
  // Wrong key first, leaves, comes back and connects.
  connected: [
    ['open', 'select_tool', 'submit_invalid', 'close'],
    ['open', 'submit_valid'],
  ],
  // Looks around, later grants too few permissions and leaves for good.
  abandoned: [
    ['open', 'select_tool', 'close'],
    ['open', 'select_tool', 'submit_limited', 'close'],
  ],
  // Never finds working credentials.
  failed: [
    ['open', 'select_tool', 'submit_invalid', 'close'],
    ['open', 'submit_limited', 'submit_invalid', 'give_up'],
  ],
} as const satisfies Record<string, readonly (readonly FlowStep[])[]>;
export type FlowScenario = keyof typeof FLOW_SCENARIOS;

export interface FlowPlan {
  flowId: string;
  scenario: FlowScenario;
  customerId: string;
  accountId: string;
  /** The customer's employee who connects the tool: an id from the customer's own app. */
  endUserId: string;
}

const MODELS: readonly ModelName[] = ['departments', 'employees', 'absences'];

/** One operation the integration started, with the trace that holds it. */
export interface OperationNote {
  /** Incoming webhooks are the tool's doing, not an operation the integration starts. */
  logType: Exclude<LogType, 'incoming_webhook'>;
  tool: string;
  integrationId?: string;
  customerId: string;
  operation: string;
  traceId: string;
}

export class DemoIntegration {
  readonly connections: readonly Connection[] = CONNECTIONS;
  private readonly il: IntegrationLogsApi;
  private readonly options: DemoIntegrationOptions;
  private readonly random: Random;
  private readonly mirrors = new Map<string, Mirror>();
  /** Connections whose customer revoked the token: every call answers 401 until then. */
  private readonly revokedUntil = new Map<string, number>();
  private createdCount = 0;
  private readonly listeners = new Set<(note: OperationNote) => void>();

  constructor(options: DemoIntegrationOptions) {
    this.options = options;
    this.il = options.il;
    this.random = createRandom(deriveSeed(options.seed ?? 42, 'integration'));
  }

  /** Simulates a customer revoking the integration's token for a while (a burst of 401s). */
  revokeToken(integrationId: string, untilMs: number): void {
    this.revokedUntil.set(integrationId, untilMs);
  }

  restoreToken(integrationId: string): void {
    this.revokedUntil.delete(integrationId);
  }

  private client(conn: Connection): ToolClient {
    const revoked = (this.revokedUntil.get(conn.integrationId) ?? 0) > Date.now();
    const credential = revoked ? { ...conn.credential, secret: REVOKED_SECRET } : conn.credential;
    return new ToolClient({ baseUrl: this.options.toolUrl, credential, waitScale: this.options.waitScale ?? 1 });
  }

  /** Calls `listener` with each operation as it starts; returns the unsubscribe function. */
  onOperation(listener: (note: OperationNote) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private note(
    logType: OperationNote['logType'],
    meta: Omit<OperationNote, 'logType' | 'traceId'>,
    op: { traceId: string }
  ): void {
    for (const listener of this.listeners) listener({ logType, ...meta, traceId: op.traceId });
  }

  private meta(conn: Connection, operation: string) {
    return { tool: conn.tool, integrationId: conn.integrationId, customerId: conn.customerId, operation };
  }

  // ---- syncs --------------------------------------------------------------------------

  /** A full or delta sync of every model. Rejects when the sync fails (401, tool down). */
  async sync(conn: Connection, kind: SyncKind): Promise<void> {
    const mirror = this.mirror(conn);
    const startedAt = new Date().toISOString();
    const since = kind === 'delta' ? mirror.lastSyncStartedAt : undefined;
    await this.il.sync(this.meta(conn, kind), async (op) => {
      this.note('sync', this.meta(conn, kind), op);
      const client = this.client(conn);
      let partial = false;
      for (const model of MODELS) {
        try {
          await this.syncModel(op, client, mirror, model, since, conn.pageSize);
        } catch (error) {
          // Employees are the core of the sync: without them the sync failed. The other
          // models are best effort: skipped with a warning, the sync is partial.
          if (model === 'employees' || !(error instanceof ToolApiError) || error.status === 401) throw error;
          const reason =
            error.status === 403 ? `the token lacks the ${model}:read scope` : `the tool answered ${error.status}`;
          op.warn(`${model} skipped: ${reason}`, { model });
          partial = true;
        }
      }
      if (partial) op.setOutcome('partial');
    });
    mirror.lastSyncStartedAt = startedAt;
  }

  private async syncModel(
    op: OperationScope,
    client: ToolClient,
    mirror: Mirror,
    model: ModelName,
    since: string | undefined,
    pageSize: number
  ): Promise<void> {
    const known = mirror.rows[model];
    const seen = new Set<number>();
    let withoutEmail = 0;
    let orphans = 0;
    for await (const page of client.pages<Row>(`/v1/${model}`, { since, pageSize })) {
      const counts = { read: page.length, created: 0, updated: 0, deleted: 0, failed: 0 };
      for (const row of page) {
        seen.add(row.id);
        if (row.deleted_at) {
          if (known.delete(row.id)) counts.deleted++;
          continue;
        }
        if (model === 'absences' && !mirror.rows.employees.has((row as AbsenceRow).employee_id)) {
          counts.failed++;
          orphans++;
          continue;
        }
        if (model === 'employees' && !(row as EmployeeRow).email) withoutEmail++;
        const previous = known.get(row.id);
        if (previous === undefined) counts.created++;
        else if (previous !== row.updated_at) counts.updated++;
        known.set(row.id, row.updated_at);
      }
      op.recordModel(model, counts);
    }
    if (since === undefined) {
      // A full listing leaves deleted rows out: whatever we knew and did not see is gone.
      let deleted = 0;
      for (const id of [...known.keys()]) {
        if (!seen.has(id)) {
          known.delete(id);
          deleted++;
        }
      }
      if (deleted > 0) op.recordModel(model, { deleted });
    }
    if (withoutEmail > 0)
      op.warn(`${withoutEmail} employee${withoutEmail === 1 ? '' : 's'} without email address`, { model });
    if (orphans > 0)
      op.warn(`${orphans} absence${orphans === 1 ? '' : 's'} of unknown employees not stored`, { model });
  }

  private mirror(conn: Connection): Mirror {
    let mirror = this.mirrors.get(conn.integrationId);
    if (!mirror) {
      mirror = { rows: { departments: new Map(), employees: new Map(), absences: new Map() } };
      this.mirrors.set(conn.integrationId, mirror);
    }
    return mirror;
  }

  // ---- actions and passthrough ----------------------------------------------------------

  /** The `create_employee` action; `invalid` sends what a buggy caller would (422). */
  async createEmployee(conn: Connection, { invalid = false } = {}): Promise<{ id: number }> {
    const n = ++this.createdCount;
    const first = this.random.pick(['Mae', 'Alonzo', 'Ida', 'Claude', 'Evelyn', 'Seymour']);
    const last = this.random.pick(['Jemison', 'Church', 'Rhodes', 'Shannon', 'Boyd', 'Cray']);
    const domain = `${conn.customerId.replace(/^cus_/, '')}.example`;
    const body = invalid
      ? this.random.pick([
          { first_name: first, last_name: last }, // no email
          { first_name: first, last_name: last, email: `${first}.${last}` }, // not an email
          { first_name: '', last_name: last, email: `${first}.${n}@${domain}`, start_date: '2026-13-45' },
        ])
      : {
          first_name: first,
          last_name: last,
          email: `${first}.${last}.${n}@${domain}`.toLowerCase(),
          department_id: 101 + (n % 8),
          password_hint: 'not-a-secret',
          api_token: 'demo-should-be-redacted',
        };
    return this.il.action(this.meta(conn, 'create_employee'), async (op) => {
      this.note('action', this.meta(conn, 'create_employee'), op);
      const created = await this.client(conn).request<{ data: { id: number } }>('POST', '/v1/employees', body);
      return { id: created.data.id };
    });
  }

  /** The `update_employee` action: a new job title for one employee. */
  async updateEmployee(conn: Connection, employeeId: number): Promise<void> {
    const title = this.random.pick(['Staff Engineer', 'Team Lead', 'Head of People', 'Account Manager']);
    await this.il.action(this.meta(conn, 'update_employee'), async (op) => {
      this.note('action', this.meta(conn, 'update_employee'), op);
      await this.client(conn).request('PATCH', `/v1/employees/${employeeId}`, { job_title: title });
    });
  }

  /** A passthrough call: the caller's request goes to the tool as is, and so does the answer. */
  async passthrough(conn: Connection, path: string): Promise<{ status: number; body: unknown }> {
    const route = `GET ${path.split('?')[0]?.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
    return this.il.passthrough(this.meta(conn, route), async (op) => {
      this.note('passthrough', this.meta(conn, route), op);
      const res = await this.client(conn).raw('GET', path);
      if (res.status >= 400) op.setOutcome('failure');
      return { status: res.status, body: res.body };
    });
  }

  /** Some employee id this connection knows, for actions and passthrough calls. */
  knownEmployeeId(conn: Connection): number | undefined {
    const ids = [...this.mirror(conn).rows.employees.keys()];
    return ids.length > 0 ? this.random.pick(ids) : undefined;
  }

  // ---- incoming webhooks ----------------------------------------------------------------

  /** A node request handler for `POST /webhooks/<tool>`. */
  webhookHandler(): (req: IncomingMessage, res: ServerResponse) => void {
    const byTool = new Map<string, (req: IncomingMessage, res: ServerResponse) => unknown>();
    const handlerFor = (tool: string) => {
      let handler = byTool.get(tool);
      if (!handler) {
        handler = this.il.incomingWebhook(
          {
            tool,
            route: '/webhooks/:tool',
            operation: (req) => header(req, 'x-demo-event'),
            integrationId: (req) => connectionForAccount(header(req, 'x-demo-account'))?.integrationId,
            customerId: (req) => connectionForAccount(header(req, 'x-demo-account'))?.customerId,
          },
          (req, res) =>
            this.handleWebhook(req, res).catch(() => reply(res, 500, { error: 'could not process the webhook' }))
        );
        byTool.set(tool, handler);
      }
      return handler;
    };
    return (req, res) => {
      const match = /^\/webhooks\/([a-z0-9_-]+)\/?(?:\?.*)?$/.exec(req.url ?? '');
      if (req.url === '/healthz') return void reply(res, 200, { status: 'ok' });
      if (!match?.[1] || req.method !== 'POST') return void reply(res, 404, { error: 'not_found' });
      void handlerFor(match[1])(req, res);
    };
  }

  private async handleWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const check = verifySignature(this.options.webhookSecret, header(req, SIGNATURE_HEADER), body);
    if (!check.ok) return reply(res, 401, { error: 'invalid_signature', reason: check.reason });
    let event: { type?: string; account_id?: string; data?: { employee?: { id?: number } } };
    try {
      event = JSON.parse(body);
    } catch {
      return reply(res, 400, { error: 'invalid_json' });
    }
    const conn = connectionForAccount(event.account_id);
    // Prospects' accounts send webhooks too; nothing is connected for them yet.
    if (!conn) return reply(res, 202, { status: 'ignored', reason: 'no connection for this account' });
    const id = event.data?.employee?.id;
    if (typeof id !== 'number') return reply(res, 422, { error: 'no employee id in the event' });
    // Deletions need no lookup; the next delta sync records them in the sync metrics.
    if (event.type === 'employee.deleted') return reply(res, 200, { status: 'processed' });
    // Payloads are hints, the API is the truth: fetch the current record (the sync mirror
    // is left to the syncs, so their metrics show every change).
    try {
      await this.client(conn).request<{ data: Row }>('GET', `/v1/employees/${id}`);
      return reply(res, 200, { status: 'processed' });
    } catch (error) {
      // Tell the tool to redeliver later.
      return reply(res, 503, {
        error: 'could not fetch the employee',
        status: error instanceof ToolApiError ? error.status : undefined,
      });
    }
  }

  // ---- connection flows -----------------------------------------------------------------

  /** Runs one user session of a flow: the end user's steps, reported as flow events. */
  async flowSession(
    plan: FlowPlan,
    sessionIndex: number,
    sessionId: string,
    pause?: () => Promise<void>
  ): Promise<void> {
    const steps = FLOW_SCENARIOS[plan.scenario][sessionIndex];
    if (!steps) throw new Error(`scenario ${plan.scenario} has no session ${sessionIndex}`);
    const account = findAccount(plan.accountId);
    if (!account) throw new Error(`unknown account ${plan.accountId}`);
    const base = {
      tool: account.tool,
      customerId: plan.customerId,
      flowId: plan.flowId,
      sessionId,
      endUserId: plan.endUserId,
    };
    for (const [i, step] of steps.entries()) {
      if (i > 0 && pause) await pause(); // the end user reads, types, thinks
      switch (step) {
        case 'open':
          this.il.flowEvent({
            ...base,
            event: FLOW_EVENTS.opened,
            step: 'start',
            details: { session: sessionIndex + 1 },
          });
          break;
        case 'select_tool':
          this.il.flowEvent({
            ...base,
            event: FLOW_EVENTS.toolSelected,
            step: 'select_tool',
            details: { tool: account.tool },
          });
          break;
        case 'close':
          this.il.flowEvent({
            ...base,
            event: FLOW_EVENTS.closed,
            step: 'credentials',
            details: { reason: 'user closed the window' },
          });
          break;
        case 'give_up':
          this.il.flowEvent({
            ...base,
            event: FLOW_EVENTS.failed,
            step: 'credentials',
            details: { reason: 'too many invalid attempts' },
          });
          break;
        default:
          await this.submitCredentials(plan, base, step);
      }
    }
  }

  /** The backend call behind the credentials form: checks the key against the tool. */
  private async submitCredentials(
    plan: FlowPlan,
    base: { tool: string; customerId: string; flowId: string; sessionId: string; endUserId: string },
    step: 'submit_valid' | 'submit_invalid' | 'submit_limited'
  ): Promise<void> {
    const credential =
      step === 'submit_valid'
        ? credentialFor(plan.accountId, 'full')
        : step === 'submit_limited'
          ? credentialFor(plan.accountId, 'limited')
          : {
              ...credentialFor(plan.accountId, 'full'),
              secret: `${credentialFor(plan.accountId, 'full').secret.slice(0, -4)}oops`,
            };
    await this.il.connectionFlow({ ...base, operation: 'submit_credentials' }, async (flow) => {
      this.note(
        'connection_flow',
        { tool: base.tool, customerId: base.customerId, operation: 'submit_credentials' },
        flow
      );
      flow.event(FLOW_EVENTS.credentialsSubmitted, {
        step: 'credentials',
        details: { scheme: credential.kind, api_key: credential.secret },
      });
      const me = await new ToolClient({ baseUrl: this.options.toolUrl, credential }).raw('GET', '/v1/me');
      if (me.status === 401) {
        flow.event(FLOW_EVENTS.credentialsInvalid, {
          step: 'credentials',
          details: { status: me.status, response: me.body },
        });
        flow.setOutcome('failure');
        return;
      }
      if (me.status >= 400) throw new ToolApiError(me.status, me.body, 'GET /v1/me');
      const granted = (me.body as { scopes?: string[] }).scopes ?? [];
      const missing = ALL_SCOPES.filter((scope) => !granted.includes(scope));
      if (missing.length > 0) {
        flow.event(FLOW_EVENTS.permissionsMissing, {
          step: 'permissions',
          details: { missing_scopes: missing, granted_scopes: granted },
        });
        flow.setOutcome('failure');
        return;
      }
      flow.event(FLOW_EVENTS.connected, {
        step: 'done',
        details: { account_id: (me.body as { account_id?: string }).account_id, scopes: granted },
      });
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1_000_000) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
