import { useMemo } from 'react';

import { useLokiRecords } from '../../components/FlowTimeline/useLokiRecords';
import type { FlowEvent } from '../../domain/flows/flowEvent';
import { buildFlowEventsQuery } from '../../domain/flows/flowQueries';
import { flowEventsFromLogRecords } from '../../domain/flows/fromLogRecord';

/** Most events read for the page; the page says when the range holds more. */
export const FLOW_PAGE_EVENTS_LIMIT = 5000;

export interface FlowEventsState {
  events: FlowEvent[];
  loading: boolean;
  error: Error | null;
  /** The limit was reached: older events of the range were not read. */
  truncated: boolean;
  query: string;
}

/** The flow events of the range and filters, newest first up to the limit. `reloadKey` forces a reload. */
export function useFlowEvents(
  lokiUid: string,
  filters: { tool: string; customer: string },
  range: { fromMs: number; toMs: number },
  reloadKey: number
): FlowEventsState {
  const query = buildFlowEventsQuery({ tool: filters.tool, customerId: filters.customer });
  const params = useMemo(
    () => ({
      query,
      startMs: range.fromMs,
      endMs: range.toMs,
      limit: FLOW_PAGE_EVENTS_LIMIT,
      direction: 'backward' as const,
    }),
    [query, range.fromMs, range.toMs]
  );
  const { records, loading, error } = useLokiRecords(lokiUid, params, reloadKey);
  const events = useMemo(() => flowEventsFromLogRecords(records), [records]);
  return { events, loading, error, truncated: records.length >= FLOW_PAGE_EVENTS_LIMIT, query };
}
