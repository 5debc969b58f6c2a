/**
 * Every name this SDK writes. docs/telemetry.md is the normative list; keep the two in step.
 */
export const ATTR_LOG_TYPE = 'integration.log_type';
export const ATTR_TOOL = 'integration.tool';
export const ATTR_INTEGRATION_ID = 'integration.id';
export const ATTR_CUSTOMER_ID = 'integration.customer.id';
export const ATTR_OPERATION = 'integration.operation';
export const ATTR_OUTCOME = 'integration.outcome';
export const ATTR_OPERATION_DURATION_MS = 'integration.operation.duration_ms';
export const ATTR_REQUEST_COUNT = 'integration.request.count';
export const ATTR_REQUEST_4XX_COUNT = 'integration.request.4xx_count';
export const ATTR_REQUEST_5XX_COUNT = 'integration.request.5xx_count';
export const ATTR_REQUEST_DURATION_MS = 'integration.request.duration_ms';
export const ATTR_RATELIMIT_RETRY_AFTER_S = 'integration.ratelimit.retry_after_s';
export const ATTR_RATELIMIT_LIMIT = 'integration.ratelimit.limit';
export const ATTR_RATELIMIT_REMAINING = 'integration.ratelimit.remaining';
export const ATTR_RATELIMIT_RESET = 'integration.ratelimit.reset';
export const ATTR_SYNC_MODEL = 'integration.sync.model';
export const ATTR_SYNC_READ = 'integration.sync.records.read';
export const ATTR_SYNC_CREATED = 'integration.sync.records.created';
export const ATTR_SYNC_UPDATED = 'integration.sync.records.updated';
export const ATTR_SYNC_DELETED = 'integration.sync.records.deleted';
export const ATTR_SYNC_FAILED = 'integration.sync.records.failed';
export const ATTR_FLOW_ID = 'integration.flow.id';
export const ATTR_FLOW_SESSION_ID = 'integration.flow.session.id';
/** Your id of the end user connecting the tool; high cardinality (Loki structured metadata). */
export const ATTR_FLOW_END_USER_ID = 'integration.flow.end_user.id';
export const ATTR_FLOW_EVENT = 'integration.flow.event';
export const ATTR_FLOW_STEP = 'integration.flow.step';
export const ATTR_EVENT_NAME = 'event.name';

export const EVENT_OPERATION = 'integration.operation';
export const EVENT_REQUEST = 'integration.request';
export const EVENT_SYNC_MODEL = 'integration.sync.model';
export const EVENT_WARNING = 'integration.warning';
export const EVENT_FLOW_EVENT = 'integration.flow.event';

export type LogType = 'sync' | 'connection_flow' | 'action' | 'passthrough' | 'incoming_webhook';
export type Outcome = 'success' | 'partial' | 'failure' | 'cancelled';

/** Instrumentation scope name of the tracer and logger. */
export const SCOPE_NAME = '@integration-logs/instrumentation';
export const SCOPE_VERSION = '0.1.0';
