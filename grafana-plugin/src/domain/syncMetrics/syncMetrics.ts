import { median } from './median';
import type { SyncCountName, SyncCounts, SyncModelRecord, SyncWarning } from './syncRecords';

export interface DropOptions {
  /** How many previous syncs form the baseline. */
  historySize?: number;
  /** Flag when a count falls by more than this fraction of the baseline median (0.5 = 50 %). */
  dropThreshold?: number;
  /** No verdict with fewer previous syncs than this. */
  minHistory?: number;
  /** Which counts are checked for drops. */
  metrics?: SyncCountName[];
}

export const DEFAULT_DROP_OPTIONS: Required<DropOptions> = {
  historySize: 10,
  dropThreshold: 0.5,
  minHistory: 3,
  metrics: ['read'],
};

export interface SyncPoint {
  syncId: string;
  time: number;
  counts: SyncCounts;
}

export interface CountDrop {
  metric: SyncCountName;
  /** This sync's figure (0 when the model is missing from this sync). */
  current: number;
  /** Median of the figure over the previous syncs that reported it. */
  baseline: number;
  /** (current - baseline) / baseline; -0.6 is a 60 % drop. Undefined when the baseline is 0. */
  change?: number;
  flagged: boolean;
}

export interface ModelMetrics {
  model: string;
  /** This sync's figures; undefined when the model was not reported by this sync. */
  counts?: SyncCounts;
  warnings: SyncWarning[];
  /** The model's figures from previous syncs of the integration, oldest first, at most `historySize`. */
  history: SyncPoint[];
  drops: CountDrop[];
  /** True when any checked count dropped past the threshold, or the model vanished. */
  flagged: boolean;
}

export interface SyncMetrics {
  syncId: string;
  models: ModelMetrics[];
  /** Warnings that name no model. */
  otherWarnings: SyncWarning[];
}

export interface SyncMetricsInput {
  /** The sync being looked at (trace id of its operation). */
  syncId: string;
  /** Model records of this sync and of the integration's earlier syncs, in any order. */
  records: SyncModelRecord[];
  /** Warnings of this sync (others are ignored). */
  warnings: SyncWarning[];
}

/**
 * Per data model figures of one sync with its warnings, next to the same model's figures from
 * the integration's previous syncs; a count that fell by more than the threshold against the
 * median of those syncs is flagged, and so is a model the previous syncs reported and this one
 * did not. A sync that reported a model more than once keeps its latest record. When the
 * sync's type is known (`integration.operation`, e.g. `delta` vs `full`), only previous syncs
 * of the same type are compared: a delta sync reads far fewer records than a full one.
 */
export function buildSyncMetrics(input: SyncMetricsInput, options: DropOptions = {}): SyncMetrics {
  const opts = { ...DEFAULT_DROP_OPTIONS, ...options };
  const bySync = latestPerSyncAndModel(input.records);
  const current = bySync.get(input.syncId) ?? new Map<string, SyncModelRecord>();
  const currentStart = current.size
    ? Math.min(...[...current.values()].map((r) => r.time))
    : Math.min(Infinity, ...input.warnings.filter((w) => w.syncId === input.syncId).map((w) => w.time));

  const operation = operationOf(current);
  const previous = [...bySync.entries()]
    .filter(([syncId, models]) => syncId !== input.syncId && firstTime(models) < currentStart)
    .filter(
      ([, models]) => operation === undefined || operationOf(models) === undefined || operationOf(models) === operation
    )
    .sort((a, b) => firstTime(a[1]) - firstTime(b[1]))
    .slice(-opts.historySize);

  const ownWarnings = input.warnings.filter((w) => w.syncId === input.syncId).sort((a, b) => a.time - b.time);
  const modelNames = new Set<string>(current.keys());
  for (const w of ownWarnings) {
    if (w.model !== undefined) {
      modelNames.add(w.model);
    }
  }
  for (const [, models] of previous) {
    for (const name of models.keys()) {
      modelNames.add(name);
    }
  }

  const models: ModelMetrics[] = [];
  for (const model of modelNames) {
    const counts = current.get(model)?.counts;
    const history: SyncPoint[] = [];
    for (const [syncId, recs] of previous) {
      const rec = recs.get(model);
      if (rec !== undefined) {
        history.push({ syncId, time: rec.time, counts: rec.counts });
      }
    }
    const warnings = ownWarnings.filter((w) => w.model === model);
    if (counts === undefined && warnings.length === 0 && history.length < opts.minHistory) {
      continue; // a model an old sync reported once is not news
    }
    models.push({ model, counts, warnings, history, ...compareWithHistory(counts, history, opts) });
  }
  models.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.model.localeCompare(b.model));
  return { syncId: input.syncId, models, otherWarnings: ownWarnings.filter((w) => w.model === undefined) };
}

/**
 * Compares one model's figures with its history (previous syncs, any order): for each checked
 * count, the median of the history and whether the figure fell past the threshold.
 */
export function compareWithHistory(
  counts: SyncCounts | undefined,
  history: SyncPoint[],
  options: DropOptions = {}
): { drops: CountDrop[]; flagged: boolean } {
  const opts = { ...DEFAULT_DROP_OPTIONS, ...options };
  const recent = [...history].sort((a, b) => a.time - b.time).slice(-opts.historySize);
  const drops = opts.metrics
    .map((metric) => detectDrop(metric, counts, recent, opts))
    .filter((d): d is CountDrop => d !== undefined);
  return { drops, flagged: drops.some((d) => d.flagged) };
}

function detectDrop(
  metric: SyncCountName,
  counts: SyncCounts | undefined,
  history: SyncPoint[],
  opts: Required<DropOptions>
): CountDrop | undefined {
  const past = history.map((p) => p.counts[metric]).filter((v): v is number => v !== undefined);
  const baseline = median(past);
  const current = counts === undefined ? 0 : counts[metric];
  if (baseline === undefined || current === undefined) {
    return undefined;
  }
  const change = baseline > 0 ? (current - baseline) / baseline : undefined;
  const flagged = past.length >= opts.minHistory && change !== undefined && change < -opts.dropThreshold;
  return { metric, current, baseline, change, flagged };
}

function latestPerSyncAndModel(records: SyncModelRecord[]): Map<string, Map<string, SyncModelRecord>> {
  const bySync = new Map<string, Map<string, SyncModelRecord>>();
  for (const record of records) {
    let models = bySync.get(record.syncId);
    if (models === undefined) {
      models = new Map();
      bySync.set(record.syncId, models);
    }
    const seen = models.get(record.model);
    if (seen === undefined || record.time > seen.time) {
      models.set(record.model, record);
    }
  }
  return bySync;
}

function operationOf(models: Map<string, SyncModelRecord>): string | undefined {
  for (const r of models.values()) {
    if (r.operation !== undefined) {
      return r.operation;
    }
  }
  return undefined;
}

function firstTime(models: Map<string, SyncModelRecord>): number {
  let min = Infinity;
  for (const r of models.values()) {
    min = Math.min(min, r.time);
  }
  return min;
}

/**
 * Each model's figures over a series of syncs, oldest first: the trend a panel draws.
 * Keeps one record per sync and model (the latest).
 */
export function modelTrends(records: SyncModelRecord[]): Map<string, SyncPoint[]> {
  const trends = new Map<string, SyncPoint[]>();
  for (const [syncId, models] of latestPerSyncAndModel(records)) {
    for (const [model, rec] of models) {
      const list = trends.get(model) ?? [];
      list.push({ syncId, time: rec.time, counts: rec.counts });
      trends.set(model, list);
    }
  }
  for (const list of trends.values()) {
    list.sort((a, b) => a.time - b.time);
  }
  return new Map([...trends.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}
