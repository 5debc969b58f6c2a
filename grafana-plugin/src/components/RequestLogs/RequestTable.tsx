import React, { useRef } from 'react';
import { css, cx } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, Icon, Tooltip, useStyles2 } from '@grafana/ui';
import { RequestLog } from '../../domain/types';
import { formatDuration, formatTime, statusColor } from '../../utils/format';
import { testIds } from '../testIds';

const ROW_HEIGHT = 34;
const FOOTER_HEIGHT = 56;

function facts(r: RequestLog): string[] {
  const out: string[] = [];
  if (r.resendCount !== null && r.resendCount > 0) {
    out.push(`retry ${r.resendCount}`);
  }
  if (r.retryAfterS !== null) {
    out.push(`Retry-After ${r.retryAfterS}s`);
  }
  if (r.rateLimit?.remaining) {
    out.push(`${r.rateLimit.remaining} left`);
  }
  return out;
}

type Styles = ReturnType<typeof getStyles>;

interface Column {
  header: string;
  width: string;
  render: (r: RequestLog, s: Styles) => React.ReactNode;
  mono?: boolean;
  title?: (r: RequestLog) => string;
}

/** Every column a request list can show; a list picks its own. */
const COLUMNS = {
  time: { header: 'Time', width: '190px', mono: true, render: (r) => formatTime(r.timeMs) },
  tool: { header: 'Tool', width: '110px', render: (r) => r.tool || '–' },
  method: { header: 'Method', width: '70px', mono: true, render: (r) => r.method },
  path: { header: 'Path', width: 'minmax(160px, 2fr)', mono: true, title: (r) => r.url, render: (r) => r.path },
  status: {
    header: 'Status',
    width: '100px',
    render: (r) => <Badge text={r.status === null ? 'no response' : String(r.status)} color={statusColor(r.status)} />,
  },
  duration: {
    header: 'Duration',
    width: '90px',
    render: (r, s) => <span className={s.num}>{formatDuration(r.durationMs)}</span>,
  },
  customer: {
    header: 'Customer',
    width: 'minmax(100px, 1fr)',
    mono: true,
    title: (r) => r.customerId,
    render: (r) => r.customerId || '–',
  },
  facts: {
    header: 'Retries / limits',
    width: '150px',
    render: (r) => {
      const f = facts(r);
      return f.length > 0 ? (
        <Tooltip content={f.join(' · ')}>
          <span>
            <Icon name="sync" size="sm" /> {f.join(' · ')}
          </span>
        </Tooltip>
      ) : (
        ''
      );
    },
  },
} satisfies Record<string, Column>;

export type RequestColumn = keyof typeof COLUMNS;

export interface RequestTableProps {
  requests: RequestLog[];
  columns: RequestColumn[];
  /** Span id of the request whose drawer is open. */
  selectedId: string | null;
  onOpen: (request: RequestLog) => void;
  /** Height of the scroll area in px; the list shrinks to its rows when they fit. */
  height: number;
  /** Rendered below the last row (e.g. "Load more"). */
  footer?: React.ReactNode;
}

/**
 * A list of requests. Rows are absolutely positioned and only the visible ones (plus a few)
 * are mounted, so thousands of requests scroll as smoothly as ten.
 */
export function RequestTable({ requests, columns, selectedId, onOpen, height, footer }: RequestTableProps) {
  const s = useStyles2(getStyles);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: requests.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // jsdom and first paint have no layout: still render a first screen of rows.
    initialRect: { width: 1000, height },
  });
  const shown: Column[] = columns.map((c) => COLUMNS[c]);
  const grid = { gridTemplateColumns: shown.map((c) => c.width).join(' ') };

  return (
    <div className={s.table} role="table" data-testid={testIds.requests.table} aria-rowcount={requests.length}>
      <div className={cx(s.row, s.header)} style={grid} role="row">
        {shown.map((c) => (
          <div role="columnheader" key={c.header} className={s.cell}>
            {c.header}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className={s.scroll}
        style={{ height: Math.min(height, requests.length * ROW_HEIGHT + (footer ? FOOTER_HEIGHT : 0)) }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = requests[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-testid={testIds.requests.row}
                data-span-id={r.spanId}
                className={cx(s.row, s.bodyRow, r.spanId === selectedId && s.selected)}
                style={{ ...grid, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(r)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(r)}
              >
                {shown.map((c) => (
                  <div key={c.header} role="cell" className={cx(s.cell, c.mono && s.mono)} title={c.title?.(r)}>
                    {c.render(r, s)}
                  </div>
                ))}
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
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  scroll: css({ overflowY: 'auto', overflowX: 'hidden' }),
  row: css({
    display: 'grid',
    gap: theme.spacing(1),
    alignItems: 'center',
    height: ROW_HEIGHT,
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
