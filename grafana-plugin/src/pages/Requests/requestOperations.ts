import { queryRange } from '../../api/loki/client';
import { type LokiLayout } from '../../api/loki/logql';
import { buildOperationsOfTracesQuery } from '../../api/loki/requestQueries';
import { toOperations } from '../../domain/operations';
import { Operation, RequestLog } from '../../domain/types';

/**
 * How long after a request its operation may still run: its record is written when it ends.
 * Long syncs run for hours; the query reads the operation streams of the requests' tools only.
 */
export const OPERATION_LOOKAHEAD_MS = 6 * 3_600_000;
/** Trace ids per query (each is one `or` alternative of a label filter). */
const TRACES_PER_QUERY = 50;

/** One operation per trace: the root, the latest to end (a nested operation shares the trace). Pure. */
export function rootOperations(operations: Operation[]): Operation[] {
  const byTrace = new Map<string, Operation>();
  for (const op of operations) {
    const known = byTrace.get(op.traceId);
    if (!known || op.endMs > known.endMs) {
      byTrace.set(op.traceId, op);
    }
  }
  return [...byTrace.values()].sort((a, b) => b.endMs - a.endMs);
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The operations that made the requests, newest first: their operation records, read from
 * the first request's time to the lookahead after the last, on the streams of the requests'
 * tools and log types.
 */
export async function operationsOfRequests(
  lokiUid: string,
  layout: LokiLayout,
  requests: RequestLog[],
  nowMs = Date.now()
): Promise<Operation[]> {
  const traces = unique(requests.map((r) => r.traceId).filter((t) => t !== ''));
  const chunks: string[][] = [];
  for (let i = 0; i < traces.length; i += TRACES_PER_QUERY) {
    chunks.push(traces.slice(i, i + TRACES_PER_QUERY));
  }
  const pages = await Promise.all(
    chunks.map((chunk) => {
      const mine = requests.filter((r) => chunk.includes(r.traceId));
      const times = mine.map((r) => r.timeMs);
      const query = buildOperationsOfTracesQuery(layout, chunk, {
        tools: unique(mine.map((r) => r.tool)),
        logTypes: unique(mine.map((r) => r.logType)),
      });
      return queryRange(lokiUid, {
        query,
        startMs: Math.min(...times),
        endMs: Math.min(nowMs, Math.max(...times) + OPERATION_LOOKAHEAD_MS),
        // a few nested operations per trace at most
        limit: chunk.length * 4,
        direction: 'forward',
      });
    })
  );
  return rootOperations(toOperations(pages.flat()));
}
