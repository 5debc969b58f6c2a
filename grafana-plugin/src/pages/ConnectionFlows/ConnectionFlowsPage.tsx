import { css } from '@emotion/css';
import React, { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { type GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';

import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { ListToolbar } from '../../components/common/ListToolbar';
import { QueryError } from '../../components/common/QueryError';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { useUrlTimeRange } from '../../components/common/useUrlTimeRange';
import { layoutFrom } from '../../api/loki/layout';
import { FlowFunnel } from '../../components/FlowTimeline/FlowFunnel';
import { flowTestIds } from '../../components/FlowTimeline/testIds';
import type { FlowEvent } from '../../domain/flows/flowEvent';
import { groupFlowsByTool, matchesFlowText } from '../../domain/flows/flowSummary';
import { flowFunnel } from '../../domain/flows/funnel';
import { sessionizeFlows } from '../../domain/flows/sessionize';
import { useSettings } from '../../settings';
import { countOf } from '../../utils/format';
import { FlowGroups, getStyles as getCardStyles } from './FlowGroupTable';
import { FlowsFilters } from './FlowsFilters';
import { type FlowsUrlState, flowsUrlUpdate, parseFlowsUrl } from './flowsUrlState';
import { FLOW_PAGE_EVENTS_LIMIT, useFlowEvents } from './useFlowEvents';

/**
 * Connection flows: every flow in the range by tool, customer and end user, with its sessions,
 * outcome and the step where it stopped; a funnel of steps for the chosen tool.
 */
function ConnectionFlowsPage() {
  const s = useStyles2(getStyles);
  const card = useStyles2(getCardStyles);
  const { lokiDatasourceUid, sessionGapMinutes } = useSettings();
  const location = useLocation();
  const state = useMemo(() => parseFlowsUrl(new URLSearchParams(location.search)), [location.search]);
  const time = useUrlTimeRange(state.from, state.to);
  const check = useLokiLayout(lokiDatasourceUid);
  const result = useFlowEvents(
    lokiDatasourceUid,
    layoutFrom(check, time.range.fromMs),
    { tool: state.tool, customer: state.customer },
    time.range,
    time.reloadKey
  );
  const view = useFlowsView(result.events, state, time.range, sessionGapMinutes * 60_000);
  const filtered = Boolean(state.tool || state.customer || state.text);

  return (
    <PluginPage actions={<ListToolbar time={time} loading={result.loading} logsQuery={result.query} />}>
      <div className={s.page} data-testid={flowTestIds.page}>
        <IndexLabelsNotice check={check} fromMs={time.range.fromMs} />
        <FlowsFilters
          filters={state}
          tools={view.tools}
          onChange={(next) => locationService.partial(flowsUrlUpdate(next))}
        />
        {result.error && <QueryError error={result.error} title="Could not load connection flows" />}
        <section className={card.card}>
          <h3 className={card.h}>Funnel of steps{state.tool ? ` · ${state.tool}` : ' · all tools'}</h3>
          <FlowFunnel funnel={view.funnel} />
        </section>
        <div className={s.status}>
          {result.loading
            ? 'Loading…'
            : `${countOf(view.shown.length, 'flow')}${result.truncated ? ` (from the newest ${FLOW_PAGE_EVENTS_LIMIT} events; narrow the range or filters for all)` : ''}`}
        </div>
        <FlowGroups groups={view.groups} />
        {!result.loading && !result.error && view.shown.length === 0 && (
          <div className={s.empty}>No connection flows in this time range{filtered ? ' match the filters' : ''}.</div>
        )}
      </div>
    </PluginPage>
  );
}

export default ConnectionFlowsPage;

/** The range's events as flows: those the text matches, by tool, the tools seen and the funnel of steps. */
function useFlowsView(
  events: FlowEvent[],
  state: FlowsUrlState,
  range: { fromMs: number; toMs: number },
  gapMs: number
) {
  const now = range.toMs;
  const flows = useMemo(() => sessionizeFlows(events, { gapMs }), [events, gapMs]);
  const shown = useMemo(() => flows.filter((f) => matchesFlowText(f, state.text)), [flows, state.text]);
  const groups = useMemo(() => groupFlowsByTool(shown, { now, gapMs }), [shown, now, gapMs]);
  const tools = useMemo(() => [...new Set(flows.map((f) => f.tool).filter((t): t is string => !!t))].sort(), [flows]);
  const funnel = useMemo(
    () => flowFunnel(shown, { tool: state.tool || undefined, from: range.fromMs, to: range.toMs, now, gapMs }),
    [shown, state.tool, range.fromMs, range.toMs, now, gapMs]
  );
  return { shown, groups, tools, funnel };
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  empty: css({ padding: theme.spacing(4), textAlign: 'center', color: theme.colors.text.secondary }),
});
