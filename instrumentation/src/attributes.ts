/**
 * Every name this SDK writes, from the telemetry contract (@integration-logs/semantic-conventions,
 * described in docs/telemetry.md). Exported as `attributes` from the package root.
 */
export {
  ATTR_LOG_TYPE,
  ATTR_TOOL,
  ATTR_INTEGRATION_ID,
  ATTR_CUSTOMER_ID,
  ATTR_OPERATION,
  ATTR_OUTCOME,
  ATTR_OPERATION_DURATION_MS,
  ATTR_REQUEST_COUNT,
  ATTR_REQUEST_4XX_COUNT,
  ATTR_REQUEST_5XX_COUNT,
  ATTR_REQUEST_DURATION_MS,
  ATTR_RATELIMIT_RETRY_AFTER_S,
  ATTR_RATELIMIT_LIMIT,
  ATTR_RATELIMIT_REMAINING,
  ATTR_RATELIMIT_RESET,
  ATTR_SYNC_MODEL,
  ATTR_SYNC_READ,
  ATTR_SYNC_CREATED,
  ATTR_SYNC_UPDATED,
  ATTR_SYNC_DELETED,
  ATTR_SYNC_FAILED,
  ATTR_FLOW_ID,
  ATTR_FLOW_SESSION_ID,
  ATTR_FLOW_END_USER_ID,
  ATTR_FLOW_EVENT,
  ATTR_FLOW_STEP,
  ATTR_EVENT_NAME,
  EVENT_OPERATION,
  EVENT_REQUEST,
  EVENT_SYNC_MODEL,
  EVENT_WARNING,
  EVENT_FLOW_EVENT,
  SCOPE_NAME,
  type LogType,
  type Outcome,
} from '@integration-logs/semantic-conventions';

/** Instrumentation scope version: this package's version. */
export const SCOPE_VERSION = '0.1.0';
