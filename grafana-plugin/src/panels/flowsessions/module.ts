import { PanelPlugin } from '@grafana/data';

import { FlowSessionsPanel } from './FlowSessionsPanel';
import { DEFAULT_FLOW_SESSIONS_OPTIONS as D, type FlowSessionsOptions } from './options';

const FIELDS = 'Fields and labels';

export const plugin = new PanelPlugin<FlowSessionsOptions>(FlowSessionsPanel).setPanelOptions((builder) =>
  builder
    .addNumberInput({
      path: 'gapMinutes',
      name: 'Session gap (minutes)',
      description: 'Events without a session id start a new session after this much inactivity.',
      defaultValue: D.gapMinutes,
      settings: { min: 1, integer: true },
    })
    .addNumberInput({
      path: 'maxFlows',
      name: 'Most flows',
      description: 'Flows drawn, most recent activity first.',
      defaultValue: D.maxFlows,
      settings: { min: 1, integer: true },
    })
    .addBooleanSwitch({
      path: 'expandFirst',
      name: 'Open the latest flow',
      description: "Show the most recent flow's full timeline.",
      defaultValue: D.expandFirst,
    })
    .addTextInput({ path: 'flowIdField', name: 'Flow id', category: [FIELDS], defaultValue: D.flowIdField })
    .addTextInput({ path: 'sessionIdField', name: 'Session id', category: [FIELDS], defaultValue: D.sessionIdField })
    .addTextInput({ path: 'eventField', name: 'Event', category: [FIELDS], defaultValue: D.eventField })
    .addTextInput({ path: 'stepField', name: 'Step', category: [FIELDS], defaultValue: D.stepField })
);
