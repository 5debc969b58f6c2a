import {
  EVENT_NAMES,
  LOKI_LABELS,
  SYNC_RECORD_KINDS,
  SYNC_RECORD_LABELS,
  type SyncRecordKind,
} from '@integration-logs/semantic-conventions';

/** The five record counts of an `integration.sync.model` record (docs/telemetry.md). */
export const SYNC_COUNT_NAMES = SYNC_RECORD_KINDS;
export type SyncCountName = SyncRecordKind;

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
  const f = LOKI_LABELS;
  const eventName = labels[f.eventName];
  const model = labels[f.syncModel];
  const syncId = labels[f.traceId];
  if ((eventName !== undefined && eventName !== EVENT_NAMES.syncModel) || !model || !syncId) {
    return null;
  }
  const counts = {} as SyncCounts;
  for (const name of SYNC_COUNT_NAMES) {
    counts[name] = parseCount(labels[SYNC_RECORD_LABELS[name]]);
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
  const syncId = labels[LOKI_LABELS.traceId];
  if (labels[LOKI_LABELS.eventName] !== EVENT_NAMES.warning || !syncId) {
    return null;
  }
  const warning: SyncWarning = { syncId, time: record.time, message: record.line ?? '' };
  const model = labels[LOKI_LABELS.syncModel];
  if (model) {
    warning.model = model;
  }
  return warning;
}
