/**
 * The app's domain model: what the Loki and Tempo parsers produce and every page and tab
 * consumes. Names follow docs/telemetry.md.
 */

import type { LogType, Outcome } from '@integration-logs/semantic-conventions';

export { LOG_TYPES, OUTCOMES, type LogType, type Outcome } from '@integration-logs/semantic-conventions';

/** One Loki log record of any event, labels and structured metadata merged into `attributes`. */
export interface LogRecord {
  /** Loki timestamp in nanoseconds since the epoch, as a decimal string (keeps full precision). */
  timestampNs: string;
  /** Same instant in milliseconds. */
  timeMs: number;
  /** event.name, e.g. `integration.request`; '' when the record has none. */
  eventName: string;
  traceId: string;
  spanId: string;
  /** The log line (the OTLP body). */
  body: string;
  /** Stream labels and structured metadata, keys as Loki stores them (see LOKI_LABELS). */
  attributes: Record<string, string>;
}

/** One operation (a sync, action, passthrough call, incoming webhook or connection-flow step). */
export interface Operation {
  /** Trace id of the operation's root span: the operation's identity in URLs. */
  traceId: string;
  spanId: string;
  logType: LogType | string;
  tool: string;
  integrationId: string;
  customerId: string;
  /** integration.operation: sync type, action name, route, webhook event type or flow step. */
  operation: string;
  outcome: Outcome | string;
  errorType: string;
  /** Start in ms since the epoch (record time minus duration). */
  startMs: number;
  /** End in ms since the epoch (the record's timestamp). */
  endMs: number;
  durationMs: number;
  requestCount: number;
  count4xx: number;
  count5xx: number;
  /** One-line summary (the record body). */
  summary: string;
  serviceName: string;
  environment: string;
  /** The Loki record this was parsed from (cursor for paging, raw attributes). */
  record: LogRecord;
}

/** A redacted HTTP message as the SDK writes it in the `integration.request` body. */
export interface HttpMessage {
  headers: Record<string, string | string[]>;
  body: string | null;
  bodyEncoding: 'utf8' | 'base64' | string;
  /** Full size in bytes, or null when unknown. */
  bodySize: number | null;
  bodyTruncated: boolean;
}

export interface HttpRequestMessage extends HttpMessage {
  method: string;
  url: string;
}

export interface HttpResponseMessage extends HttpMessage {
  status: number;
}

/** One outgoing HTTP request of an operation (an `integration.request` record). */
export interface RequestLog {
  traceId: string;
  spanId: string;
  timeMs: number;
  /** The enclosing operation's tool, log type, customer and integration ('' when unknown). */
  tool: string;
  logType: string;
  customerId: string;
  integrationId: string;
  method: string;
  /** url.full (redacted). */
  url: string;
  /** url.template, e.g. `/v1/employees/{id}`; falls back to the URL's path. */
  path: string;
  serverAddress: string;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  durationMs: number | null;
  /** http.request.resend_count: retry attempt number. */
  resendCount: number | null;
  retryAfterS: number | null;
  rateLimit: { limit: string; remaining: string; reset: string } | null;
  errorType: string;
  request: HttpRequestMessage | null;
  /** null when no response arrived (connection error, timeout). */
  response: HttpResponseMessage | null;
  /** Set when the body was not the expected JSON; the raw line is kept in record.body. */
  bodyParseError: string | null;
  record: LogRecord;
}

/** Every record of one operation (one trace), by type, oldest first. */
export interface OperationRecords {
  requests: RequestLog[];
  /** `integration.sync.model` records. */
  syncModels: LogRecord[];
  /** `integration.warning` records. */
  warnings: LogRecord[];
  /** `integration.flow.event` records. */
  flowEvents: LogRecord[];
  /** All records of the trace, including the above and the operation record. */
  all: LogRecord[];
}

/** Props of every tab of the log detail page (src/pages/LogDetail/tabs.tsx). */
export interface DetailTabProps {
  operation: Operation;
  records: OperationRecords;
  /** Switches to the Request logs tab and opens the request with this span id. */
  openRequest?: (spanId: string) => void;
}
