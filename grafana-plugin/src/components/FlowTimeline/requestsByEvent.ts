import type { FlowEvent } from '../../domain/flows/flowEvent';

/** The part of a request log the timeline needs. */
export interface RequestRef {
  spanId: string;
  traceId: string;
  timeMs: number;
  method: string;
  path: string;
  status: number | null;
}

/**
 * Assigns each request to the flow event it was made during: the latest event of the same
 * trace (operation) at or before the request; requests before the trace's first event go to
 * that first event. Requests of traces with no event stay unassigned.
 */
export function requestsByEvent(events: FlowEvent[], requests: RequestRef[]): Map<FlowEvent, RequestRef[]> {
  const byTrace = new Map<string, FlowEvent[]>();
  for (const event of events) {
    if (event.traceId) {
      const list = byTrace.get(event.traceId) ?? [];
      list.push(event);
      byTrace.set(event.traceId, list);
    }
  }
  for (const list of byTrace.values()) {
    list.sort((a, b) => a.time - b.time);
  }
  const result = new Map<FlowEvent, RequestRef[]>();
  for (const request of [...requests].sort((a, b) => a.timeMs - b.timeMs)) {
    const candidates = byTrace.get(request.traceId);
    if (!candidates || candidates.length === 0) {
      continue;
    }
    let owner = candidates[0]!;
    for (const event of candidates) {
      if (event.time <= request.timeMs) {
        owner = event;
      } else {
        break;
      }
    }
    const list = result.get(owner) ?? [];
    list.push(request);
    result.set(owner, list);
  }
  return result;
}
