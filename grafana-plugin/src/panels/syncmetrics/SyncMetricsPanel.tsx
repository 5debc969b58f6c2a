import { css } from '@emotion/css';
import React, { useMemo } from 'react';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';

import { SyncModelTable } from '../../components/SyncMetrics/SyncModelTable';
import { syncTestIds } from '../../components/SyncMetrics/testIds';
import { syncDataFromFrames } from '../shared/syncFrames';
import { dropOptionsFrom, type SyncMetricsOptions } from './options';
import { panelModels } from './panelModels';

/** Per-model sync figures from Loki `integration.sync.model` records or Prometheus series, with trend and drops. */
export function SyncMetricsPanel({ data, options, width, height }: PanelProps<SyncMetricsOptions>) {
  const styles = useStyles2(getStyles);
  const drop = dropOptionsFrom(options);
  const rows = useMemo(() => {
    const { records, warnings } = syncDataFromFrames(data.series, {
      modelLabel: options.modelLabel || LOKI_LABELS.syncModel,
      defaultCount: options.defaultCount || 'read',
    });
    return panelModels(records, warnings, drop);
    // drop is rebuilt each render from these options
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    data.series,
    options.modelLabel,
    options.defaultCount,
    options.trendMetric,
    options.dropThresholdPercent,
    options.historySize,
    options.minHistory,
  ]);

  if (rows.length === 0) {
    return (
      <div className={styles.empty} data-testid={syncTestIds.panelEmpty}>
        No sync figures in the data. Query Loki for <code>{EVENT_NAMES.syncModel}</code> records, or series labelled
        with the model ({options.modelLabel || LOKI_LABELS.syncModel}).
      </div>
    );
  }
  return (
    <div className={styles.panel} style={{ width, height }} data-testid={syncTestIds.panel}>
      <SyncModelTable models={rows} trendMetric={drop.metrics[0]} dropThreshold={drop.dropThreshold} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ overflow: 'auto' }),
  empty: css({ padding: theme.spacing(2), color: theme.colors.text.secondary }),
});
