import { LOKI_LABELS, PROMETHEUS_METRICS } from '@integration-logs/semantic-conventions';
import { logqlString, regexEscape } from '../loki/logql';
import { isStatusClass, type RequestFilters } from '../loki/requestQueries';

/**
 * PromQL over the collector's span metrics (provisioning/README.md, "Span metrics"): request
 * spans are SPAN_KIND_CLIENT, with the span attributes as labels (dots become underscores, as
 * in Loki). User values are Go-quoted like LogQL's (PromQL string literals have the same
 * syntax) and compared with `=`, so none can end a matcher or become a regular expression.
 */

/** The span-metrics counter of every span. */
export const CALLS_METRIC = PROMETHEUS_METRICS.spanCalls;

/**
 * Whether the span metrics can answer for these filters: only when every set filter is a
 * span-metrics dimension. Customer and integration ids are not (unbounded), nor is text.
 */
export function spanMetricsCanAnswer(filters: RequestFilters): boolean {
  return filters.customerId.trim() === '' && filters.integrationId.trim() === '' && filters.text === '';
}

function matcher(label: string, op: '=' | '=~', value: string): string {
  return `${label}${op}${logqlString(value)}`;
}

/**
 * Requests per `stepS` by status code for the filters, the counterpart of the Loki count by
 * status: a counter read instead of every request record. Requires spanMetricsCanAnswer.
 */
export function buildRequestsByStatusPromQL(filters: RequestFilters, stepS: number): string {
  const types = [...new Set(filters.types.filter((t) => t !== ''))];
  const optional: Array<[string, string]> = [
    [LOKI_LABELS.tool, filters.tool.trim()],
    [LOKI_LABELS.statusCode, filters.status.trim()],
    [LOKI_LABELS.httpMethod, filters.method.trim().toUpperCase()],
    [LOKI_LABELS.urlTemplate, filters.endpoint.trim()],
    [LOKI_LABELS.serverAddress, filters.server.trim()],
  ];
  const matchers = [
    matcher('span_kind', '=', 'SPAN_KIND_CLIENT'),
    ...optional.filter(([, value]) => value !== '').map(([label, value]) => matcher(label, '=', value)),
    ...(types.length > 0 ? [matcher(LOKI_LABELS.logType, '=~', types.map(regexEscape).join('|'))] : []),
    // a constant pattern from the closed list, never user text
    ...(isStatusClass(filters.statusClass)
      ? [matcher(LOKI_LABELS.statusCode, '=~', `${filters.statusClass[0]}[0-9][0-9]`)]
      : []),
  ];
  const window = `${Math.max(1, Math.ceil(stepS))}s`;
  return `sum by (${LOKI_LABELS.statusCode}) (increase(${CALLS_METRIC}{${matchers.join(', ')}}[${window}]))`;
}
