import { PanelPlugin } from '@grafana/data';

import { SYNC_COUNT_NAMES } from '../../domain/syncMetrics/syncRecords';
import { SyncMetricsPanel } from './SyncMetricsPanel';
import { DEFAULT_SYNC_METRICS_OPTIONS as D, type SyncMetricsOptions } from './options';

const COUNTS = SYNC_COUNT_NAMES.map((value) => ({ value, label: value }));
const DROPS = 'Drop detection';

export const plugin = new PanelPlugin<SyncMetricsOptions>(SyncMetricsPanel).setPanelOptions((builder) =>
  builder
    .addTextInput({
      path: 'modelLabel',
      name: 'Model label',
      description: 'Label that names the data model on numeric series (Prometheus, Loki metric queries).',
      defaultValue: D.modelLabel,
    })
    .addSelect({
      path: 'defaultCount',
      name: 'Series count',
      description:
        'Which count a numeric series holds when its name does not mention read, created, updated, deleted or failed.',
      defaultValue: D.defaultCount,
      settings: { options: COUNTS },
    })
    .addRadio({
      path: 'trendMetric',
      name: 'Trend of',
      category: [DROPS],
      defaultValue: D.trendMetric,
      settings: { options: COUNTS },
    })
    .addNumberInput({
      path: 'dropThresholdPercent',
      name: 'Flag drops larger than (%)',
      category: [DROPS],
      defaultValue: D.dropThresholdPercent,
      settings: { min: 1, max: 100 },
    })
    .addNumberInput({
      path: 'historySize',
      name: 'Previous syncs in the median',
      category: [DROPS],
      defaultValue: D.historySize,
      settings: { min: 1, integer: true },
    })
    .addNumberInput({
      path: 'minHistory',
      name: 'Fewest previous syncs to judge',
      category: [DROPS],
      defaultValue: D.minHistory,
      settings: { min: 1, integer: true },
    })
);
