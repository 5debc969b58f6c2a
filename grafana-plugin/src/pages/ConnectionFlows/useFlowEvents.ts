import { useEffect, useState } from 'react';

import { queryRange } from '../../api/loki/client';
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

export function useFlowEvents(
  lokiUid: string,
  filters: { tool: string; customer: string },
  range: { fromMs: number; toMs: number },
  reloadKey: number,
): FlowEventsState {
  const query = buildFlowEventsQuery({ tool: filters.tool, customerId: filters.customer });
  const [state, setState] = useState<FlowEventsState>({ events: [], loading: true, error: null, truncated: false, query });
  useEffect(() => {
    let cancelled = false;
    setState((prev) => ({ ...prev, loading: true, error: null, query }));
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endMs: range.toMs,
      limit: FLOW_PAGE_EVENTS_LIMIT,
      direction: 'backward',
    }).then(
      (records) =>
        !cancelled &&
        setState({
          events: flowEventsFromLogRecords(records),
          loading: false,
          error: null,
          truncated: records.length >= FLOW_PAGE_EVENTS_LIMIT,
          query,
        }),
      (error: unknown) =>
        !cancelled &&
        setState({ events: [], loading: false, error: error instanceof Error ? error : new Error(String(error)), truncated: false, query }),
    );
    return () => {
      cancelled = true;
    };
  }, [lokiUid, query, range.fromMs, range.toMs, reloadKey]);
  return state;
}
