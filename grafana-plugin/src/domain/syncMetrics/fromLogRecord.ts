import { LOKI_LABELS as L } from '@integration-logs/semantic-conventions';
import type { LogRecord } from '../types';
import { syncModelFromRecord, syncWarningFromRecord, type SyncModelRecord, type SyncWarning } from './syncRecords';

function raw(record: LogRecord) {
  return {
    labels: {
      ...record.attributes,
      [L.eventName]: record.eventName || record.attributes[L.eventName],
      [L.traceId]: record.traceId || record.attributes[L.traceId],
    },
    time: record.timeMs,
    line: record.body,
  };
}

export function syncModelsFromLogRecords(records: LogRecord[]): SyncModelRecord[] {
  return records.map((r) => syncModelFromRecord(raw(r))).filter((r): r is SyncModelRecord => r !== null);
}

export function syncWarningsFromLogRecords(records: LogRecord[]): SyncWarning[] {
  return records.map((r) => syncWarningFromRecord(raw(r))).filter((w): w is SyncWarning => w !== null);
}
