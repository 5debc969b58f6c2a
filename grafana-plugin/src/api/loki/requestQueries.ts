import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { normalizeTraceId } from '../../domain/traceId';
import { logQuery, logqlString, type LokiLayout, one } from './logql';

/**
 * LogQL for the Requests page: `integration.request` records across operations. In the
 * `labels` layout event name, tool and log types select the streams, so the page reads the
 * request records of the selected tool only; every other filter is a stage after them.
 */

/** Status classes a filter can name; each is one `=~` pattern over the status code. */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export function isStatusClass(value: string): value is StatusClass {
  return (STATUS_CLASSES as readonly string[]).includes(value);
}

export interface RequestFilters {
  tool: string;
  /** Exact status code, e.g. `403`. */
  status: string;
  statusClass: StatusClass | '';
  method: string;
  /** url.template, e.g. `/v1/employees/{id}`. */
  endpoint: string;
  server: string;
  customerId: string;
  integrationId: string;
  /** Log types of the enclosing operations; empty means all. */
  types: string[];
  /** Free text over the record's body: request and response bodies, URL, headers. */
  text: string;
  caseSensitive: boolean;
}

export const EMPTY_REQUEST_FILTERS: RequestFilters = {
  tool: '',
  status: '',
  statusClass: '',
  method: '',
  endpoint: '',
  server: '',
  customerId: '',
  integrationId: '',
  types: [],
  text: '',
  caseSensitive: false,
};

/**
 * The text as it appears inside a JSON string of the record body: bodies and URLs are JSON
 * strings there, so a quote the user types is `\"` in the line. Pure.
 */
export function asJsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function statusClassStage(statusClass: RequestFilters['statusClass']): string {
  // a constant pattern from the closed list, never user text
  return isStatusClass(statusClass) ? `| ${LOKI_LABELS.statusCode}=~${logqlString(`${statusClass[0]}[0-9][0-9]`)}` : '';
}

/** The request records the filters select, newest first when read backward. */
export function buildRequestsQuery(layout: LokiLayout, filters: RequestFilters): string {
  return logQuery(
    layout,
    [
      one(LOKI_LABELS.eventName, EVENT_NAMES.request),
      one(LOKI_LABELS.tool, filters.tool.trim()),
      { label: LOKI_LABELS.logType, values: filters.types.filter((t) => t !== '') },
      one(LOKI_LABELS.statusCode, filters.status.trim()),
      one(LOKI_LABELS.httpMethod, filters.method.trim().toUpperCase()),
      one(LOKI_LABELS.urlTemplate, filters.endpoint.trim()),
      one(LOKI_LABELS.serverAddress, filters.server.trim()),
      one(LOKI_LABELS.customerId, filters.customerId.trim()),
      one(LOKI_LABELS.integrationId, filters.integrationId.trim()),
    ],
    { text: asJsonStringContent(filters.text), caseSensitive: filters.caseSensitive },
    [statusClassStage(filters.statusClass)]
  );
}

/** Labels the page counts requests by: each a structured-metadata field of request records. */
export const REQUEST_GROUPS = {
  status: LOKI_LABELS.statusCode,
  endpoint: LOKI_LABELS.urlTemplate,
  customer: LOKI_LABELS.customerId,
} as const;
export type RequestGroup = keyof typeof REQUEST_GROUPS;

/** Seconds as a LogQL duration. */
function duration(seconds: number): string {
  return `${Math.max(1, Math.ceil(seconds))}s`;
}

/** Requests per `group` value in each step: a range query's matrix (the status chart). */
export function buildRequestCountQuery(
  layout: LokiLayout,
  filters: RequestFilters,
  group: RequestGroup,
  stepS: number
): string {
  return `sum by (${REQUEST_GROUPS[group]}) (count_over_time(${buildRequestsQuery(layout, filters)} [${duration(stepS)}]))`;
}

/** The `k` `group` values with most requests over `rangeS`: an instant query at the range's end. */
export function buildTopRequestsQuery(
  layout: LokiLayout,
  filters: RequestFilters,
  group: RequestGroup,
  k: number,
  rangeS: number
): string {
  return `topk(${Math.max(1, Math.floor(k))}, ${buildRequestCountQuery(layout, filters, group, rangeS)})`;
}

/**
 * The operation records of the given traces, on the streams of the requests' tools and log
 * types: the operations that contain a set of requests.
 */
export function buildOperationsOfTracesQuery(
  layout: LokiLayout,
  traceIds: string[],
  streams: { tools: string[]; logTypes: string[] }
): string {
  return logQuery(layout, [
    one(LOKI_LABELS.eventName, EVENT_NAMES.operation),
    { label: LOKI_LABELS.tool, values: streams.tools.filter((t) => t !== ''), selectorOnly: true },
    { label: LOKI_LABELS.logType, values: streams.logTypes.filter((t) => t !== ''), selectorOnly: true },
    { label: LOKI_LABELS.traceId, values: traceIds.map(normalizeTraceId) },
  ]);
}
