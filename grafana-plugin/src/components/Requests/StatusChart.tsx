import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { isStatusClass, type StatusClass } from '../../api/loki/requestQueries';
import { CHART_CLASSES, type ChartClass, classTotals, type StatusBucket } from '../../domain/requestCounts';
import { formatTime } from '../../utils/format';
import { testIds } from '../testIds';

const HEIGHT = 110;
const LABELS: Record<ChartClass, string> = {
  '2xx': '2xx',
  '3xx': '3xx',
  '4xx': '4xx',
  '5xx': '5xx',
  none: 'no response',
};

function classColor(theme: GrafanaTheme2, cls: ChartClass): string {
  switch (cls) {
    case '2xx':
      return theme.visualization.getColorByName('green');
    case '3xx':
      return theme.visualization.getColorByName('blue');
    case '4xx':
      return theme.visualization.getColorByName('orange');
    case '5xx':
      return theme.visualization.getColorByName('red');
    default:
      return theme.colors.text.disabled;
  }
}

/**
 * Requests per step stacked by status class, with a legend of the totals (rounded: span
 * metrics' increase() extrapolates); a class in the legend narrows the page to it (and back).
 */
export function StatusChart({
  buckets,
  selected,
  onSelectClass,
}: {
  buckets: StatusBucket[];
  selected: StatusClass | '';
  onSelectClass: (cls: StatusClass | '') => void;
}) {
  const s = useStyles2(getStyles);
  const theme = useTheme2();
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const totals = classTotals(buckets);
  const shown = CHART_CLASSES.filter((cls) => totals[cls] > 0 || cls === '2xx' || cls === '4xx' || cls === '5xx');
  return (
    <div data-testid={testIds.requestsPage.chart}>
      <div className={s.legend}>
        {shown.map((cls) => {
          const filterable = isStatusClass(cls);
          return (
            <button
              key={cls}
              type="button"
              className={cx(s.legendItem, selected === cls && s.legendSelected)}
              disabled={!filterable}
              data-testid={testIds.requestsPage.chartLegend}
              data-class={cls}
              aria-pressed={selected === cls}
              title={
                filterable ? (selected === cls ? 'Show every status class' : `Show ${cls} requests only`) : undefined
              }
              onClick={() => filterable && onSelectClass(selected === cls ? '' : cls)}
            >
              <span className={s.swatch} style={{ background: classColor(theme, cls) }} />
              {LABELS[cls]} <strong>{Math.round(totals[cls]).toLocaleString()}</strong>
            </button>
          );
        })}
      </div>
      <div className={s.bars} style={{ height: HEIGHT }} role="img" aria-label="Requests by status class over time">
        {buckets.map((b) => (
          <div
            key={b.timeMs}
            className={s.bar}
            data-testid={testIds.requestsPage.chartBar}
            title={`${formatTime(b.timeMs, 'minute')}: ${
              CHART_CLASSES.filter((c) => b.counts[c] > 0)
                .map((c) => `${Math.round(b.counts[c])} ${LABELS[c]}`)
                .join(', ') || 'no requests'
            }`}
          >
            {CHART_CLASSES.map((cls) =>
              b.counts[cls] > 0 ? (
                <div key={cls} style={{ height: (b.counts[cls] / max) * HEIGHT, background: classColor(theme, cls) }} />
              ) : null
            )}
          </div>
        ))}
      </div>
      {buckets.length > 0 && (
        <div className={s.axis}>
          <span>{formatTime(buckets[0]!.timeMs, 'minute')}</span>
          <span>{formatTime(buckets[buckets.length - 1]!.timeMs, 'minute')}</span>
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({ display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap', marginBottom: theme.spacing(1) }),
  legendItem: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    background: 'none',
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.25, 1),
    color: theme.colors.text.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    cursor: 'pointer',
    '&:disabled': { cursor: 'default' },
    '&:hover:not(:disabled)': { background: theme.colors.action.hover },
  }),
  legendSelected: css({ borderColor: theme.colors.primary.border, background: theme.colors.action.selected }),
  swatch: css({ width: 10, height: 10, borderRadius: 2, display: 'inline-block' }),
  bars: css({
    display: 'flex',
    alignItems: 'flex-end',
    gap: 2,
    borderBottom: `1px solid ${theme.colors.border.medium}`,
  }),
  bar: css({
    flex: 1,
    minWidth: 2,
    height: '100%',
    display: 'flex',
    flexDirection: 'column-reverse',
    '&:hover': { background: theme.colors.action.hover },
  }),
  axis: css({
    display: 'flex',
    justifyContent: 'space-between',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    marginTop: theme.spacing(0.5),
  }),
});
