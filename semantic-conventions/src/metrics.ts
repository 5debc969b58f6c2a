/**
 * Metrics the collector makes from the telemetry (the SDK sends none): the integrationlogs
 * connector's counters and the span metrics of every span.
 */
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_LOG_TYPE,
  ATTR_OPERATION,
  ATTR_OUTCOME,
  ATTR_SERVER_ADDRESS,
  ATTR_TOOL,
  ATTR_URL_TEMPLATE,
} from './attributes.js';
import { labelName, type LabelName } from './labels.js';

/** The Prometheus name of a cumulative counter: label normalisation plus `_total`. */
export function prometheusCounterName<const N extends string>(name: N): `${LabelName<N>}_total` {
  return `${labelName(name)}_total`;
}

/** Finished operations, by tool, log type and outcome (integrationlogs connector). */
export const METRIC_OPERATIONS = 'integration.operations';
/** Data records syncs handled, by tool, model and kind (integrationlogs connector). */
export const METRIC_SYNC_RECORDS = 'integration.sync.records';

/** The span metrics connector's namespace (provisioning/collector/config.yaml). */
export const SPAN_METRICS_NAMESPACE = 'traces.span.metrics';
/** Spans counted per dimension combination; request spans are `span_kind="SPAN_KIND_CLIENT"`. */
export const SPAN_METRICS_CALLS = `${SPAN_METRICS_NAMESPACE}.calls` as const;

/**
 * The span metrics' dimensions: the low-cardinality attributes alerts, dashboards and the
 * app group by. Never `integration.id`, `integration.customer.id` or flow ids (unbounded).
 */
export const SPAN_METRICS_DIMENSIONS = [
  ATTR_LOG_TYPE,
  ATTR_TOOL,
  ATTR_OPERATION,
  ATTR_OUTCOME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_URL_TEMPLATE,
  ATTR_SERVER_ADDRESS,
  ATTR_ERROR_TYPE,
] as const;

/** The same metrics as Prometheus names them. */
export const PROMETHEUS_METRICS = {
  operations: prometheusCounterName(METRIC_OPERATIONS),
  syncRecords: prometheusCounterName(METRIC_SYNC_RECORDS),
  spanCalls: prometheusCounterName(SPAN_METRICS_CALLS),
} as const;
