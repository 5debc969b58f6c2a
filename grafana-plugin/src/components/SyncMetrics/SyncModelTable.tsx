import { css } from '@emotion/css';
import React from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import type { ModelMetrics } from '../../domain/syncMetrics/syncMetrics';
import { SYNC_COUNT_NAMES, type SyncCountName } from '../../domain/syncMetrics/syncRecords';
import { TrendBars } from './TrendBars';
import { syncTestIds } from './testIds';
import { plainTable } from '../common/plainTable';

export interface SyncModelTableProps {
  models: Array<ModelMetrics & { label?: string }>;
  /** The count drawn as a trend and compared with the median. */
  trendMetric?: SyncCountName;
  dropThreshold: number;
}

const fmt = new Intl.NumberFormat('en-US');

/** Per data model: the five counts, warnings under the model, and the trend against previous syncs. */
export function SyncModelTable({ models, trendMetric = 'read', dropThreshold }: SyncModelTableProps) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={syncTestIds.table}>
      <thead>
        <tr>
          <th>Model</th>
          {SYNC_COUNT_NAMES.map((name) => (
            <th key={name} className={styles.num}>
              {name}
            </th>
          ))}
          <th>Previous syncs ({trendMetric})</th>
          <th className={styles.num}>vs median</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => {
          const drop = m.drops.find((d) => d.metric === trendMetric) ?? m.drops[0];
          return (
            <React.Fragment key={m.label ?? m.model}>
              <tr
                className={m.flagged ? styles.flaggedRow : undefined}
                data-testid={syncTestIds.model}
                data-model={m.model}
                data-flagged={m.flagged}
              >
                <td>
                  <strong>{m.label ?? m.model}</strong>
                  {m.counts === undefined && <span className={styles.muted}> not reported by this sync</span>}
                </td>
                {SYNC_COUNT_NAMES.map((name) => {
                  const value = m.counts?.[name];
                  return (
                    <td key={name} className={`${styles.num} ${name === 'failed' && value ? styles.bad : ''}`}>
                      {value === undefined ? '–' : fmt.format(value)}
                    </td>
                  );
                })}
                <td>
                  <TrendBars
                    history={m.history}
                    current={m.counts?.[trendMetric]}
                    metric={trendMetric}
                    flagged={m.flagged}
                  />
                </td>
                <td className={styles.num}>
                  {drop?.change !== undefined ? (
                    <span
                      className={drop.flagged ? styles.bad : styles.muted}
                      data-testid={drop.flagged ? syncTestIds.drop : undefined}
                      title={`median of ${m.history.length} previous syncs: ${fmt.format(drop.baseline)}; flagged below -${Math.round(dropThreshold * 100)} %`}
                    >
                      {drop.flagged && <Icon name="arrow-down" />}
                      {formatChange(drop.change)}
                    </span>
                  ) : (
                    <span className={styles.muted}>–</span>
                  )}
                </td>
              </tr>
              {m.warnings.map((w, i) => (
                <tr key={i} className={styles.warningRow} data-testid={syncTestIds.warning} data-model={m.model}>
                  <td colSpan={SYNC_COUNT_NAMES.length + 3}>
                    <Icon name="exclamation-triangle" className={styles.warnIcon} /> {w.message}
                  </td>
                </tr>
              ))}
            </React.Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

export function formatChange(change: number): string {
  const pct = Math.round(change * 100);
  return `${pct > 0 ? '+' : ''}${pct} %`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: plainTable(theme),
  num: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
  muted: css({ color: theme.colors.text.secondary }),
  bad: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  flaggedRow: css({ background: theme.colors.error.transparent }),
  warningRow: css({
    td: { color: theme.colors.warning.text, paddingLeft: theme.spacing(3), borderBottomStyle: 'dotted' },
  }),
  warnIcon: css({ color: theme.colors.warning.main }),
});
