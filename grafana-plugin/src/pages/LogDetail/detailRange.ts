/** Detail links carry the operation's end (`time`, ms) and `duration` (ms) so the trace's records are found in a narrow range. */
export const DETAIL_PARAMS = { time: 'time', duration: 'duration', tab: 'tab' } as const;

/** Without a time in the link, look back this far (a link pasted from a trace id alone). */
export const DETAIL_FALLBACK_LOOKBACK_MS = 7 * 24 * 3600 * 1000;
const SLACK_MS = 60_000;

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
  const d = Number.isFinite(duration) && duration > 0 ? duration : 0;
  return { startMs: time - d - SLACK_MS, endMs: time + SLACK_MS, exact: true };
}
