import { css } from '@emotion/css';
import React, { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { type GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { Field, Icon, Input, RadioButtonGroup, Stack, TextLink, useStyles2 } from '@grafana/ui';

import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { QueryError } from '../../components/common/QueryError';
import { TimeRangeControls, useUrlTimeRange } from '../../components/common/TimeRangeControls';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { layoutFrom } from '../../api/loki/layout';
import { FlowFunnel } from '../../components/FlowTimeline/FlowFunnel';
import { OutcomeBadge } from '../../components/FlowTimeline/OutcomeBadge';
import { SessionStrip } from '../../components/FlowTimeline/SessionStrip';
import { SessionTimeline } from '../../components/FlowTimeline/SessionTimeline';
import { STATUS_LABEL } from '../../components/FlowTimeline/eventKind';
import { flowTestIds } from '../../components/FlowTimeline/testIds';
import { groupFlowsByTool, matchesFlowText, type FlowSummary } from '../../domain/flows/flowSummary';
import { flowFunnel } from '../../domain/flows/funnel';
import { sessionizeFlows } from '../../domain/flows/sessionize';
import type { FlowStatus } from '../../domain/flows/outcome';
import { useSettings } from '../../settings';
import { formatTime } from '../../utils/format';
import { logDetailUrl } from '../../utils/routing';
import { flowsUrlUpdate, parseFlowsUrl } from './flowsUrlState';
import { FLOW_PAGE_EVENTS_LIMIT, useFlowEvents } from './useFlowEvents';

const ALL_TOOLS = '';

/**
 * Connection flows: every flow in the range by tool, customer and end user, with its sessions,
 * outcome and the step where it stopped; a funnel of steps for the chosen tool.
 */
function ConnectionFlowsPage() {
  const styles = useStyles2(getStyles);
  const { lokiDatasourceUid, sessionGapMinutes } = useSettings();
  const gapMs = sessionGapMinutes * 60_000;
  const location = useLocation();
  const state = useMemo(() => parseFlowsUrl(new URLSearchParams(location.search)), [location.search]);
  const [reloadKey, setReloadKey] = useState(0);
  const [textDraft, setTextDraft] = useState(state.text);
  const [open, setOpen] = useState<string>();
  const { timeRange, range } = useUrlTimeRange(state.from, state.to, reloadKey);
  const layout = useLokiLayout(lokiDatasourceUid);
  const result = useFlowEvents(
    lokiDatasourceUid,
    layoutFrom(layout, range.fromMs),
    { tool: state.tool, customer: state.customer },
    range,
    reloadKey
  );

  const now = range.toMs;
  const flows = useMemo(() => sessionizeFlows(result.events, { gapMs }), [result.events, gapMs]);
  const shown = useMemo(() => flows.filter((f) => matchesFlowText(f, state.text)), [flows, state.text]);
  const groups = useMemo(() => groupFlowsByTool(shown, { now, gapMs }), [shown, now, gapMs]);
  const tools = useMemo(() => [...new Set(flows.map((f) => f.tool).filter((t): t is string => !!t))].sort(), [flows]);
  const funnel = useMemo(
    () => flowFunnel(shown, { tool: state.tool || undefined, from: range.fromMs, to: range.toMs, now, gapMs }),
    [shown, state.tool, range.fromMs, range.toMs, now, gapMs]
  );

  const set = (next: Parameters<typeof flowsUrlUpdate>[0]) => locationService.partial(flowsUrlUpdate(next));

  return (
    <PluginPage
      actions={
        <Stack gap={1}>
          <TimeRangeControls
            timeRange={timeRange}
            range={range}
            onRefresh={() => setReloadKey((k) => k + 1)}
            loading={result.loading}
          />
        </Stack>
      }
    >
      <div className={styles.page} data-testid={flowTestIds.page}>
        <IndexLabelsNotice check={layout} fromMs={range.fromMs} />
        <Stack gap={2} alignItems="flex-end" wrap="wrap">
          <Field label="Tool" noMargin>
            <RadioButtonGroup
              value={state.tool}
              options={[
                { value: ALL_TOOLS, label: 'All tools' },
                ...[...new Set([...tools, state.tool].filter(Boolean))].map((t) => ({ value: t, label: t })),
              ]}
              onChange={(tool) => set({ tool })}
            />
          </Field>
          <Field label="Customer" noMargin>
            <Input
              width={24}
              defaultValue={state.customer}
              placeholder="customer id"
              onBlur={(e) => set({ customer: e.currentTarget.value.trim() })}
              onKeyDown={(e) => e.key === 'Enter' && set({ customer: e.currentTarget.value.trim() })}
            />
          </Field>
          <Field label="Search" noMargin>
            <Input
              width={32}
              prefix={<Icon name="search" />}
              value={textDraft}
              placeholder="customer, end user or flow id"
              onChange={(e) => setTextDraft(e.currentTarget.value)}
              onBlur={() => set({ text: textDraft })}
              onKeyDown={(e) => e.key === 'Enter' && set({ text: textDraft })}
            />
          </Field>
        </Stack>

        {result.error && <QueryError error={result.error} title="Could not load connection flows" />}

        <section className={styles.card}>
          <h3 className={styles.h}>Funnel of steps{state.tool ? ` · ${state.tool}` : ' · all tools'}</h3>
          <FlowFunnel funnel={funnel} />
        </section>

        <div className={styles.status}>
          {result.loading
            ? 'Loading…'
            : `${shown.length} flow${shown.length === 1 ? '' : 's'}${result.truncated ? ` (from the newest ${FLOW_PAGE_EVENTS_LIMIT} events; narrow the range or filters for all)` : ''}`}
        </div>

        {groups.map((group) => (
          <section key={group.tool} className={styles.card}>
            <h3 className={styles.h}>
              {group.tool}{' '}
              <span className={styles.muted}>
                {group.flows.length} flow{group.flows.length === 1 ? '' : 's'} ·{' '}
                {(Object.keys(group.counts) as FlowStatus[])
                  .filter((s) => group.counts[s] > 0)
                  .map((s) => `${group.counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
                  .join(' · ')}
              </span>
            </h3>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>Customer</th>
                  <th>End user</th>
                  <th>Started</th>
                  <th>Outcome</th>
                  <th className={styles.sessionsCol}>Sessions</th>
                </tr>
              </thead>
              <tbody>
                {group.flows.map((summary) => (
                  <FlowRow
                    key={summary.flow.flowId}
                    summary={summary}
                    open={open === summary.flow.flowId}
                    onToggle={(id) => setOpen(open === id ? undefined : id)}
                  />
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {!result.loading && !result.error && shown.length === 0 && (
          <div className={styles.empty}>
            No connection flows in this time range
            {state.tool || state.customer || state.text ? ' match the filters' : ''}.
          </div>
        )}
      </div>
    </PluginPage>
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
  const styles = useStyles2(getStyles);
  const { flow, outcome } = summary;
  const lastTrace = [...flow.events].reverse().find((e) => e.traceId)?.traceId;
  return (
    <>
      <tr
        className={styles.row}
        onClick={() => onToggle(flow.flowId)}
        data-testid={flowTestIds.pageFlowRow}
        data-flow-id={flow.flowId}
        aria-expanded={open}
      >
        <td>
          <Icon name={open ? 'angle-down' : 'angle-right'} /> {flow.customerId ?? '–'}
        </td>
        <td>{flow.endUserId ?? '–'}</td>
        <td className={styles.nowrap}>{formatTime(flow.start, 'minute')}</td>
        <td>
          <OutcomeBadge outcome={outcome} />
        </td>
        <td className={styles.sessionsCol}>
          <SessionStrip flow={flow} />
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5} className={styles.detail}>
            <div className={styles.muted}>
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
          </td>
        </tr>
      )}
    </>
  );
}

export default ConnectionFlowsPage;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
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
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  empty: css({ padding: theme.spacing(4), textAlign: 'center', color: theme.colors.text.secondary }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'middle',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  row: css({ cursor: 'pointer', '&:hover': { background: theme.colors.action.hover } }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  sessionsCol: css({ width: '40%' }),
  detail: css({ background: theme.colors.background.secondary, paddingLeft: theme.spacing(3) }),
});
