import { useMemo } from 'react';

import type { LokiLayout } from '../../api/loki/logql';
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
  /** null until the Loki layout is known. */
  query: string | null;
}

/** The flow events of the range and filters, newest first up to the limit. `reloadKey` forces a reload. */
export function useFlowEvents(
  lokiUid: string,
  layout: LokiLayout | null,
  filters: { tool: string; customer: string },
  range: { fromMs: number; toMs: number },
  reloadKey: number
): FlowEventsState {
  const query = layout && buildFlowEventsQuery(layout, { tool: filters.tool, customerId: filters.customer });
  const params = useMemo(
    () =>
      query
        ? {
            query,
            startMs: range.fromMs,
            endMs: range.toMs,
            limit: FLOW_PAGE_EVENTS_LIMIT,
            direction: 'backward' as const,
          }
        : null,
    [query, range.fromMs, range.toMs]
  );
  const { records, loading, error } = useLokiRecords(lokiUid, params, reloadKey);
  const events = useMemo(() => flowEventsFromLogRecords(records), [records]);
  return { events, loading: loading || !query, error, truncated: records.length >= FLOW_PAGE_EVENTS_LIMIT, query };
}
