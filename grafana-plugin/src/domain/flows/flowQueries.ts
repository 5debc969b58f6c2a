import { logQuery, one, type LokiLayout } from '../../api/loki/logql';
import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';

export interface FlowFilters {
  tool?: string;
  customerId?: string;
  flowId?: string;
  /** The flow's tool when only the flow id filters: narrows the streams read, nothing else. */
  flowTool?: string;
}

/** Every `integration.flow.event` record, optionally of one tool, customer or flow. */
export function buildFlowEventsQuery(layout: LokiLayout, filters: FlowFilters = {}): string {
  const tool = filters.tool?.trim() ?? '';
  return logQuery(layout, [
    one(LOKI_LABELS.eventName, EVENT_NAMES.flowEvent),
    one(LOKI_LABELS.flowId, filters.flowId?.trim() ?? ''),
    one(LOKI_LABELS.tool, tool),
    { ...one(LOKI_LABELS.tool, tool ? '' : (filters.flowTool?.trim() ?? '')), selectorOnly: true },
    one(LOKI_LABELS.customerId, filters.customerId?.trim() ?? ''),
  ]);
}
