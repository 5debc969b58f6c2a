import React, { useMemo, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Badge, Icon, Tooltip, useStyles2 } from '@grafana/ui';
import { DetailTabProps, RequestLog } from '../../domain/types';
import { formatDuration, formatTime, statusColor } from '../../utils/format';
import { testIds } from '../testIds';
import { RequestDrawer } from './RequestDrawer';

/** URL parameter holding the open request's span id (shareable). */
export const REQUEST_PARAM = 'request';

const ROW_HEIGHT = 34;
const COLUMNS = '190px 80px 1fr 110px 90px 150px';

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

/** The operation's HTTP requests, oldest first; a row opens its details in a drawer. */
export function RequestLogsTab({ records }: DetailTabProps) {
  const s = useStyles2(getStyles);
  const location = useLocation();
  const selectedId = new URLSearchParams(location.search).get(REQUEST_PARAM);
  const requests = records.requests;
  const selected = useMemo(() => requests.find((r) => r.spanId === selectedId) ?? null, [requests, selectedId]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = Math.min(Math.max(200, requests.length * ROW_HEIGHT), Math.max(360, window.innerHeight - 360));
  const virtualizer = useVirtualizer({
    count: requests.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height },
  });

  if (requests.length === 0) {
    return (
      <div className={s.empty} data-testid={testIds.requests.empty}>
        This operation made no HTTP requests.
      </div>
    );
  }
  const open = (r: RequestLog | null) => locationService.partial({ [REQUEST_PARAM]: r ? r.spanId : null });
  const c4 = requests.filter((r) => r.status !== null && r.status >= 400 && r.status < 500).length;
  const c5 = requests.filter((r) => r.status !== null && r.status >= 500).length;

  return (
    <div>
      <div className={s.summary}>
        {requests.length.toLocaleString()} request{requests.length === 1 ? '' : 's'}
        {c4 > 0 && <Badge text={`${c4} 4xx`} color="orange" className={s.badge} />}
        {c5 > 0 && <Badge text={`${c5} 5xx`} color="red" className={s.badge} />}
      </div>
      <div className={s.table} role="table" data-testid={testIds.requests.table} aria-rowcount={requests.length}>
        <div className={cx(s.row, s.header)} role="row">
          {['Time', 'Method', 'Path', 'Status', 'Duration', 'Retries / limits'].map((h) => (
            <div role="columnheader" key={h} className={s.cell}>
              {h}
            </div>
          ))}
        </div>
        <div ref={scrollRef} className={s.scroll} style={{ height }}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = requests[item.index]!;
              const f = facts(r);
              return (
                <div
                  key={item.key}
                  role="row"
                  tabIndex={0}
                  data-testid={testIds.requests.row}
                  data-span-id={r.spanId}
                  className={cx(s.row, s.bodyRow, r.spanId === selectedId && s.selected)}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => open(r)}
                  onKeyDown={(e) => e.key === 'Enter' && open(r)}
                >
                  <div role="cell" className={cx(s.cell, s.mono)}>
                    {formatTime(r.timeMs)}
                  </div>
                  <div role="cell" className={cx(s.cell, s.mono)}>
                    {r.method}
                  </div>
                  <div role="cell" className={cx(s.cell, s.mono)} title={r.url}>
                    {r.path}
                  </div>
                  <div role="cell" className={s.cell}>
                    <Badge text={r.status === null ? 'no response' : String(r.status)} color={statusColor(r.status)} />
                  </div>
                  <div role="cell" className={cx(s.cell, s.num)}>
                    {formatDuration(r.durationMs)}
                  </div>
                  <div role="cell" className={s.cell}>
                    {f.length > 0 ? (
                      <Tooltip content={f.join(' · ')}>
                        <span>
                          <Icon name="sync" size="sm" /> {f.join(' · ')}
                        </span>
                      </Tooltip>
                    ) : (
                      ''
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {selected && <RequestDrawer request={selected} onClose={() => open(null)} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ marginBottom: theme.spacing(1), color: theme.colors.text.secondary }),
  badge: css({ marginLeft: theme.spacing(1) }),
  empty: css({ padding: theme.spacing(3), color: theme.colors.text.secondary }),
  table: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  scroll: css({ overflowY: 'auto' }),
  row: css({
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    gap: theme.spacing(1),
    alignItems: 'center',
    height: ROW_HEIGHT,
    padding: theme.spacing(0, 1),
  }),
  header: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium, borderBottom: `1px solid ${theme.colors.border.weak}` }),
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
