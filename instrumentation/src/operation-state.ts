import { context, createContextKey, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { ATTR_INTEGRATION_ID, ATTR_LOG_TYPE, ATTR_TOOL, type LogType, type Outcome } from './attributes.js';

/** Mutable per-operation bookkeeping, reachable from the active context. */
export class OperationState {
  requestCount = 0;
  count4xx = 0;
  count5xx = 0;
  outcome: Outcome | undefined;
  /** Per data model totals, summed over recordModel calls; emitted once at the end. */
  readonly models = new Map<string, ModelCounts>();
  /** method+url -> consecutive failed attempts, to infer resends; bounded. */
  private readonly attempts = new Map<string, number>();
  ended = false;
  /** Copied onto each request span, so span metrics can group requests by them. */
  readonly requestSpanAttributes: Attributes;

  constructor(
    readonly logType: LogType,
    readonly tool: string,
    readonly operation: string | undefined,
    readonly span: Span,
    /** The `integration.*` attributes every record of this operation carries. */
    readonly attributes: Attributes,
    readonly startMs: number
  ) {
    this.requestSpanAttributes = {};
    for (const k of [ATTR_LOG_TYPE, ATTR_TOOL, ATTR_INTEGRATION_ID]) {
      if (attributes[k] !== undefined) this.requestSpanAttributes[k] = attributes[k];
    }
  }

  /** Time since the operation began (`startMs` is a `performance.now()` reading), to 0.1 ms. */
  elapsedMs(): number {
    return Math.round((performance.now() - this.startMs) * 10) / 10;
  }

  /** Resend count for a new request: the number of failed attempts right before it. */
  resendCountFor(key: string): number {
    return this.attempts.get(key) ?? 0;
  }

  /** Remember how an attempt ended: failures (error, 429, 5xx) make the next one a resend. */
  noteAttempt(key: string, failed: boolean): void {
    if (!failed) {
      this.attempts.delete(key);
      return;
    }
    const prev = this.attempts.get(key) ?? 0;
    this.attempts.delete(key);
    this.attempts.set(key, prev + 1);
    if (this.attempts.size > MAX_TRACKED_URLS) {
      const oldest = this.attempts.keys().next().value;
      if (oldest !== undefined) this.attempts.delete(oldest);
    }
  }
}

export interface ModelCounts {
  read: number;
  created: number;
  updated: number;
  deleted: number;
  failed: number;
}

const MAX_TRACKED_URLS = 256;
export const MAX_MODELS = 1000;

const OPERATION_KEY = createContextKey('integration-logs.operation');
const RESEND_KEY = createContextKey('integration-logs.resend-count');

export function operationFrom(ctx: Context = context.active()): OperationState | undefined {
  return ctx.getValue(OPERATION_KEY) as OperationState | undefined;
}

export function withOperation(ctx: Context, state: OperationState): Context {
  return ctx.setValue(OPERATION_KEY, state);
}

/** An explicit retry attempt number set by the caller (op.attempt), if any. */
export function explicitResendCount(ctx: Context = context.active()): number | undefined {
  return ctx.getValue(RESEND_KEY) as number | undefined;
}

export function withResendCount(ctx: Context, n: number): Context {
  return ctx.setValue(RESEND_KEY, n);
}
