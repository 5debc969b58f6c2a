import { LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { DEFAULT_DROP_OPTIONS, type DropOptions } from '../../domain/syncMetrics/syncMetrics';
import { SYNC_COUNT_NAMES, type SyncCountName } from '../../domain/syncMetrics/syncRecords';

export interface SyncMetricsOptions {
  /** Label naming the data model on numeric series. */
  modelLabel: string;
  /** The count a numeric series holds when its name does not say. */
  defaultCount: SyncCountName;
  /** The count drawn as a trend and checked for drops. */
  trendMetric: SyncCountName;
  /** Flag a drop larger than this percentage below the median. */
  dropThresholdPercent: number;
  /** Previous syncs in the median. */
  historySize: number;
  /** Fewest previous syncs before a drop is judged. */
  minHistory: number;
}

export const DEFAULT_SYNC_METRICS_OPTIONS: SyncMetricsOptions = {
  modelLabel: LOKI_LABELS.syncModel,
  defaultCount: 'read',
  trendMetric: 'read',
  dropThresholdPercent: DEFAULT_DROP_OPTIONS.dropThreshold * 100,
  historySize: DEFAULT_DROP_OPTIONS.historySize,
  minHistory: DEFAULT_DROP_OPTIONS.minHistory,
};

const isCount = (v: unknown): v is SyncCountName => (SYNC_COUNT_NAMES as readonly unknown[]).includes(v);

function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Panel options as drop-detection options, with out-of-range values replaced by defaults. */
export function dropOptionsFrom(options: Partial<SyncMetricsOptions>): Required<DropOptions> {
  const d = DEFAULT_SYNC_METRICS_OPTIONS;
  return {
    dropThreshold: Math.min(100, positive(options.dropThresholdPercent, d.dropThresholdPercent)) / 100,
    historySize: Math.round(positive(options.historySize, d.historySize)),
    minHistory: Math.round(positive(options.minHistory, d.minHistory)),
    metrics: [isCount(options.trendMetric) ? options.trendMetric : d.trendMetric],
  };
}
