/** The five record counts of an `integration.sync.model` record (docs/telemetry.md). */
export const SYNC_COUNT_NAMES = ['read', 'created', 'updated', 'deleted', 'failed'] as const;
export type SyncCountName = (typeof SYNC_COUNT_NAMES)[number];

/** A count the record did not carry stays undefined: a missing figure is not a zero. */
export type SyncCounts = Record<SyncCountName, number | undefined>;

export interface SyncModelRecord {
  /** Identifies the sync run: the trace id of its operation. */
  syncId: string;
  time: number;
  model: string;
  integrationId?: string;
  tool?: string;
  /** The sync type (`integration.operation`, e.g. `delta`, `full`): syncs are compared within one type. */
  operation?: string;
  counts: SyncCounts;
}

export interface SyncWarning {
  syncId: string;
  time: number;
  /** Present when the warning is about one data model. */
  model?: string;
  message: string;
}

export const SYNC_EVENT_NAMES = {
  model: 'integration.sync.model',
  warning: 'integration.warning',
} as const;

/** Loki names (structured metadata; dots become underscores). */
export const LOKI_SYNC_FIELDS = {
  eventName: 'event_name',
  model: 'integration_sync_model',
  countPrefix: 'integration_sync_records_',
  syncId: 'trace_id',
  integrationId: 'integration_id',
  tool: 'integration_tool',
  operation: 'integration_operation',
} as const;

export interface RawSyncRecord {
  labels: Record<string, string | undefined>;
  time: number;
  line?: string;
}

/** Parses a count label; anything that is not a non-negative number is treated as absent. */
export function parseCount(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Maps a log record to a per-model record, or null when it is not an `integration.sync.model` record. */
export function syncModelFromRecord(record: RawSyncRecord): SyncModelRecord | null {
  const { labels } = record;
  const f = LOKI_SYNC_FIELDS;
  const eventName = labels[f.eventName];
  const model = labels[f.model];
  const syncId = labels[f.syncId];
  if ((eventName !== undefined && eventName !== SYNC_EVENT_NAMES.model) || !model || !syncId) {
    return null;
  }
  const counts = {} as SyncCounts;
  for (const name of SYNC_COUNT_NAMES) {
    counts[name] = parseCount(labels[f.countPrefix + name]);
  }
  if (eventName === undefined && SYNC_COUNT_NAMES.every((n) => counts[n] === undefined)) {
    return null; // a warning about a model also names the model; without counts it is not a model record
  }
  const result: SyncModelRecord = { syncId, time: record.time, model, counts };
  if (labels[f.integrationId]) {
    result.integrationId = labels[f.integrationId];
  }
  if (labels[f.tool]) {
    result.tool = labels[f.tool];
  }
  if (labels[f.operation]) {
    result.operation = labels[f.operation];
  }
  return result;
}

/** Maps a log record to a warning, or null when it is not an `integration.warning` record. */
export function syncWarningFromRecord(record: RawSyncRecord): SyncWarning | null {
  const { labels } = record;
  const syncId = labels[LOKI_SYNC_FIELDS.syncId];
  if (labels[LOKI_SYNC_FIELDS.eventName] !== SYNC_EVENT_NAMES.warning || !syncId) {
    return null;
  }
  const warning: SyncWarning = { syncId, time: record.time, message: record.line ?? '' };
  const model = labels[LOKI_SYNC_FIELDS.model];
  if (model) {
    warning.model = model;
  }
  return warning;
}
