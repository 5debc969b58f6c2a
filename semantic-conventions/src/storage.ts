/**
 * Which names the backends index: the stack's configuration (provisioning/) must agree,
 * which the drift tests check, and the SDK and the app rely on it.
 */
import {
  ATTR_CUSTOMER_ID,
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_EVENT_NAME,
  ATTR_FLOW_ID,
  ATTR_FLOW_SESSION_ID,
  ATTR_INTEGRATION_ID,
  ATTR_LOG_TYPE,
  ATTR_OPERATION,
  ATTR_OUTCOME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVICE_NAME,
  ATTR_TOOL,
  ATTR_URL_TEMPLATE,
} from './attributes.js';

/**
 * Log attributes Loki indexes as stream labels: the record kind, the log type and the
 * tool. Their values are kept valid UTF-8 of at most MAX_LABEL_VALUE_BYTES by the SDK
 * and by the collector's labelvalues processor.
 */
export const LOKI_INDEX_LABELS = [ATTR_EVENT_NAME, ATTR_LOG_TYPE, ATTR_TOOL] as const;

/** Resource attributes that must be among Loki's index labels: the app's fallback queries select on them. */
export const LOKI_RESOURCE_INDEX_LABELS = [ATTR_SERVICE_NAME, ATTR_DEPLOYMENT_ENVIRONMENT_NAME] as const;

/** Span attributes Tempo stores in dedicated Parquet columns: what the app's TraceQL searches filter on. */
export const TEMPO_DEDICATED_COLUMNS = [
  ATTR_LOG_TYPE,
  ATTR_TOOL,
  ATTR_INTEGRATION_ID,
  ATTR_CUSTOMER_ID,
  ATTR_OPERATION,
  ATTR_OUTCOME,
  ATTR_FLOW_ID,
  ATTR_FLOW_SESSION_ID,
  ATTR_URL_TEMPLATE,
  ATTR_SERVER_ADDRESS,
] as const;
