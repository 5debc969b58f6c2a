import {
  compareWithHistory,
  modelTrends,
  type DropOptions,
  type ModelMetrics,
} from '../../domain/syncMetrics/syncMetrics';
import type { SyncModelRecord, SyncWarning } from '../../domain/syncMetrics/syncRecords';

/**
 * One row per model (and per integration, and per sync type, when the data holds several):
 * the latest sync's figures against the model's previous syncs, with the warnings of that
 * latest sync.
 */
export function panelModels(
  records: SyncModelRecord[],
  warnings: SyncWarning[],
  options: DropOptions
): Array<ModelMetrics & { label: string }> {
  const split = new Set(records.map((r) => r.integrationId ?? '')).size > 1;
  const splitOperation = new Set(records.map((r) => r.operation ?? '')).size > 1;
  const groups = new Map<string, SyncModelRecord[]>();
  for (const record of records) {
    const key = [
      record.model,
      split ? (record.integrationId ?? '') : '',
      splitOperation ? (record.operation ?? '') : '',
    ].join('\u0000');
    const list = groups.get(key) ?? [];
    list.push(record);
    groups.set(key, list);
  }
  const rows: Array<ModelMetrics & { label: string }> = [];
  for (const list of groups.values()) {
    const [model, points] = [...modelTrends(list)][0]!;
    const latest = points[points.length - 1]!;
    const history = points.slice(0, -1).slice(-(options.historySize ?? points.length));
    const { integrationId, operation } = list[0]!;
    const label = [model, split ? integrationId : undefined, splitOperation ? operation : undefined]
      .filter(Boolean)
      .join(' · ');
    rows.push({
      model,
      label,
      counts: latest.counts,
      history,
      warnings: warnings.filter((w) => w.syncId === latest.syncId && w.model === model),
      ...compareWithHistory(latest.counts, history, options),
    });
  }
  return rows.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.label.localeCompare(b.label));
}
