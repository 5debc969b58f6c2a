import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';
import {
  dataFrameFromJSON,
  getDefaultTimeRange,
  LoadingState,
  PanelOptionsEditorBuilder,
  type DataFrame,
  type PanelPlugin,
  type PanelProps,
} from '@grafana/data';

import { flowTestIds } from '../components/FlowTimeline/testIds';
import { syncTestIds } from '../components/SyncMetrics/testIds';
import flowLegacy from '../../test/fixtures/panels/lokiFlowEvents.legacy';
import syncLegacy from '../../test/fixtures/panels/lokiSyncModels.legacy';
import promRead from '../../test/fixtures/panels/prometheusSyncRead';
import { FlowSessionsPanel } from './flowsessions/FlowSessionsPanel';
import { plugin as flowPlugin } from './flowsessions/module';
import { DEFAULT_FLOW_SESSIONS_OPTIONS, type FlowSessionsOptions } from './flowsessions/options';
import { plugin as syncPlugin } from './syncmetrics/module';
import { DEFAULT_SYNC_METRICS_OPTIONS, dropOptionsFrom, type SyncMetricsOptions } from './syncmetrics/options';
import { SyncMetricsPanel } from './syncmetrics/SyncMetricsPanel';
import { panelModels } from './syncmetrics/panelModels';
import flowPluginJson from './flowsessions/plugin.json';
import syncPluginJson from './syncmetrics/plugin.json';

/** Records the options a plugin declares (Grafana's own builder needs the app's editor registry). */
function optionPaths(plugin: PanelPlugin<any>): Array<[string, unknown]> {
  const items: Array<[string, unknown]> = [];
  const builder: any = new Proxy(
    {},
    {
      get: () => (item: { path: string; defaultValue: unknown }) => (
        items.push([item.path, item.defaultValue]),
        builder
      ),
    }
  );
  plugin.getPanelOptionsSupplier()(builder as PanelOptionsEditorBuilder<any>, { data: [] });
  return items;
}

function props<T>(series: DataFrame[], options: T): PanelProps<T> {
  return {
    data: { series, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options,
    width: 900,
    height: 500,
    timeRange: getDefaultTimeRange(),
  } as unknown as PanelProps<T>;
}

const flowFrames = flowLegacy.map(dataFrameFromJSON);

describe('flow sessions panel', () => {
  it('is a panel plugin with the documented id and options', () => {
    expect(flowPluginJson).toMatchObject({ type: 'panel', id: 'integrationlogs-flowsessions-panel' });
    expect(flowPlugin.panel).toBe(FlowSessionsPanel);
    expect(optionPaths(flowPlugin)).toEqual([
      ['gapMinutes', 30],
      ['maxFlows', 50],
      ['expandFirst', true],
      ['flowIdField', 'integration_flow_id'],
      ['sessionIdField', 'integration_flow_session_id'],
      ['eventField', 'integration_flow_event'],
      ['stepField', 'integration_flow_step'],
    ]);
  });

  it('draws each flow with its sessions, a broken line between sessions and the outcome', () => {
    render(<FlowSessionsPanel {...props<FlowSessionsOptions>(flowFrames, DEFAULT_FLOW_SESSIONS_OPTIONS)} />);
    const flows = screen.getAllByTestId(flowTestIds.panelFlow);
    expect(flows.map((f) => f.getAttribute('data-flow-id'))).toEqual([
      'flow-personio-acme',
      'flow-bamboohr-globex',
      'flow-personio-initech',
    ]);
    const acme = flows[0]!;
    expect(within(acme).getByTestId(flowTestIds.outcome)).toHaveAttribute('data-status', 'connected');
    // the first flow is open: the full timeline with the pause between its two sessions
    const timeline = within(acme).getByTestId(flowTestIds.timeline);
    expect(within(timeline).getAllByTestId(flowTestIds.session)).toHaveLength(2);
    expect(within(timeline).getByTestId(flowTestIds.gap)).toHaveTextContent('2 h 15 min later');
    const globex = flows[1]!;
    expect(within(globex).getByTestId(flowTestIds.outcome)).toHaveTextContent('Abandoned at permissions');
    expect(within(globex).getByTestId(flowTestIds.gap)).toHaveTextContent('59 min later');
    expect(within(flows[2]!).getByTestId(flowTestIds.outcome)).toHaveTextContent('Failed at credentials');
  });

  it('opens another flow on click and honours a custom gap', async () => {
    const options = { ...DEFAULT_FLOW_SESSIONS_OPTIONS, gapMinutes: 90 };
    render(<FlowSessionsPanel {...props<FlowSessionsOptions>(flowFrames, options)} />);
    const globex = screen.getAllByTestId(flowTestIds.panelFlow)[1]!;
    expect(within(globex).queryByTestId(flowTestIds.gap)).toBeNull(); // 59 min < 90 min: one session
    await userEvent.click(within(globex).getByRole('button'));
    expect(within(globex).getAllByTestId(flowTestIds.event)).toHaveLength(6);
  });

  it('explains what it needs when the data has no flow events', () => {
    render(<FlowSessionsPanel {...props<FlowSessionsOptions>([], DEFAULT_FLOW_SESSIONS_OPTIONS)} />);
    expect(screen.getByTestId(flowTestIds.panelEmpty)).toHaveTextContent('integration_flow_id');
  });
});

describe('sync metrics panel', () => {
  it('is a panel plugin with the documented id', () => {
    expect(syncPluginJson).toMatchObject({ type: 'panel', id: 'integrationlogs-syncmetrics-panel' });
    expect(syncPlugin.panel).toBe(SyncMetricsPanel);
    expect(Object.fromEntries(optionPaths(syncPlugin))).toEqual(DEFAULT_SYNC_METRICS_OPTIONS);
  });

  it('shows per-model figures from Loki records and flags the employees drop, with its warning', () => {
    render(
      <SyncMetricsPanel
        {...props<SyncMetricsOptions>(syncLegacy.map(dataFrameFromJSON), DEFAULT_SYNC_METRICS_OPTIONS)}
      />
    );
    const rows = screen.getAllByTestId(syncTestIds.model);
    expect(rows.map((r) => [r.getAttribute('data-model'), r.getAttribute('data-flagged')])).toEqual([
      ['employees', 'true'],
      ['absences', 'false'],
      ['teams', 'false'],
    ]);
    expect(rows[0]).toHaveTextContent('310');
    expect(within(rows[0]!).getByTestId(syncTestIds.drop)).toHaveTextContent('-74 %');
    expect(screen.getByTestId(syncTestIds.warning)).toHaveTextContent('3 employees skipped: missing email');
  });

  it('works on Prometheus series and follows the threshold option', () => {
    const frames = promRead.map(dataFrameFromJSON);
    const { unmount } = render(
      <SyncMetricsPanel {...props<SyncMetricsOptions>(frames, DEFAULT_SYNC_METRICS_OPTIONS)} />
    );
    expect(screen.getAllByTestId(syncTestIds.drop)).toHaveLength(1);
    unmount();
    render(
      <SyncMetricsPanel
        {...props<SyncMetricsOptions>(frames, { ...DEFAULT_SYNC_METRICS_OPTIONS, dropThresholdPercent: 80 })}
      />
    );
    expect(screen.queryAllByTestId(syncTestIds.drop)).toHaveLength(0);
  });

  it('replaces out-of-range options by defaults', () => {
    expect(
      dropOptionsFrom({ dropThresholdPercent: -5, historySize: Number.NaN, trendMetric: 'bogus' as never })
    ).toEqual({
      dropThreshold: 0.5,
      historySize: 10,
      minHistory: 3,
      metrics: ['read'],
    });
  });

  it('explains what it needs when the data has no sync figures', () => {
    render(<SyncMetricsPanel {...props<SyncMetricsOptions>([], DEFAULT_SYNC_METRICS_OPTIONS)} />);
    expect(screen.getByTestId(syncTestIds.panelEmpty)).toBeInTheDocument();
  });
});

describe('sync metrics panel rows', () => {
  it('splits rows by integration and sync type when the data holds several', () => {
    const counts = (read: number) => ({ read, created: 0, updated: 0, deleted: 0, failed: 0 });
    const records = [
      { syncId: 'a1', time: 1, model: 'employees', integrationId: 'int-a', operation: 'delta', counts: counts(10) },
      { syncId: 'a2', time: 2, model: 'employees', integrationId: 'int-a', operation: 'full', counts: counts(900) },
      { syncId: 'b1', time: 1, model: 'employees', integrationId: 'int-b', operation: 'delta', counts: counts(20) },
    ];
    const rows = panelModels(records, [], dropOptionsFrom({}));
    expect(rows.map((r) => [r.label, r.counts?.read])).toEqual([
      ['employees · int-a · delta', 10],
      ['employees · int-a · full', 900],
      ['employees · int-b · delta', 20],
    ]);
  });
});
