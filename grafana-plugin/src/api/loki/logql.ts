import { EVENT_NAMES, LOKI_LABELS } from '../../domain/attributes';
import { normalizeTraceId } from '../../domain/traceId';

/**
 * LogQL builders. Pure: filters in, query text out. Every user value goes through
 * logqlString and is compared with `=` (exact match) or used in a `|=` line filter, so no
 * input can end a literal early, add a pipeline stage or become a regular expression.
 */

/**
 * Quotes a value as a LogQL double-quoted string literal (Go `strconv.Unquote` syntax):
 * backslash and quote are escaped, control characters become escape sequences, every other
 * character (including `` ` ``, `}`, `|`, regex metacharacters and any unicode) is literal.
 */
export function logqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '"') {
      out += '\\"';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (code < 0x20 || code === 0x7f) {
      out += '\\x' + code.toString(16).padStart(2, '0');
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is not valid UTF-8; Go would reject the query.
      out += '\\ufffd';
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** All streams the SDK writes to: every service. Records are narrowed by event_name. */
export const ALL_SERVICES_SELECTOR = `{${LOKI_LABELS.serviceName}=~".+"}`;

/**
 * How Loki stores event.name, integration.log_type and integration.tool: as index labels
 * (`labels`, queries select streams on them and read only those records) or only as
 * structured metadata (`metadata`, queries read every record in range and filter).
 */
export type LokiLayout = 'labels' | 'metadata';

/** The attributes Loki indexes as labels in the `labels` layout, in selector order. */
export const INDEX_LABELS = [LOKI_LABELS.eventName, LOKI_LABELS.tool, LOKI_LABELS.logType] as const;

export interface OperationFilters {
  /** Log types to include; empty means all. */
  types: string[];
  tool: string;
  integrationId: string;
  customerId: string;
  operation: string;
  outcome: string;
  has4xx: boolean;
  has5xx: boolean;
  traceId: string;
  /** Free text matched against the operation's summary line (case-sensitive substring). */
  text: string;
}

export const EMPTY_FILTERS: OperationFilters = {
  types: [],
  tool: '',
  integrationId: '',
  customerId: '',
  operation: '',
  outcome: '',
  has4xx: false,
  has5xx: false,
  traceId: '',
  text: '',
};

/** An exact-match label filter expression `label="value"` (label is a constant, value escaped). */
export function labelEquals(label: string, value: string): string {
  return `${label}=${logqlString(value)}`;
}
const eq = labelEquals;

/** The list query: one `integration.operation` record per operation, narrowed by the filters. */
export function buildOperationsQuery(filters: OperationFilters): string {
  const stages: string[] = [];
  if (filters.text !== '') {
    // Line filters first: Loki applies them before parsing structured metadata.
    stages.push(`|= ${logqlString(filters.text)}`);
  }
  stages.push(`| ${eq(LOKI_LABELS.eventName, EVENT_NAMES.operation)}`);
  const types = [...new Set(filters.types.filter((t) => t !== ''))];
  if (types.length > 0) {
    stages.push(`| ${types.map((t) => eq(LOKI_LABELS.logType, t)).join(' or ')}`);
  }
  const exact: Array<[string, string]> = [
    [LOKI_LABELS.tool, filters.tool.trim()],
    [LOKI_LABELS.integrationId, filters.integrationId.trim()],
    [LOKI_LABELS.customerId, filters.customerId.trim()],
    [LOKI_LABELS.operation, filters.operation.trim()],
    [LOKI_LABELS.outcome, filters.outcome.trim()],
    [LOKI_LABELS.traceId, normalizeTraceId(filters.traceId)],
  ];
  for (const [label, value] of exact) {
    if (value !== '') {
      stages.push(`| ${eq(label, value)}`);
    }
  }
  if (filters.has4xx) {
    stages.push(`| ${LOKI_LABELS.request4xxCount} > 0`);
  }
  if (filters.has5xx) {
    stages.push(`| ${LOKI_LABELS.request5xxCount} > 0`);
  }
  return `${ALL_SERVICES_SELECTOR} ${stages.join(' ')}`;
}

/** Every record of one trace: the operation record, its requests, sync models, warnings and flow events. */
export function buildTraceRecordsQuery(traceId: string): string {
  return `${ALL_SERVICES_SELECTOR} | ${eq(LOKI_LABELS.traceId, normalizeTraceId(traceId))}`;
}
