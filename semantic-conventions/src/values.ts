/** Values with a closed set: log types, outcomes, event names, sync count kinds. */

/** Values of `integration.log_type`. */
export const LOG_TYPES = ['sync', 'connection_flow', 'action', 'passthrough', 'incoming_webhook'] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** Values of `integration.outcome`. */
export const OUTCOMES = ['success', 'partial', 'failure', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Values of `integration.sync.kind`, and the keys of an `integration.sync.model` record's counts. */
export const SYNC_RECORD_KINDS = ['read', 'created', 'updated', 'deleted', 'failed'] as const;
export type SyncRecordKind = (typeof SYNC_RECORD_KINDS)[number];

// Values of `event.name`: the kinds of log record (and the span event of other SDKs' sync counts).
export const EVENT_OPERATION = 'integration.operation';
export const EVENT_REQUEST = 'integration.request';
export const EVENT_SYNC_MODEL = 'integration.sync.model';
export const EVENT_WARNING = 'integration.warning';
export const EVENT_FLOW_EVENT = 'integration.flow.event';

export const EVENT_NAMES = {
  operation: EVENT_OPERATION,
  request: EVENT_REQUEST,
  syncModel: EVENT_SYNC_MODEL,
  warning: EVENT_WARNING,
  flowEvent: EVENT_FLOW_EVENT,
} as const;

/** Conventional values of `integration.flow.event`; readers derive a flow's outcome from them. */
export const FLOW_EVENTS = {
  opened: 'flow_opened',
  toolSelected: 'tool_selected',
  credentialsSubmitted: 'credentials_submitted',
  credentialsInvalid: 'credentials_invalid',
  permissionsMissing: 'permissions_missing',
  connected: 'connected',
  failed: 'failed',
  closed: 'closed',
} as const;
