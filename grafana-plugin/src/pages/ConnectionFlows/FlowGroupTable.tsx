import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { Icon, TextLink, useStyles2 } from '@grafana/ui';
import { OutcomeBadge } from '../../components/FlowTimeline/OutcomeBadge';
import { SessionStrip } from '../../components/FlowTimeline/SessionStrip';
import { SessionTimeline } from '../../components/FlowTimeline/SessionTimeline';
import { STATUS_LABEL } from '../../components/FlowTimeline/eventKind';
import { flowTestIds } from '../../components/FlowTimeline/testIds';
import type { FlowSummary, ToolGroup } from '../../domain/flows/flowSummary';
import type { FlowStatus } from '../../domain/flows/outcome';
import { countOf, formatTime } from '../../utils/format';
import { logDetailUrl } from '../../utils/routing';
import { plainTable } from '../../components/common/plainTable';

/** The flows of each tool, one card a tool; a row opens the flow's sessions (one flow at a time). */
export function FlowGroups({ groups }: { groups: ToolGroup[] }) {
  const [open, setOpen] = useState<string>();
  const toggle = (flowId: string) => setOpen(open === flowId ? undefined : flowId);
  return (
    <>
      {groups.map((group) => (
        <FlowGroupTable key={group.tool} group={group} openFlowId={open} onToggle={toggle} />
      ))}
    </>
  );
}

function FlowGroupTable(props: { group: ToolGroup; openFlowId?: string; onToggle: (flowId: string) => void }) {
  const { group, openFlowId, onToggle } = props;
  const s = useStyles2(getStyles);
  return (
    <section className={s.card}>
      <h3 className={s.h}>
        {group.tool}{' '}
        <span className={s.muted}>
          {countOf(group.flows.length, 'flow')} ·{' '}
          {(Object.keys(group.counts) as FlowStatus[])
            .filter((status) => group.counts[status] > 0)
            .map((status) => `${group.counts[status]} ${STATUS_LABEL[status].toLowerCase()}`)
            .join(' · ')}
        </span>
      </h3>
      <table className={s.table}>
        <thead>
          <tr>
            <th>Customer</th>
            <th>End user</th>
            <th>Started</th>
            <th>Outcome</th>
            <th className={s.sessionsCol}>Sessions</th>
          </tr>
        </thead>
        <tbody>
          {group.flows.map((summary) => (
            <FlowRow
              key={summary.flow.flowId}
              summary={summary}
              open={openFlowId === summary.flow.flowId}
              onToggle={onToggle}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FlowRow({
  summary,
  open,
  onToggle,
}: {
  summary: FlowSummary;
  open: boolean;
  onToggle: (flowId: string) => void;
}) {
  const s = useStyles2(getStyles);
  const { flow, outcome } = summary;
  return (
    <>
      <tr
        className={s.row}
        onClick={() => onToggle(flow.flowId)}
        data-testid={flowTestIds.pageFlowRow}
        data-flow-id={flow.flowId}
        aria-expanded={open}
      >
        <td>
          <Icon name={open ? 'angle-down' : 'angle-right'} /> {flow.customerId ?? '–'}
        </td>
        <td>{flow.endUserId ?? '–'}</td>
        <td className={s.nowrap}>{formatTime(flow.start, 'minute')}</td>
        <td>
          <OutcomeBadge outcome={outcome} />
        </td>
        <td className={s.sessionsCol}>
          <SessionStrip flow={flow} />
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5} className={s.detail}>
            <FlowDetail summary={summary} />
          </td>
        </tr>
      )}
    </>
  );
}

function FlowDetail({ summary: { flow } }: { summary: FlowSummary }) {
  const s = useStyles2(getStyles);
  const lastTrace = [...flow.events].reverse().find((e) => e.traceId)?.traceId;
  return (
    <>
      <div className={s.muted}>
        Flow {flow.flowId}
        {lastTrace && (
          <>
            {' · '}
            <TextLink href={logDetailUrl(lastTrace)} inline>
              open its latest log
            </TextLink>
          </>
        )}
      </div>
      <SessionTimeline flow={flow} />
    </>
  );
}

export const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
  }),
  h: css({ fontSize: theme.typography.h5.fontSize, marginBottom: theme.spacing(1.5) }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: 'normal',
  }),
  table: plainTable(theme),
  row: css({ cursor: 'pointer', '&:hover': { background: theme.colors.action.hover } }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  sessionsCol: css({ width: '40%' }),
  detail: css({ background: theme.colors.background.secondary, paddingLeft: theme.spacing(3) }),
});
