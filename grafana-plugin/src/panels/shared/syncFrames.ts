import { type DataFrame, FieldType, getFieldDisplayName } from '@grafana/data';
import { LOKI_LABELS } from '@integration-logs/semantic-conventions';

import {
  SYNC_COUNT_NAMES,
  syncModelFromRecord,
  syncWarningFromRecord,
  type SyncCountName,
  type SyncCounts,
  type SyncModelRecord,
  type SyncWarning,
} from '../../domain/syncMetrics/syncRecords';
import { rowsFromFrames } from './frameRows';

export interface SyncFrameOptions {
  /** Label that names the data model on numeric series. */
  modelLabel: string;
  /** Which count a numeric series holds when neither its labels nor its name say. */
  defaultCount: SyncCountName;
}

export interface SyncFrameData {
  records: SyncModelRecord[];
  warnings: SyncWarning[];
}

const EMPTY_COUNTS = (): SyncCounts => ({
  read: undefined,
  created: undefined,
  updated: undefined,
  deleted: undefined,
  failed: undefined,
});

/**
 * Per-model sync figures from frames of either kind:
 * - log frames of `integration.sync.model` / `integration.warning` records (Loki), one record per
 *   model and sync, the sync identified by its trace id;
 * - numeric time series (Prometheus, or Loki metric queries) labelled with the model; each
 *   timestamp counts as one sync, and series of different counts at the same time and model
 *   are merged into one record.
 */
export function syncDataFromFrames(frames: DataFrame[], options: SyncFrameOptions): SyncFrameData {
  const logFrames: DataFrame[] = [];
  const seriesFrames: DataFrame[] = [];
  for (const frame of frames) {
    const hasNumbers = frame.fields.some((f) => f.type === FieldType.number);
    const hasLines = frame.fields.some((f) => f.type === FieldType.string || f.type === FieldType.other);
    (hasNumbers && !hasLines ? seriesFrames : logFrames).push(frame);
  }
  const records: SyncModelRecord[] = [];
  const warnings: SyncWarning[] = [];
  for (const row of rowsFromFrames(logFrames)) {
    const record = syncModelFromRecord(row);
    if (record !== null) {
      records.push(record);
      continue;
    }
    const warning = syncWarningFromRecord(row);
    if (warning !== null) {
      warnings.push(warning);
    }
  }
  records.push(...recordsFromSeries(seriesFrames, frames, options));
  return { records, warnings };
}

function recordsFromSeries(
  seriesFrames: DataFrame[],
  allFrames: DataFrame[],
  options: SyncFrameOptions
): SyncModelRecord[] {
  const merged = new Map<string, SyncModelRecord>();
  for (const frame of seriesFrames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (time === undefined) {
      continue;
    }
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      const labels = field.labels ?? {};
      const model = labels[options.modelLabel];
      if (!model) {
        continue;
      }
      const name = [labels.count, labels.__name__, getFieldDisplayName(field, frame, allFrames), frame.name, field.name]
        .filter(Boolean)
        .join(' ');
      const count = countNamed(name) ?? options.defaultCount;
      for (let i = 0; i < frame.length; i++) {
        const t = time.values[i];
        const v = field.values[i];
        if (typeof t !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) {
          continue;
        }
        const integrationId = labels[LOKI_LABELS.integrationId];
        const key = `${t}\u0000${model}\u0000${integrationId ?? ''}`;
        let record = merged.get(key);
        if (record === undefined) {
          record = { syncId: `${integrationId ?? ''}@${t}`, time: t, model, counts: EMPTY_COUNTS() };
          if (integrationId) {
            record.integrationId = integrationId;
          }
          merged.set(key, record);
        }
        record.counts[count] = v;
      }
    }
  }
  return [...merged.values()];
}

/** The count a series name mentions as a word: `read`, `records_created`, `sync_failed_total`, ... */
function countNamed(name: string): SyncCountName | undefined {
  const words = name.toLowerCase().split(/[^a-z]+/);
  return SYNC_COUNT_NAMES.find((count) => words.includes(count));
}
