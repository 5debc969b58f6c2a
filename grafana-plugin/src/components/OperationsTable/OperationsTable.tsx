import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { Operation } from '../../domain/types';
import { formatDuration, formatTime, logTypeLabel, outcomeColor } from '../../utils/format';
import { VirtualColumn, VirtualTable } from '../common/VirtualTable';
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

type Styles = ReturnType<typeof getStyles>;

// Rows come newest first by the time the operation finished (its record's time, Loki's
// order and the paging cursor), so that is the time shown; the start is in the tooltip.
const columns = (s: Styles): Array<VirtualColumn<Operation>> => [
  {
    header: 'Finished',
    width: '190px',
    mono: true,
    title: (op) => `Started ${formatTime(op.startMs)}`,
    render: (op) => formatTime(op.endMs),
  },
  { header: 'Type', width: '140px', render: (op) => logTypeLabel(op.logType) },
  { header: 'Tool', width: '110px', render: (op) => op.tool },
  {
    header: 'Integration',
    width: '1fr',
    mono: true,
    title: (op) => op.integrationId,
    render: (op) => op.integrationId,
  },
  { header: 'Customer', width: '1fr', mono: true, title: (op) => op.customerId, render: (op) => op.customerId },
  { header: 'Operation', width: '1fr', title: (op) => op.summary, render: (op) => op.operation },
  {
    header: 'Outcome',
    width: '100px',
    render: (op) => (op.outcome ? <Badge text={op.outcome} color={outcomeColor(op.outcome)} /> : '–'),
  },
  { header: 'Duration', width: '90px', numeric: true, render: (op) => formatDuration(op.durationMs) },
  {
    header: 'Requests',
    width: '150px',
    numeric: true,
    render: (op) => (
      <>
        {op.requestCount}
        {op.count4xx > 0 && <Badge className={s.countBadge} text={`${op.count4xx} 4xx`} color="orange" />}
        {op.count5xx > 0 && <Badge className={s.countBadge} text={`${op.count5xx} 5xx`} color="red" />}
      </>
    ),
  },
];

/** The operations list, virtualized: 10k operations scroll as smoothly as 50. */
export function OperationsTable({ operations, onOpen, height, footer }: OperationsTableProps) {
  const s = useStyles2(getStyles);
  const cols = useMemo(() => columns(s), [s]);
  return (
    <VirtualTable
      rows={operations}
      columns={cols}
      rowHeight={ROW_HEIGHT}
      height={height}
      onOpen={onOpen}
      testIds={{ table: testIds.logs.table, row: testIds.logs.row }}
      rowData={(op) => ({ 'data-trace-id': op.traceId })}
      footer={footer}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  countBadge: css({ marginLeft: theme.spacing(0.5) }),
});
