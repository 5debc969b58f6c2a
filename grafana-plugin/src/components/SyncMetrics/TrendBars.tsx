import { css } from '@emotion/css';
import React from 'react';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import type { SyncCountName } from '../../domain/syncMetrics/syncRecords';
import type { SyncPoint } from '../../domain/syncMetrics/syncMetrics';
import { formatTime } from '../../utils/format';
import { syncTestIds } from './testIds';

export interface TrendBarsProps {
  history: SyncPoint[];
  /** The figure of the sync being looked at, drawn last and coloured by `flagged`. */
  current?: number;
  metric: SyncCountName;
  flagged: boolean;
}

/** Small bars of one count over the previous syncs and this one, so a drop is visible at a glance. */
export function TrendBars({ history, current, metric, flagged }: TrendBarsProps) {
  const styles = useStyles2(getStyles);
  const values = history.map((p) => p.counts[metric]);
  const all = [...values, current].filter((v): v is number => v !== undefined);
  const max = Math.max(1, ...all);
  const height = (v: number | undefined) => (v === undefined ? 0 : Math.max(2, Math.round((v / max) * 28)));
  return (
    <div
      className={styles.bars}
      data-testid={syncTestIds.trend}
      aria-label={`${metric} over the last ${history.length + 1} syncs`}
    >
      {history.map((p, i) => (
        <span
          key={p.syncId}
          className={styles.bar}
          style={{ height: height(values[i]) }}
          title={`${formatTime(p.time, 'minute')}: ${values[i] ?? 'n/a'} ${metric}`}
        />
      ))}
      <span
        className={flagged ? styles.currentFlagged : styles.current}
        style={{ height: height(current) }}
        title={`this sync: ${current ?? 'not reported'} ${metric}`}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const bar = { width: 6, borderRadius: 1, display: 'inline-block' };
  return {
    bars: css({ display: 'flex', alignItems: 'flex-end', gap: 2, height: 30 }),
    bar: css({ ...bar, background: theme.colors.text.disabled }),
    current: css({ ...bar, background: theme.colors.primary.main }),
    currentFlagged: css({ ...bar, background: theme.colors.error.main }),
  };
};
