import React from 'react';
import { FlowEventsTab } from '../../components/FlowTimeline/FlowEventsTab';
import { SyncMetricsTab } from '../../components/SyncMetrics/SyncMetricsTab';
import { RequestLogsTab } from '../../components/RequestLogs/RequestLogsTab';
import { TraceTab } from '../../components/TraceWaterfall/TraceTab';
import { DetailTabProps, Operation } from '../../domain/types';

export interface DetailTab {
  /** Stable id, also the `tab` URL parameter. */
  id: string;
  label: string;
  /** Whether the tab is shown for this operation. */
  appliesTo: (operation: Operation) => boolean;
  Component: React.ComponentType<DetailTabProps>;
}

/** Every tab of the log detail page, in display order; the first that applies opens by default. */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'events', label: 'Events', appliesTo: (op) => op.logType === 'connection_flow', Component: FlowEventsTab },
  { id: 'sync-metrics', label: 'Sync metrics', appliesTo: (op) => op.logType === 'sync', Component: SyncMetricsTab },
  { id: 'requests', label: 'Request logs', appliesTo: () => true, Component: RequestLogsTab },
  { id: 'trace', label: 'Trace', appliesTo: () => true, Component: TraceTab },
];

export function tabsFor(operation: Operation): DetailTab[] {
  return DETAIL_TABS.filter((tab) => tab.appliesTo(operation));
}
