/**
 * Browser page for the panel plugins: renders one panel (?panel=flowsessions|syncmetrics) with
 * a fixture's data frames (?fixture=...), turned into DataFrames with dataFrameFromJSON as
 * Grafana's frontend does with a data source response.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { dataFrameFromJSON, getDefaultTimeRange, type DataFrameJSON } from '@grafana/data';
import { config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { plugin as flowSessions } from '../src/panels/flowsessions/module';
import { plugin as syncMetrics } from '../src/panels/syncmetrics/module';
import { DEFAULT_FLOW_SESSIONS_OPTIONS } from '../src/panels/flowsessions/options';
import { DEFAULT_SYNC_METRICS_OPTIONS } from '../src/panels/syncmetrics/options';
import { harnessPanelProps } from './panelProps';
import flowsLegacy from '../test/fixtures/panels/lokiFlowEvents.legacy';
import flowsDataplane from '../test/fixtures/panels/lokiFlowEvents.dataplane';
import syncLoki from '../test/fixtures/panels/lokiSyncModels.legacy';
import syncProm from '../test/fixtures/panels/prometheusSyncRead';

const FIXTURES: Record<string, DataFrameJSON[]> = {
  'flows-legacy': flowsLegacy,
  'flows-dataplane': flowsDataplane,
  'sync-loki': syncLoki,
  'sync-prometheus': syncProm,
};
const PANELS = {
  flowsessions: { plugin: flowSessions, defaults: DEFAULT_FLOW_SESSIONS_OPTIONS },
  syncmetrics: { plugin: syncMetrics, defaults: DEFAULT_SYNC_METRICS_OPTIONS },
};

const params = new URLSearchParams(location.search);
const { plugin, defaults } = PANELS[(params.get('panel') ?? 'flowsessions') as keyof typeof PANELS];
const frames = (FIXTURES[params.get('fixture') ?? 'flows-legacy'] ?? []).map(dataFrameFromJSON);
const options = { ...defaults, ...JSON.parse(params.get('options') ?? '{}') };
const width = Number(params.get('width') ?? 1100);
const height = Number(params.get('height') ?? 600);
const Panel = plugin.panel!;
const props = harnessPanelProps({
  series: frames,
  timeRange: getDefaultTimeRange(),
  options,
  fieldConfig: { defaults: {}, overrides: [] },
  width,
  height,
  title: 'panel',
});

createRoot(document.getElementById('root')!).render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <div style={{ padding: 16 }}>
      <div
        data-testid="harness-panel-frame"
        style={{
          width,
          height,
          border: `1px solid ${config.theme2.colors.border.weak}`,
          background: config.theme2.colors.background.primary,
        }}
      >
        <Panel {...props} />
      </div>
    </div>
  </ThemeContext.Provider>
);
