/**
 * Attribute names on spans, log records and resources (docs/telemetry.md). OpenTelemetry
 * semantic conventions where one exists; our own names live under `integration.`.
 */
import type { SyncRecordKind } from './values.js';

// OpenTelemetry semantic conventions the readers filter and group by.
export const ATTR_SERVICE_NAME = 'service.name';
export const ATTR_SERVICE_VERSION = 'service.version';
export const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = 'deployment.environment.name';
export const ATTR_EVENT_NAME = 'event.name';
export const ATTR_ERROR_TYPE = 'error.type';
export const ATTR_HTTP_REQUEST_METHOD = 'http.request.method';
export const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
export const ATTR_HTTP_REQUEST_RESEND_COUNT = 'http.request.resend_count';
export const ATTR_URL_FULL = 'url.full';
export const ATTR_URL_TEMPLATE = 'url.template';
export const ATTR_SERVER_ADDRESS = 'server.address';

// Operations: one root span and one `integration.operation` record per log entry.
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

// Requests: one CLIENT span and one `integration.request` record per HTTP request.
export const ATTR_REQUEST_DURATION_MS = 'integration.request.duration_ms';
export const ATTR_RATELIMIT_RETRY_AFTER_S = 'integration.ratelimit.retry_after_s';
export const ATTR_RATELIMIT_LIMIT = 'integration.ratelimit.limit';
export const ATTR_RATELIMIT_REMAINING = 'integration.ratelimit.remaining';
export const ATTR_RATELIMIT_RESET = 'integration.ratelimit.reset';
/** Request body on another SDK's request span, read by the collector's connector. */
export const ATTR_REQUEST_BODY = 'integration.request.body';
/** Response body on another SDK's request span, read by the collector's connector. */
export const ATTR_RESPONSE_BODY = 'integration.response.body';

// Sync model counts: `integration.sync.model` records and span events.
export const ATTR_SYNC_MODEL = 'integration.sync.model';
export const ATTR_SYNC_READ = 'integration.sync.records.read';
export const ATTR_SYNC_CREATED = 'integration.sync.records.created';
export const ATTR_SYNC_UPDATED = 'integration.sync.records.updated';
export const ATTR_SYNC_DELETED = 'integration.sync.records.deleted';
export const ATTR_SYNC_FAILED = 'integration.sync.records.failed';
/** Which count a sync-records counter data point is (`read`, `created`, ...): a metric attribute only. */
export const ATTR_SYNC_KIND = 'integration.sync.kind';

// Connection flows.
export const ATTR_FLOW_ID = 'integration.flow.id';
export const ATTR_FLOW_SESSION_ID = 'integration.flow.session.id';
/** Your id of the end user connecting the tool; high cardinality (Loki structured metadata). */
export const ATTR_FLOW_END_USER_ID = 'integration.flow.end_user.id';
export const ATTR_FLOW_EVENT = 'integration.flow.event';
export const ATTR_FLOW_STEP = 'integration.flow.step';

/** The five counts of an `integration.sync.model` record, by kind. */
export const SYNC_RECORD_ATTRIBUTES = {
  read: ATTR_SYNC_READ,
  created: ATTR_SYNC_CREATED,
  updated: ATTR_SYNC_UPDATED,
  deleted: ATTR_SYNC_DELETED,
  failed: ATTR_SYNC_FAILED,
} as const satisfies Record<SyncRecordKind, string>;

/** Every attribute above by a short key, for readers that map over them (labels, TraceQL). */
export const ATTRIBUTES = {
  serviceName: ATTR_SERVICE_NAME,
  serviceVersion: ATTR_SERVICE_VERSION,
  environment: ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  eventName: ATTR_EVENT_NAME,
  logType: ATTR_LOG_TYPE,
  tool: ATTR_TOOL,
  integrationId: ATTR_INTEGRATION_ID,
  customerId: ATTR_CUSTOMER_ID,
  operation: ATTR_OPERATION,
  outcome: ATTR_OUTCOME,
  errorType: ATTR_ERROR_TYPE,
  operationDurationMs: ATTR_OPERATION_DURATION_MS,
  requestCount: ATTR_REQUEST_COUNT,
  request4xxCount: ATTR_REQUEST_4XX_COUNT,
  request5xxCount: ATTR_REQUEST_5XX_COUNT,
  httpMethod: ATTR_HTTP_REQUEST_METHOD,
  urlFull: ATTR_URL_FULL,
  urlTemplate: ATTR_URL_TEMPLATE,
  serverAddress: ATTR_SERVER_ADDRESS,
  statusCode: ATTR_HTTP_RESPONSE_STATUS_CODE,
  requestDurationMs: ATTR_REQUEST_DURATION_MS,
  resendCount: ATTR_HTTP_REQUEST_RESEND_COUNT,
  retryAfterS: ATTR_RATELIMIT_RETRY_AFTER_S,
  rateLimitLimit: ATTR_RATELIMIT_LIMIT,
  rateLimitRemaining: ATTR_RATELIMIT_REMAINING,
  rateLimitReset: ATTR_RATELIMIT_RESET,
  requestBody: ATTR_REQUEST_BODY,
  responseBody: ATTR_RESPONSE_BODY,
  syncModel: ATTR_SYNC_MODEL,
  syncRecordsRead: ATTR_SYNC_READ,
  syncRecordsCreated: ATTR_SYNC_CREATED,
  syncRecordsUpdated: ATTR_SYNC_UPDATED,
  syncRecordsDeleted: ATTR_SYNC_DELETED,
  syncRecordsFailed: ATTR_SYNC_FAILED,
  syncKind: ATTR_SYNC_KIND,
  flowId: ATTR_FLOW_ID,
  flowSessionId: ATTR_FLOW_SESSION_ID,
  flowEvent: ATTR_FLOW_EVENT,
  flowStep: ATTR_FLOW_STEP,
  flowEndUserId: ATTR_FLOW_END_USER_ID,
} as const;
