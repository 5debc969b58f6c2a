import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { normalizeTraceId } from '../../domain/traceId';

/**
 * LogQL builders. Pure: filters and the Loki layout in, query text out. Every user value goes
 * through logqlString and is compared with `=` (exact match), used in a `|=` line filter, or,
 * regex-escaped first, is one alternative of a `=~` matcher; so no input can end a literal
 * early, add a pipeline stage or become a regular expression.
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

const INDEX_LABEL_NAMES: readonly string[] = INDEX_LABELS;

/** One condition of a query: `label` equals one of `values` (no values: no condition). */
export interface Match {
  label: string;
  values: string[];
  /**
   * Only narrows which streams are read: the other conditions already imply it. It joins the
   * stream selector in the `labels` layout and is left out where it would be one more stage.
   */
  selectorOnly?: boolean;
}

/** Escapes RE2 metacharacters so that the pattern matches `value` literally. */
export function regexEscape(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** An exact-match expression `label="value"` (label is a constant, value escaped). */
function labelEquals(label: string, value: string): string {
  return `${label}=${logqlString(value)}`;
}

function selectorMatcher({ label, values }: Match): string {
  return values.length === 1
    ? labelEquals(label, values[0]!)
    : `${label}=~${logqlString(values.map(regexEscape).join('|'))}`;
}

function filterStage({ label, values }: Match): string {
  return `| ${values.map((v) => labelEquals(label, v)).join(' or ')}`;
}

/** Text to find in the log line, matched literally. */
export interface TextMatch {
  text: string;
  /** Case-insensitive (`|~ "(?i)…"` on the RE2-escaped text) unless set (`|=`). */
  caseSensitive: boolean;
}

/** The line filter stage for the text; '' for no text. */
export function lineFilterStage({ text, caseSensitive }: TextMatch): string {
  if (text === '') {
    return '';
  }
  return caseSensitive ? `|= ${logqlString(text)}` : `|~ ${logqlString(`(?i)${regexEscape(text)}`)}`;
}

/**
 * A log query for the matches: in the `labels` layout the index-label matches form the stream
 * selector and the rest are label filters, in their order; in the `metadata` layout every
 * match is a label filter on all services' streams. The line filter comes first after the
 * selector: Loki applies line filters before it parses structured metadata.
 */
export function logQuery(
  layout: LokiLayout,
  matches: Match[],
  lineFilter: TextMatch = { text: '', caseSensitive: true },
  extraStages: string[] = []
): string {
  const used = matches.map((m) => ({ ...m, values: [...new Set(m.values)] })).filter((m) => m.values.length > 0);
  const inSelector = (m: Match) => layout === 'labels' && INDEX_LABEL_NAMES.includes(m.label);
  const selector = used
    .filter(inSelector)
    .sort((a, b) => INDEX_LABEL_NAMES.indexOf(a.label) - INDEX_LABEL_NAMES.indexOf(b.label))
    .map(selectorMatcher);
  const stages = [
    lineFilterStage(lineFilter),
    ...used.filter((m) => !inSelector(m) && !m.selectorOnly).map(filterStage),
    ...extraStages,
  ].filter((stage) => stage !== '');
  return [selector.length > 0 ? `{${selector.join(', ')}}` : ALL_SERVICES_SELECTOR, ...stages].join(' ');
}

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

/** A condition on one optional value: none when the value is empty. */
export function one(label: string, value: string): Match {
  return { label, values: value === '' ? [] : [value] };
}

/** The list query: one `integration.operation` record per operation, narrowed by the filters. */
export function buildOperationsQuery(layout: LokiLayout, filters: OperationFilters): string {
  return logQuery(
    layout,
    [
      one(LOKI_LABELS.eventName, EVENT_NAMES.operation),
      { label: LOKI_LABELS.logType, values: filters.types.filter((t) => t !== '') },
      one(LOKI_LABELS.tool, filters.tool.trim()),
      one(LOKI_LABELS.integrationId, filters.integrationId.trim()),
      one(LOKI_LABELS.customerId, filters.customerId.trim()),
      one(LOKI_LABELS.operation, filters.operation.trim()),
      one(LOKI_LABELS.outcome, filters.outcome.trim()),
      one(LOKI_LABELS.traceId, normalizeTraceId(filters.traceId)),
    ],
    { text: filters.text, caseSensitive: true },
    [
      filters.has4xx ? `| ${LOKI_LABELS.request4xxCount} > 0` : '',
      filters.has5xx ? `| ${LOKI_LABELS.request5xxCount} > 0` : '',
    ]
  );
}

/** The log type and tool of one operation, when known: they select the streams its records are in. */
export interface OperationStreams {
  tool: string;
  logType: string;
}

/**
 * Every record of one trace: the operation record, its requests, sync models, warnings and
 * flow events. In the `labels` layout only the operation's tool and log type streams are read
 * (without them, every stream: use buildTraceOperationQuery first to learn them).
 */
export function buildTraceRecordsQuery(layout: LokiLayout, traceId: string, streams?: OperationStreams): string {
  return logQuery(layout, [
    { ...one(LOKI_LABELS.tool, streams?.tool ?? ''), selectorOnly: true },
    { ...one(LOKI_LABELS.logType, streams?.logType ?? ''), selectorOnly: true },
    { label: LOKI_LABELS.traceId, values: [normalizeTraceId(traceId)] },
  ]);
}

/** The operation record of one trace only: finds its tool, log type and time without reading its requests. */
export function buildTraceOperationQuery(layout: LokiLayout, traceId: string): string {
  return logQuery(layout, [
    { label: LOKI_LABELS.eventName, values: [EVENT_NAMES.operation] },
    { label: LOKI_LABELS.traceId, values: [normalizeTraceId(traceId)] },
  ]);
}
