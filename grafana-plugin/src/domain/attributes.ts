/**
 * Names from docs/telemetry.md as Loki stores them: OTLP log attributes become structured
 * metadata with dots turned into underscores; service.name is the index label service_name.
 * Defined once here; queries, parsers and components use these constants.
 */
export const LOKI_LABELS = {
  serviceName: 'service_name',
  environment: 'deployment_environment_name',
  eventName: 'event_name',
  traceId: 'trace_id',
  spanId: 'span_id',
  logType: 'integration_log_type',
  tool: 'integration_tool',
  integrationId: 'integration_id',
  customerId: 'integration_customer_id',
  operation: 'integration_operation',
  outcome: 'integration_outcome',
  errorType: 'error_type',
  operationDurationMs: 'integration_operation_duration_ms',
  requestCount: 'integration_request_count',
  request4xxCount: 'integration_request_4xx_count',
  request5xxCount: 'integration_request_5xx_count',
  // integration.request records
  httpMethod: 'http_request_method',
  urlFull: 'url_full',
  urlTemplate: 'url_template',
  serverAddress: 'server_address',
  statusCode: 'http_response_status_code',
  requestDurationMs: 'integration_request_duration_ms',
  resendCount: 'http_request_resend_count',
  retryAfterS: 'integration_ratelimit_retry_after_s',
  rateLimitLimit: 'integration_ratelimit_limit',
  rateLimitRemaining: 'integration_ratelimit_remaining',
  rateLimitReset: 'integration_ratelimit_reset',
  // integration.sync.model / integration.warning
  syncModel: 'integration_sync_model',
  syncRecordsRead: 'integration_sync_records_read',
  syncRecordsCreated: 'integration_sync_records_created',
  syncRecordsUpdated: 'integration_sync_records_updated',
  syncRecordsDeleted: 'integration_sync_records_deleted',
  syncRecordsFailed: 'integration_sync_records_failed',
  // integration.flow.event
  flowId: 'integration_flow_id',
  flowSessionId: 'integration_flow_session_id',
  flowEvent: 'integration_flow_event',
  flowStep: 'integration_flow_step',
  flowEndUserId: 'integration_flow_end_user_id',
} as const;

/** Values of event.name (Loki: event_name). */
export const EVENT_NAMES = {
  operation: 'integration.operation',
  request: 'integration.request',
  syncModel: 'integration.sync.model',
  warning: 'integration.warning',
  flowEvent: 'integration.flow.event',
} as const;

/** Span attribute names as TraceQL sees them (dots kept). */
export const SPAN_ATTRIBUTES = {
  logType: 'integration.log_type',
  tool: 'integration.tool',
  integrationId: 'integration.id',
  customerId: 'integration.customer.id',
  operation: 'integration.operation',
  outcome: 'integration.outcome',
} as const;
