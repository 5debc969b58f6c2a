import { ALL_SERVICES_SELECTOR, labelEquals } from '../../api/loki/logql';
import { EVENT_NAMES, LOKI_LABELS } from '../attributes';

export interface FlowFilters {
  tool?: string;
  customerId?: string;
  flowId?: string;
}

/** Every `integration.flow.event` record, optionally of one tool, customer or flow. */
export function buildFlowEventsQuery(filters: FlowFilters = {}): string {
  const stages = [`| ${labelEquals(LOKI_LABELS.eventName, EVENT_NAMES.flowEvent)}`];
  const exact: Array<[string, string | undefined]> = [
    [LOKI_LABELS.flowId, filters.flowId],
    [LOKI_LABELS.tool, filters.tool],
    [LOKI_LABELS.customerId, filters.customerId],
  ];
  for (const [label, value] of exact) {
    const trimmed = value?.trim();
    if (trimmed) {
      stages.push(`| ${labelEquals(label, trimmed)}`);
    }
  }
  return `${ALL_SERVICES_SELECTOR} ${stages.join(' ')}`;
}
