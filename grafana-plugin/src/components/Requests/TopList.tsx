import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../testIds';

/**
 * The values with most requests, largest first, each a button that narrows the page to it;
 * the selected one (the current filter) shows as pressed.
 */
export function TopList({
  title,
  items,
  selected,
  onSelect,
  testId,
  loading,
}: {
  title: string;
  items: Array<{ value: string; count: number }>;
  selected: string;
  onSelect: (value: string) => void;
  testId: string;
  loading: boolean;
}) {
  const s = useStyles2(getStyles);
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section className={s.list} data-testid={testId}>
      <h4 className={s.title}>{title}</h4>
      {items.length === 0 && <div className={s.muted}>{loading ? 'Loading…' : 'No requests.'}</div>}
      {items.map((item) => (
        <button
          key={item.value}
          type="button"
          className={cx(s.item, selected === item.value && s.selected)}
          data-testid={testIds.requestsPage.topItem}
          data-value={item.value}
          aria-pressed={selected === item.value}
          disabled={item.value === ''}
          title={item.value === '' ? 'Requests without this attribute' : `Show only ${item.value}`}
          onClick={() => onSelect(item.value)}
        >
          <span className={s.fill} style={{ width: `${(item.count / max) * 100}%` }} />
          <span className={s.value}>{item.value || '(none)'}</span>
          <span className={s.count}>{item.count.toLocaleString()}</span>
        </button>
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }),
  title: css({ fontSize: theme.typography.h6.fontSize, marginBottom: theme.spacing(0.5) }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  item: css({
    position: 'relative',
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(0.25, 0.75),
    background: 'none',
    border: `1px solid transparent`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover:not(:disabled)': { borderColor: theme.colors.border.medium },
    '&:disabled': { cursor: 'default', color: theme.colors.text.secondary },
  }),
  selected: css({ borderColor: theme.colors.primary.border }),
  fill: css({
    position: 'absolute',
    inset: 0,
    right: 'auto',
    background: theme.colors.action.selected,
    borderRadius: theme.shape.radius.default,
    pointerEvents: 'none',
  }),
  value: css({
    position: 'relative',
    fontFamily: theme.typography.fontFamilyMonospace,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  count: css({ position: 'relative', fontVariantNumeric: 'tabular-nums' }),
});
