import type { OperationStreams } from '../../api/loki/logql';

/**
 * Detail links carry the operation's end (`time`, ms) and `duration` (ms) so the trace's
 * records are found in a narrow range, and its `tool` and log `type` so only their streams
 * are read.
 */
export const DETAIL_PARAMS = { time: 'time', duration: 'duration', tool: 'tool', logType: 'type', tab: 'tab' } as const;
/** The open request's span id in the Request logs tab. */
export const REQUEST_PARAM = 'request';

/** Without a time in the link, look back this far (a link pasted from a trace id alone). */
export const DETAIL_FALLBACK_LOOKBACK_MS = 7 * 24 * 3600 * 1000;
/**
 * Every record of an operation is stamped inside the operation's own time (requests, models,
 * warnings and flow events end before it does; its summary at its end), so the detail reads
 * that range plus rounding. A wider range reads more of the tool's other records for
 * nothing: the cost of the detail grows with the range times the tool's request rate.
 */
export const RECORD_SLACK_MS = 2_000;

/** The search of a link to one operation's detail page. Pure. */
export function detailSearch(op: { endMs: number; durationMs: number; tool: string; logType: string }): string {
  const search = new URLSearchParams({
    [DETAIL_PARAMS.time]: String(Math.round(op.endMs)),
    [DETAIL_PARAMS.duration]: String(Math.ceil(op.durationMs)),
  });
  if (op.tool) {
    search.set(DETAIL_PARAMS.tool, op.tool);
  }
  if (op.logType) {
    search.set(DETAIL_PARAMS.logType, op.logType);
  }
  return search.toString();
}

/**
 * The search of a link to one request in its operation's detail: the Request logs tab with
 * its drawer open. Without the operation (its record not found), the link names the
 * request's tool and log type and the detail page finds the time from the trace. Pure.
 */
export function requestDetailSearch(
  request: { spanId: string; tool: string; logType: string },
  op: { endMs: number; durationMs: number; tool: string; logType: string } | null
): string {
  const search = new URLSearchParams(
    op ? detailSearch(op) : detailSearch({ endMs: 0, durationMs: 0, tool: request.tool, logType: request.logType })
  );
  if (!op) {
    search.delete(DETAIL_PARAMS.time);
    search.delete(DETAIL_PARAMS.duration);
  }
  search.set(DETAIL_PARAMS.tab, 'requests');
  search.set(REQUEST_PARAM, request.spanId);
  return search.toString();
}

/** The range that holds every record of an operation that ended at `endMs` after `durationMs`. Pure. */
export function operationRange(endMs: number, durationMs: number): { startMs: number; endMs: number } {
  return { startMs: endMs - durationMs - RECORD_SLACK_MS, endMs: endMs + RECORD_SLACK_MS };
}

/** The Loki range that holds every record of one operation. Pure. */
export function detailRange(
  search: URLSearchParams,
  nowMs: number
): { startMs: number; endMs: number; exact: boolean } {
  const time = Number(search.get(DETAIL_PARAMS.time));
  const duration = Number(search.get(DETAIL_PARAMS.duration) ?? 0);
  if (!Number.isFinite(time) || time <= 0) {
    return { startMs: nowMs - DETAIL_FALLBACK_LOOKBACK_MS, endMs: nowMs, exact: false };
  }
  return { ...operationRange(time, Number.isFinite(duration) && duration > 0 ? duration : 0), exact: true };
}

/** The operation's tool and log type from the link's parameters; undefined when it has neither. Pure. */
export function detailStreams(toolParam: string | null, logTypeParam: string | null): OperationStreams | undefined {
  const tool = toolParam?.trim() ?? '';
  const logType = logTypeParam?.trim() ?? '';
  return tool || logType ? { tool, logType } : undefined;
}
