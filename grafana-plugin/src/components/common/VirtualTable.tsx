import React, { useMemo, useRef } from 'react';
import { css, cx } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

export interface VirtualColumn<T> {
  header: string;
  /** The column's CSS grid track, e.g. `190px` or `minmax(100px, 1fr)`. */
  width: string;
  render: (row: T) => React.ReactNode;
  /** The cell's tooltip (the whole value where the cell cuts it off). */
  title?: (row: T) => string | undefined;
  mono?: boolean;
  /** Figures line up (tabular digits). */
  numeric?: boolean;
}

export interface VirtualTableProps<T> {
  rows: T[];
  columns: ReadonlyArray<VirtualColumn<T>>;
  rowHeight: number;
  /** Height of the scroll area in px; the table shrinks to its rows when they fit. */
  height: number;
  onOpen: (row: T) => void;
  testIds: { table: string; row: string };
  /** `data-*` attributes that name a row's record (tests find rows by them). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  isSelected?: (row: T) => boolean;
  /** Rendered below the last row (e.g. "Load more"). */
  footer?: React.ReactNode;
}

const FOOTER_HEIGHT = 56;

/**
 * A table of rows that opens one on click or Enter. Rows are absolutely positioned and only
 * the visible ones (plus a few) are mounted, so 10k rows scroll as smoothly as 50.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, rowHeight, height, footer, testIds } = props;
  const s = useStyles2(getStyles, rowHeight);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // jsdom and first paint have no layout: still render a first screen of rows.
    initialRect: { width: 1200, height },
  });
  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };
  const classes = useRowClasses(s, columns);
  // shrink to the rows when they fit, so a short list has no empty box below it
  const scrollHeight = Math.min(height, rows.length * rowHeight + (footer ? FOOTER_HEIGHT : 0));

  return (
    <div className={s.table} role="table" data-testid={testIds.table} aria-rowcount={rows.length}>
      <div className={cx(s.row, s.header)} style={grid} role="row">
        {columns.map((c) => (
          <div role="columnheader" key={c.header} className={s.cell}>
            {c.header}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className={s.scroll} style={{ height: scrollHeight }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <VirtualRow
              key={item.key}
              {...props}
              row={rows[item.index]!}
              style={{ ...grid, transform: `translateY(${item.start}px)` }}
              classes={classes}
            />
          ))}
        </div>
        {footer}
      </div>
    </div>
  );
}

type Styles = ReturnType<typeof getStyles>;
type RowClasses = ReturnType<typeof useRowClasses>;

/** Class names of a row and of each column's cells, merged once per table rather than per cell. */
function useRowClasses<T>(s: Styles, columns: ReadonlyArray<VirtualColumn<T>>) {
  return useMemo(
    () => ({
      row: cx(s.row, s.bodyRow),
      selected: cx(s.row, s.bodyRow, s.selected),
      cells: columns.map((c) => cx(s.cell, c.mono && s.mono, c.numeric && s.num)),
    }),
    [s, columns]
  );
}

type RowProps<T> = VirtualTableProps<T> & { row: T; style: React.CSSProperties; classes: RowClasses };

function VirtualRow<T>({ row, style, classes, columns, onOpen, testIds, rowData, isSelected }: RowProps<T>) {
  return (
    <div
      role="row"
      tabIndex={0}
      data-testid={testIds.row}
      {...rowData?.(row)}
      className={isSelected?.(row) ? classes.selected : classes.row}
      style={style}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(row)}
    >
      {columns.map((c, i) => (
        <div key={c.header} role="cell" className={classes.cells[i]} title={c.title?.(row)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2, rowHeight: number) => ({
  table: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  scroll: css({ overflowY: 'auto', overflowX: 'hidden' }),
  row: css({
    display: 'grid',
    gap: theme.spacing(1),
    alignItems: 'center',
    height: rowHeight,
    padding: theme.spacing(0, 1),
  }),
  header: css({
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  bodyRow: css({
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    cursor: 'pointer',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    '&:hover, &:focus-visible': { background: theme.colors.action.hover, outline: 'none' },
  }),
  selected: css({ background: theme.colors.action.selected }),
  cell: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  num: css({ fontVariantNumeric: 'tabular-nums' }),
});
