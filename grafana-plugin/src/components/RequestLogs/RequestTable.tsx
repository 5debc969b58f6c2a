import React from 'react';
import { Badge, Icon, Tooltip } from '@grafana/ui';
import { RequestLog } from '../../domain/types';
import { formatDuration, formatTime, statusColor } from '../../utils/format';
import { VirtualColumn, VirtualTable } from '../common/VirtualTable';
import { testIds } from '../testIds';

const ROW_HEIGHT = 34;

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

function Facts({ request }: { request: RequestLog }) {
  const f = facts(request);
  return f.length > 0 ? (
    <Tooltip content={f.join(' · ')}>
      <span>
        <Icon name="sync" size="sm" /> {f.join(' · ')}
      </span>
    </Tooltip>
  ) : null;
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
  duration: { header: 'Duration', width: '90px', numeric: true, render: (r) => formatDuration(r.durationMs) },
  customer: {
    header: 'Customer',
    width: 'minmax(100px, 1fr)',
    mono: true,
    title: (r) => r.customerId,
    render: (r) => r.customerId || '–',
  },
  facts: { header: 'Retries / limits', width: '150px', render: (r) => <Facts request={r} /> },
} satisfies Record<string, VirtualColumn<RequestLog>>;

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

/** A list of requests, virtualized: thousands of requests scroll as smoothly as ten. */
export function RequestTable({ requests, columns, selectedId, onOpen, height, footer }: RequestTableProps) {
  const shown = React.useMemo(() => columns.map((c): VirtualColumn<RequestLog> => COLUMNS[c]), [columns]);
  return (
    <VirtualTable
      rows={requests}
      columns={shown}
      rowHeight={ROW_HEIGHT}
      height={height}
      onOpen={onOpen}
      testIds={{ table: testIds.requests.table, row: testIds.requests.row }}
      rowData={(r) => ({ 'data-span-id': r.spanId })}
      isSelected={(r) => r.spanId === selectedId}
      footer={footer}
    />
  );
}
