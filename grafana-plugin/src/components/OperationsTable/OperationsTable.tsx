import React, { useRef } from 'react';
import { css, cx } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { Operation } from '../../domain/types';
import { formatDuration, formatTime, logTypeLabel, outcomeColor } from '../../utils/format';
import { testIds } from '../testIds';

export interface OperationsTableProps {
  operations: Operation[];
  onOpen: (operation: Operation) => void;
  /** Height of the scroll area in px (the list virtualizes rows inside it). */
  height: number;
  /** Rendered below the last row (e.g. "Load more"). */
  footer?: React.ReactNode;
}

const ROW_HEIGHT = 36;
const FOOTER_HEIGHT = 56;
const COLUMNS = '190px 140px 110px 1fr 1fr 1fr 100px 90px 150px';
// Rows come newest first by the time the operation finished (its record's time, Loki's
// order and the paging cursor), so that is the time shown; the start is in the tooltip.
const HEADERS = ['Finished', 'Type', 'Tool', 'Integration', 'Customer', 'Operation', 'Outcome', 'Duration', 'Requests'];

/**
 * The operations list. Rows are absolutely positioned and only the visible ones (plus a few)
 * are mounted, so 10k operations scroll as smoothly as 50.
 */
export function OperationsTable({ operations, onOpen, height, footer }: OperationsTableProps) {
  const s = useStyles2(getStyles);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: operations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // jsdom and first paint have no layout: still render a first screen of rows.
    initialRect: { width: 1200, height },
  });

  return (
    <div className={s.table} data-testid={testIds.logs.table} role="table" aria-rowcount={operations.length}>
      <div className={cx(s.row, s.header)} role="row">
        {HEADERS.map((h) => (
          <div key={h} role="columnheader" className={s.cell}>
            {h}
          </div>
        ))}
      </div>
      {/* shrink to the rows when they fit, so a short list has no empty box below it */}
      <div ref={scrollRef} className={s.scroll} style={{ height: Math.min(height, operations.length * ROW_HEIGHT + (footer ? FOOTER_HEIGHT : 0)) }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const op = operations[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-testid={testIds.logs.row}
                data-trace-id={op.traceId}
                className={cx(s.row, s.bodyRow)}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(op)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    onOpen(op);
                  }
                }}
              >
                <div role="cell" className={cx(s.cell, s.mono)} title={`Started ${formatTime(op.startMs)}`}>
                  {formatTime(op.endMs)}
                </div>
                <div role="cell" className={s.cell}>
                  {logTypeLabel(op.logType)}
                </div>
                <div role="cell" className={s.cell}>
                  {op.tool}
                </div>
                <div role="cell" className={cx(s.cell, s.mono)} title={op.integrationId}>
                  {op.integrationId}
                </div>
                <div role="cell" className={cx(s.cell, s.mono)} title={op.customerId}>
                  {op.customerId}
                </div>
                <div role="cell" className={s.cell} title={op.summary}>
                  {op.operation}
                </div>
                <div role="cell" className={s.cell}>
                  {op.outcome ? <Badge text={op.outcome} color={outcomeColor(op.outcome)} /> : '–'}
                </div>
                <div role="cell" className={cx(s.cell, s.num)}>
                  {formatDuration(op.durationMs)}
                </div>
                <div role="cell" className={s.cell}>
                  <span className={s.num}>{op.requestCount}</span>
                  {op.count4xx > 0 && <Badge className={s.countBadge} text={`${op.count4xx} 4xx`} color="orange" />}
                  {op.count5xx > 0 && <Badge className={s.countBadge} text={`${op.count5xx} 5xx`} color="red" />}
                </div>
              </div>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  scroll: css({ overflowY: 'auto', overflowX: 'hidden' }),
  row: css({
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    height: ROW_HEIGHT,
    padding: theme.spacing(0, 1),
    gap: theme.spacing(1),
  }),
  header: css({
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.secondary,
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
  cell: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  num: css({ fontVariantNumeric: 'tabular-nums' }),
  countBadge: css({ marginLeft: theme.spacing(0.5) }),
});
