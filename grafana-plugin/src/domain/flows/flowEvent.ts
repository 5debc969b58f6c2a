import { LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { normalizeTraceId } from '../traceId';

/**
 * One `integration.flow.event` record as the UI needs it, independent of where it was read
 * (Loki HTTP API in the app, Grafana data frames in the panel).
 */
export interface FlowEvent {
  /** Unique id of the record when the source has one (Loki frame `id`); used to drop duplicates. */
  id?: string;
  /** Epoch milliseconds; may carry a fraction (nanosecond sources). */
  time: number;
  flowId: string;
  /** Absent when the emitter gave none; the sessionizer then splits by inactivity gap. */
  sessionId?: string;
  /** Event name, e.g. `flow_opened`, `credentials_invalid`, `connected`. */
  event: string;
  /** The flow step the event belongs to, e.g. `credentials`. */
  step?: string;
  tool?: string;
  integrationId?: string;
  customerId?: string;
  endUserId?: string;
  /** Trace and span of the `connection_flow` operation that emitted the event. */
  traceId?: string;
  spanId?: string;
  /** The record body: JSON details of the event, kept as text. */
  details?: string;
}

/** Where each FlowEvent property is found among a record's labels / structured metadata. */
export interface FlowFieldNames {
  flowId: string;
  sessionId: string;
  event: string;
  step: string;
  tool: string;
  integrationId: string;
  customerId: string;
  endUserId: string;
  traceId: string;
  spanId: string;
}

/** Loki's names for the contract's attributes (docs/telemetry.md, dots become underscores). */
export const LOKI_FLOW_FIELDS: FlowFieldNames = {
  flowId: LOKI_LABELS.flowId,
  sessionId: LOKI_LABELS.flowSessionId,
  event: LOKI_LABELS.flowEvent,
  step: LOKI_LABELS.flowStep,
  tool: LOKI_LABELS.tool,
  integrationId: LOKI_LABELS.integrationId,
  customerId: LOKI_LABELS.customerId,
  endUserId: LOKI_LABELS.flowEndUserId,
  traceId: LOKI_LABELS.traceId,
  spanId: LOKI_LABELS.spanId,
};

/**
 * Body keys that may name the end user when the record carries no
 * `integration_flow_end_user_id` (emitters that predate it, or that put it in the details).
 */
const END_USER_BODY_KEYS = ['endUserId', 'end_user_id', 'endUser', 'end_user', 'userId', 'user_id'];

export interface RawFlowRecord {
  labels: Record<string, string | undefined>;
  time: number;
  line?: string;
  id?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Maps one log record to a FlowEvent. Returns null for records that are not flow events
 * (no flow id or no event name), so mixed query results can be passed in unfiltered.
 */
export function flowEventFromRecord(record: RawFlowRecord, names: FlowFieldNames = LOKI_FLOW_FIELDS): FlowEvent | null {
  const { labels } = record;
  const flowId = nonEmpty(labels[names.flowId]);
  const event = nonEmpty(labels[names.event]);
  if (flowId === undefined || event === undefined || !Number.isFinite(record.time)) {
    return null;
  }
  const result: FlowEvent = { time: record.time, flowId, event };
  const optional: Array<[keyof FlowEvent, string | undefined]> = [
    ['id', nonEmpty(record.id)],
    ['sessionId', nonEmpty(labels[names.sessionId])],
    ['step', nonEmpty(labels[names.step])],
    ['tool', nonEmpty(labels[names.tool])],
    ['integrationId', nonEmpty(labels[names.integrationId])],
    ['customerId', nonEmpty(labels[names.customerId])],
    ['endUserId', nonEmpty(labels[names.endUserId]) ?? endUserFromBody(record.line)],
    ['traceId', nonEmpty(normalizeTraceId(labels[names.traceId]))],
    ['spanId', nonEmpty(labels[names.spanId])],
    ['details', nonEmpty(record.line)],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined) {
      (result as unknown as Record<string, string>)[key] = value;
    }
  }
  return result;
}

function endUserFromBody(line: string | undefined): string | undefined {
  if (line === undefined || !line.startsWith('{')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object') {
      return undefined;
    }
    const body = parsed as Record<string, unknown>;
    for (const key of END_USER_BODY_KEYS) {
      const value = body[key];
      if (typeof value === 'string' && value !== '') {
        return value;
      }
      if (typeof value === 'number') {
        return String(value);
      }
    }
  } catch {
    // Details are free-form; a body that is not JSON simply names no end user.
  }
  return undefined;
}
