import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  SeverityNumber,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_URL_FULL,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_CUSTOMER_ID,
  ATTR_FLOW_END_USER_ID,
  ATTR_FLOW_EVENT,
  ATTR_FLOW_ID,
  ATTR_FLOW_SESSION_ID,
  ATTR_FLOW_STEP,
  ATTR_INTEGRATION_ID,
  ATTR_LOG_TYPE,
  ATTR_OPERATION,
  ATTR_OPERATION_DURATION_MS,
  ATTR_OUTCOME,
  ATTR_REQUEST_4XX_COUNT,
  ATTR_REQUEST_5XX_COUNT,
  ATTR_REQUEST_COUNT,
  ATTR_SYNC_CREATED,
  ATTR_SYNC_DELETED,
  ATTR_SYNC_FAILED,
  ATTR_SYNC_MODEL,
  ATTR_SYNC_READ,
  ATTR_SYNC_UPDATED,
  ATTR_TOOL,
  EVENT_FLOW_EVENT,
  EVENT_OPERATION,
  EVENT_REQUEST,
  EVENT_SYNC_MODEL,
  ATTR_REQUEST_DURATION_MS,
  EVENT_WARNING,
  SCOPE_NAME,
  SCOPE_VERSION,
  type LogType,
  type Outcome,
} from './attributes.js';
import type { Emitter } from './emitter.js';
import type { FlowSessions } from './flow-sessions.js';
import { MAX_MODELS, OperationState, withOperation, withResendCount, type ModelCounts } from './operation-state.js';
import { labelValue } from './label-values.js';
import type { Redactor } from './redaction/index.js';
import { requestSeverity } from './request-capture.js';
import { errorType, isAbortError, safeJson, sanitizeAttributes } from './safe-values.js';
import { inferUrlTemplate } from './url-template.js';
import { requestScheme, WebhookCapture } from './webhook-capture.js';
import { reportFailure } from './diagnostics.js';

const ATTR_URL_TEMPLATE = 'url.template';

/** Who and what an operation is about. */
export interface OperationMeta {
  /** The third-party tool's slug, e.g. `personio`. */
  tool: string;
  /** One customer's connection to the tool. */
  integrationId?: string;
  customerId?: string;
  /** Sync type, action name, passthrough route, webhook event type or flow step. */
  operation?: string;
  /** Extra attributes for the operation span (not copied to records). */
  attributes?: Record<string, unknown>;
}

export interface FlowMeta extends OperationMeta {
  customerId: string;
  flowId: string;
  /** The end user's session; when omitted, sessions are split by the inactivity gap. */
  sessionId?: string;
  /** Your id of the end user connecting the tool (not an e-mail address or a name). */
  endUserId?: string;
}

export interface FlowEventInput {
  tool: string;
  customerId: string;
  integrationId?: string;
  flowId: string;
  sessionId?: string;
  /** Your id of the end user connecting the tool (not an e-mail address or a name). */
  endUserId?: string;
  /** e.g. `flow_opened`, `credentials_submitted`, `connected`. */
  event: string;
  step?: string;
  details?: unknown;
}

export interface WebhookMeta {
  tool: string;
  /** The webhook's event type; a function reads it from the request (headers, url). */
  operation?: string | ((req: IncomingMessage) => string | undefined);
  integrationId?: string | ((req: IncomingMessage) => string | undefined);
  customerId?: string | ((req: IncomingMessage) => string | undefined);
  /** Low-cardinality route for `http.route`, e.g. `/webhooks/:tool`. */
  route?: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ModelCountsInput {
  read?: number;
  created?: number;
  updated?: number;
  deleted?: number;
  failed?: number;
}

/** What the function inside a scope can do. */
export class OperationScope {
  /** @internal */
  constructor(
    protected readonly state: OperationState,
    protected readonly emitter: Emitter
  ) {}

  /** The operation span, to add attributes or events of your own. */
  get span(): Span {
    return this.state.span;
  }

  get traceId(): string {
    return this.state.span.spanContext().traceId;
  }

  /** Adds to the counts of one data model; one `integration.sync.model` record per model is emitted at the end. */
  recordModel(model: string, counts: ModelCountsInput): void {
    const models = this.state.models;
    let m = models.get(model);
    if (!m) {
      if (models.size >= MAX_MODELS) return;
      m = { read: 0, created: 0, updated: 0, deleted: 0, failed: 0 };
      models.set(model, m);
    }
    for (const k of ['read', 'created', 'updated', 'deleted', 'failed'] as const) {
      const v = counts?.[k];
      if (typeof v === 'number' && Number.isFinite(v)) m[k] += v;
    }
  }

  /** Emits an `integration.warning` record now. */
  warn(message: string, options?: { model?: string; attributes?: Record<string, unknown> }): void {
    const attrs: Attributes = { ...sanitizeAttributes(options?.attributes), ...this.state.attributes };
    if (options?.model) attrs[ATTR_SYNC_MODEL] = options.model;
    this.emitter.emit(EVENT_WARNING, this.state.span, SeverityNumber.WARN, String(message), attrs);
  }

  /** Sets the outcome reported when the operation ends (default `success`; a thrown error means `failure`). */
  setOutcome(outcome: Outcome): void {
    this.state.outcome = outcome;
  }

  /**
   * Runs `fn` with an explicit retry attempt number: requests made inside get
   * `http.request.resend_count = attempt` (0 = first try). Without it, a repeat of the
   * same method and URL after a failed attempt (error, 429, 5xx) counts as a resend.
   */
  attempt<T>(attempt: number, fn: () => T): T {
    return context.with(withResendCount(context.active(), attempt), fn);
  }
}

export class FlowScope extends OperationScope {
  /** @internal */
  constructor(
    state: OperationState,
    emitter: Emitter,
    private readonly flow: IntegrationLogs,
    private readonly meta: FlowMeta,
    readonly sessionId: string
  ) {
    super(state, emitter);
  }

  /** Emits an `integration.flow.event` record in this flow and session. */
  event(event: string, options?: { step?: string; details?: unknown }): void {
    this.flow.flowEvent({
      ...this.meta,
      sessionId: this.sessionId,
      event,
      step: options?.step,
      details: options?.details,
    });
  }
}

function resolve(
  v: string | ((req: IncomingMessage) => string | undefined) | undefined,
  req: IncomingMessage
): string | undefined {
  if (typeof v === 'function') {
    try {
      return v(req) ?? undefined;
    } catch (err) {
      reportFailure('warn', 'a webhook meta function threw; the value is left out', err);
      return undefined;
    }
  }
  return v;
}

/**
 * The operation record's one-line body. It is built from the caller's names, each redacted
 * on its own, and our own words: scanning the finished line as free text would read
 * `submit_credentials: success` as a `key: value` secret and hide the outcome.
 */
function summaryLine(state: OperationState, outcome: Outcome, durationMs: number, redactor: Redactor): string {
  const head = [state.logType, state.tool, state.operation]
    .filter(Boolean)
    .map((part) => redactor.text(String(part)))
    .join(' ');
  const secs = durationMs >= 1000 ? `${(durationMs / 1000).toFixed(1)}s` : `${Math.round(durationMs)}ms`;
  const errs = [state.count4xx ? `${state.count4xx} 4xx` : '', state.count5xx ? `${state.count5xx} 5xx` : '']
    .filter(Boolean)
    .join(', ');
  const reqs = `${state.requestCount} request${state.requestCount === 1 ? '' : 's'}${errs ? ` (${errs})` : ''}`;
  return `${head}: ${outcome} in ${secs}, ${reqs}`;
}

export interface IntegrationLogsDeps {
  emitter: Emitter;
  redactor: Redactor;
  sessions: FlowSessions;
  maxBodyBytes: number;
  captureBodies: boolean;
  tracer?: Tracer;
}

/**
 * The operation API: scopes for the five log types and standalone flow events.
 * Works with whatever tracer and logger providers are registered globally.
 */
export class IntegrationLogs {
  private readonly emitter: Emitter;
  private readonly redactor: Redactor;
  private readonly sessions: FlowSessions;
  private readonly maxBodyBytes: number;
  private readonly captureBodies: boolean;
  private readonly tracerOverride: Tracer | undefined;

  constructor(deps: IntegrationLogsDeps) {
    this.emitter = deps.emitter;
    this.redactor = deps.redactor;
    this.sessions = deps.sessions;
    this.maxBodyBytes = deps.maxBodyBytes;
    this.captureBodies = deps.captureBodies;
    this.tracerOverride = deps.tracer;
  }

  private tracer(): Tracer {
    return this.tracerOverride ?? trace.getTracer(SCOPE_NAME, SCOPE_VERSION);
  }

  sync<T>(meta: OperationMeta, fn: (op: OperationScope) => T | Promise<T>): Promise<T> {
    return this.run('sync', meta, fn);
  }

  action<T>(meta: OperationMeta, fn: (op: OperationScope) => T | Promise<T>): Promise<T> {
    return this.run('action', meta, fn);
  }

  passthrough<T>(meta: OperationMeta, fn: (op: OperationScope) => T | Promise<T>): Promise<T> {
    return this.run('passthrough', meta, fn);
  }

  connectionFlow<T>(meta: FlowMeta, fn: (flow: FlowScope) => T | Promise<T>): Promise<T> {
    const sessionId = this.sessions.sessionFor(meta.flowId, Date.now(), meta.sessionId);
    const extra: Attributes = { [ATTR_FLOW_ID]: meta.flowId, [ATTR_FLOW_SESSION_ID]: sessionId };
    if (meta.endUserId) extra[ATTR_FLOW_END_USER_ID] = String(meta.endUserId);
    return this.run(
      'connection_flow',
      meta,
      (_op, state) => fn(new FlowScope(state, this.emitter, this, meta, sessionId)),
      extra
    );
  }

  /** Emits one `integration.flow.event` record, e.g. from a stateless backend, outside any scope. */
  flowEvent(input: FlowEventInput): void {
    try {
      const sessionId = this.sessions.sessionFor(input.flowId, Date.now(), input.sessionId);
      const attrs: Attributes = {
        [ATTR_LOG_TYPE]: 'connection_flow',
        [ATTR_TOOL]: labelValue(input.tool),
        [ATTR_CUSTOMER_ID]: input.customerId,
        [ATTR_FLOW_ID]: input.flowId,
        [ATTR_FLOW_SESSION_ID]: sessionId,
        [ATTR_FLOW_EVENT]: input.event,
      };
      if (input.integrationId) attrs[ATTR_INTEGRATION_ID] = input.integrationId;
      if (input.step) attrs[ATTR_FLOW_STEP] = input.step;
      if (input.endUserId) attrs[ATTR_FLOW_END_USER_ID] = String(input.endUserId);
      const severity =
        input.event === 'failed' || input.event.endsWith('_invalid') || input.event.endsWith('_missing')
          ? SeverityNumber.WARN
          : SeverityNumber.INFO;
      const body = input.details === undefined ? '{}' : this.redactor.body(safeJson(input.details), 'application/json');
      this.emitter.emit(EVENT_FLOW_EVENT, context.active(), severity, body, attrs);
    } catch (err) {
      reportFailure('warn', 'could not record a flow event', err); // never break the caller
    }
  }

  /**
   * Wraps a node request handler: each request becomes an `incoming_webhook`
   * operation whose span is the SERVER span of the request.
   */
  incomingWebhook(meta: WebhookMeta, handler: RequestHandler): RequestHandler {
    return (req, res) => {
      const parent = propagation.extract(context.active(), req.headers);
      const url = req.url ?? '/';
      // Redacted once: the span's url.path and the request record's url.template both use it.
      const path = this.redactor.url(url.split('?', 1)[0] ?? '/');
      const opMeta: OperationMeta = {
        tool: meta.tool,
        operation: resolve(meta.operation, req),
        integrationId: resolve(meta.integrationId, req),
        customerId: resolve(meta.customerId, req),
      };
      const method = (req.method ?? 'GET').toUpperCase();
      const extra: Attributes = {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_PATH]: path,
        [ATTR_URL_SCHEME]: requestScheme(req),
      };
      if (meta.route) extra[ATTR_HTTP_ROUTE] = meta.route;
      const { state, ctx } = this.begin('incoming_webhook', opMeta, extra, SpanKind.SERVER, parent);
      state.requestCount = 1; // the webhook request itself
      let capture: WebhookCapture | undefined;
      try {
        capture = new WebhookCapture(req, res, this.maxBodyBytes, this.captureBodies);
      } catch (err) {
        reportFailure('warn', 'could not watch a webhook request; it is not recorded', err);
        capture = undefined;
      }
      let done = false;
      const finish = (err?: unknown) => {
        if (done) return;
        done = true;
        const status = res.headersSent || res.writableEnded ? res.statusCode : err ? 500 : res.statusCode;
        state.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        this.emitWebhookRequest(state, capture, method, res.headersSent ? status : undefined, path, meta.route);
        if (!err && state.outcome === undefined) state.outcome = status >= 400 ? 'failure' : 'success';
        const statusError = !err && status >= 500 ? String(status) : undefined;
        if (statusError) {
          state.span.setAttribute(ATTR_ERROR_TYPE, statusError);
          state.span.setStatus({ code: SpanStatusCode.ERROR });
        }
        // HTTP server conventions: a 4xx answer fails the operation but leaves the status unset.
        this.end(state, err, false, statusError);
      };
      res.once('finish', () => finish());
      res.once('close', () =>
        finish(
          res.writableFinished
            ? undefined
            : Object.assign(new Error('connection closed before the response was sent'), { name: 'ConnectionClosed' })
        )
      );
      try {
        const result = context.with(ctx, () => handler(req, res));
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).then(undefined, (err: unknown) => finish(err));
        }
        return result;
      } catch (err) {
        finish(err);
        throw err;
      }
    };
  }

  /** The webhook's own `integration.request` record: what the tool sent and what we answered. */
  private emitWebhookRequest(
    state: OperationState,
    capture: WebhookCapture | undefined,
    method: string,
    status: number | undefined,
    redactedPath: string,
    route: string | undefined
  ): void {
    try {
      if (!capture) return;
      const durationMs = state.elapsedMs();
      const { body, url } = capture.render(this.redactor, status, durationMs);
      const attrs: Attributes = {
        ...state.attributes,
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_FULL]: url,
        [ATTR_URL_TEMPLATE]: route ?? inferUrlTemplate(redactedPath),
        [ATTR_REQUEST_DURATION_MS]: durationMs,
      };
      if (status !== undefined) attrs[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
      if (status !== undefined && status >= 400) {
        attrs[ATTR_ERROR_TYPE] = String(status);
        if (status >= 500) state.count5xx++;
        else state.count4xx++;
      }
      this.emitter.emit(EVENT_REQUEST, state.span, requestSeverity(status), body, attrs, true);
    } catch (err) {
      reportFailure('warn', 'could not record a webhook request', err); // never break the webhook
    }
  }

  private begin(
    logType: LogType,
    meta: OperationMeta,
    extra: Attributes | undefined,
    kind: SpanKind,
    parent = context.active()
  ) {
    const tool = labelValue(meta.tool);
    const attrs: Attributes = { [ATTR_LOG_TYPE]: logType, [ATTR_TOOL]: tool };
    if (meta.integrationId !== undefined) attrs[ATTR_INTEGRATION_ID] = String(meta.integrationId);
    if (meta.customerId !== undefined) attrs[ATTR_CUSTOMER_ID] = String(meta.customerId);
    if (meta.operation !== undefined) attrs[ATTR_OPERATION] = String(meta.operation);
    if (extra) {
      for (const k of [ATTR_FLOW_ID, ATTR_FLOW_SESSION_ID, ATTR_FLOW_END_USER_ID])
        if (extra[k] !== undefined) attrs[k] = extra[k];
    }
    const span = this.tracer().startSpan(
      `${logType} ${tool}`,
      { kind, attributes: { ...sanitizeAttributes(meta.attributes), ...extra, ...attrs } },
      parent
    );
    const state = new OperationState(logType, tool, meta.operation, span, attrs, performance.now());
    const ctx = withOperation(trace.setSpan(parent, span), state);
    return { state, ctx };
  }

  private async run<T, S extends OperationScope>(
    logType: LogType,
    meta: OperationMeta,
    fn: (op: S, state: OperationState) => T | Promise<T>,
    extra?: Attributes
  ): Promise<T> {
    const { state, ctx } = this.begin(logType, meta, extra, SpanKind.INTERNAL);
    const scope = new OperationScope(state, this.emitter) as S;
    try {
      const value = await context.with(ctx, () => fn(scope, state));
      this.end(state);
      return value;
    } catch (err) {
      this.end(state, err);
      throw err;
    }
  }

  /**
   * Ends an operation: model and summary records, outcome, status, span end. Never throws.
   * `failureErrorType`: the `error.type` of a failure without an error (a webhook's 5xx answer).
   */
  private end(state: OperationState, err?: unknown, errorStatusOnFailure = true, failureErrorType?: string): void {
    if (state.ended) return;
    state.ended = true;
    try {
      const { span } = state;
      const durationMs = state.elapsedMs();
      const outcome: Outcome =
        err !== undefined ? (isAbortError(err) ? 'cancelled' : 'failure') : (state.outcome ?? 'success');
      let errType: string | undefined;
      if (err !== undefined) {
        errType = errorType(err);
        const e = err as { message?: unknown; stack?: unknown };
        const message = this.redactor.text(typeof e?.message === 'string' ? e.message : String(err));
        span.recordException({
          name: errType,
          message,
          stack: typeof e?.stack === 'string' ? this.redactor.text(e.stack) : undefined,
        });
        span.setStatus({ code: SpanStatusCode.ERROR, message });
      } else if (outcome === 'failure') {
        errType = failureErrorType;
        if (errorStatusOnFailure) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      if (errType) span.setAttribute(ATTR_ERROR_TYPE, errType);
      span.setAttribute(ATTR_OUTCOME, outcome);

      for (const [model, counts] of state.models) this.emitModel(state, model, counts);
      const attrs: Attributes = {
        ...state.attributes,
        [ATTR_OUTCOME]: outcome,
        [ATTR_OPERATION_DURATION_MS]: durationMs,
        [ATTR_REQUEST_COUNT]: state.requestCount,
        [ATTR_REQUEST_4XX_COUNT]: state.count4xx,
        [ATTR_REQUEST_5XX_COUNT]: state.count5xx,
      };
      if (errType) attrs[ATTR_ERROR_TYPE] = errType;
      const severity =
        outcome === 'failure'
          ? SeverityNumber.ERROR
          : outcome === 'success'
            ? SeverityNumber.INFO
            : SeverityNumber.WARN;
      this.emitter.emit(
        EVENT_OPERATION,
        span,
        severity,
        summaryLine(state, outcome, durationMs, this.redactor),
        attrs,
        true
      );
      span.end();
    } catch (err) {
      reportFailure('warn', 'could not record the end of an operation', err);
      try {
        state.span.end();
      } catch (endErr) {
        reportFailure('warn', 'could not end an operation span', endErr); // never throw into integration code
      }
    }
  }

  private emitModel(state: OperationState, model: string, c: ModelCounts): void {
    const attrs: Attributes = {
      ...state.attributes,
      [ATTR_SYNC_MODEL]: model,
      [ATTR_SYNC_READ]: c.read,
      [ATTR_SYNC_CREATED]: c.created,
      [ATTR_SYNC_UPDATED]: c.updated,
      [ATTR_SYNC_DELETED]: c.deleted,
      [ATTR_SYNC_FAILED]: c.failed,
    };
    const body = `${model}: ${c.read} read, ${c.created} created, ${c.updated} updated, ${c.deleted} deleted, ${c.failed} failed`;
    this.emitter.emit(
      EVENT_SYNC_MODEL,
      state.span,
      c.failed > 0 ? SeverityNumber.WARN : SeverityNumber.INFO,
      body,
      attrs
    );
  }
}
