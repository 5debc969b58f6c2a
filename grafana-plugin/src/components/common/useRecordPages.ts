import { useCallback, useEffect, useState } from 'react';
import { queryRange } from '../../api/loki/client';
import { LIVE_TAIL_INTERVAL_MS, LIVE_TAIL_MAX_ROWS, LIVE_TAIL_WINDOW_MS } from '../../constants';
import { LogRecord } from '../../domain/types';

/** How a list turns Loki records into its rows, newest first. */
export interface RowsOf<T extends { record: LogRecord }> {
  /** Records of one page → rows, newest first. */
  toRows: (records: LogRecord[]) => T[];
  /** Two newest-first row lists as one, each row once, at most `max` rows. */
  merge: (a: T[], b: T[], max?: number) => T[];
  pageSize: number;
}

export interface RecordPagesState<T> {
  rows: T[];
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
  /** More records may exist before the oldest row (the last page was full). */
  hasMore: boolean;
}

/** What one query (data source, LogQL, range, reload) returned; `key` names that query. */
interface Loaded<T> {
  key: string;
  rows: T[];
  error: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
}

/** The ns cursor just after a record, so the next backward page includes its timestamp (Loki's end is exclusive). */
function cursorAfter(row: { record: LogRecord }): string {
  return (BigInt(row.record.timestampNs) + 1n).toString();
}

type Update<T> = (fn: (current: Loaded<T>) => Loaded<T>) => void;

/**
 * Loads the rows of a log query in the range, newest first, pages backwards on demand and,
 * when live, polls a sliding window of the last minute every 2.5 s and merges new rows at
 * the top. `reloadKey` changes force a reload (refresh button, relative time ranges).
 * Results are kept with the key of the query they answer, so a late answer to an old query
 * is ignored. Nothing is queried while `query` is null (the Loki layout is not known yet).
 * `rowsOf` must be a stable object (a module constant).
 */
export function useRecordPages<T extends { record: LogRecord }>(
  lokiUid: string,
  query: string | null,
  range: { fromMs: number; toMs: number },
  live: boolean,
  reloadKey: number,
  rowsOf: RowsOf<T>
) {
  const key = [lokiUid, query, range.fromMs, range.toMs, reloadKey].join('\n');
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  // changes only what answers the current query
  const update: Update<T> = useCallback(
    (fn) => setLoaded((prev) => (prev && prev.key === key ? fn(prev) : prev)),
    [key]
  );
  useFirstPage(key, lokiUid, query, range, rowsOf, setLoaded);
  const current = loaded?.key === key ? loaded : null;
  const loadMore = useLoadMore(current, update, lokiUid, query, range.fromMs, rowsOf);
  useLiveTail(live, update, lokiUid, query, rowsOf);

  const state: RecordPagesState<T> = {
    // while a new query runs, keep showing the previous rows rather than flashing an empty list
    rows: current?.rows ?? loaded?.rows ?? [],
    loading: current === null,
    loadingMore: current?.loadingMore ?? false,
    error: current?.error ?? null,
    hasMore: current?.hasMore ?? false,
  };
  return { ...state, loadMore, query };
}

/** Reads the newest page of the query whenever its key changes. */
function useFirstPage<T extends { record: LogRecord }>(
  key: string,
  lokiUid: string,
  query: string | null,
  range: { fromMs: number; toMs: number },
  rowsOf: RowsOf<T>,
  setLoaded: (loaded: Loaded<T>) => void
) {
  useEffect(() => {
    if (!query) {
      return;
    }
    const { toRows, pageSize } = rowsOf;
    let cancelled = false;
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endMs: range.toMs,
      limit: pageSize,
      direction: 'backward',
    }).then(
      (records) =>
        !cancelled &&
        setLoaded({ key, rows: toRows(records), error: null, hasMore: records.length >= pageSize, loadingMore: false }),
      (error: Error) => !cancelled && setLoaded({ key, rows: [], error, hasMore: false, loadingMore: false })
    );
    return () => {
      cancelled = true;
    };
  }, [key, lokiUid, query, range.fromMs, range.toMs, rowsOf, setLoaded]);
}

/** Reads the page before the oldest row and appends it; one page at a time. */
function useLoadMore<T extends { record: LogRecord }>(
  current: Loaded<T> | null,
  update: Update<T>,
  lokiUid: string,
  query: string | null,
  fromMs: number,
  rowsOf: RowsOf<T>
) {
  return useCallback(() => {
    const oldest = current?.rows[current.rows.length - 1];
    if (!query || !current || !oldest || current.loadingMore || !current.hasMore) {
      return;
    }
    const { toRows, merge, pageSize } = rowsOf;
    update((s) => ({ ...s, loadingMore: true }));
    queryRange(lokiUid, {
      query,
      startMs: fromMs,
      endNs: cursorAfter(oldest),
      limit: pageSize,
      direction: 'backward',
    }).then(
      (records) =>
        update((s) => ({
          ...s,
          rows: merge(s.rows, toRows(records)),
          loadingMore: false,
          hasMore: records.length >= pageSize,
        })),
      (error: Error) => update((s) => ({ ...s, loadingMore: false, error }))
    );
  }, [current, update, lokiUid, query, fromMs, rowsOf]);
}

/** While `live`, polls the last minute every 2.5 s and merges what is new at the top. */
function useLiveTail<T extends { record: LogRecord }>(
  live: boolean,
  update: Update<T>,
  lokiUid: string,
  query: string | null,
  rowsOf: RowsOf<T>
) {
  useEffect(() => {
    if (!live || !query) {
      return;
    }
    const { toRows, merge, pageSize } = rowsOf;
    let inFlight = false;
    const poll = () => {
      // no polling while a poll is out or the browser tab is in the background
      if (inFlight || document.visibilityState === 'hidden') {
        return;
      }
      inFlight = true;
      const now = Date.now();
      queryRange(lokiUid, {
        query,
        startMs: now - LIVE_TAIL_WINDOW_MS,
        endMs: now,
        limit: pageSize,
        direction: 'backward',
      })
        .then(
          (records) => update((s) => ({ ...s, error: null, rows: merge(toRows(records), s.rows, LIVE_TAIL_MAX_ROWS) })),
          (error: Error) => update((s) => ({ ...s, error }))
        )
        .finally(() => {
          inFlight = false;
        });
    };
    poll();
    const timer = setInterval(poll, LIVE_TAIL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, update, lokiUid, query, rowsOf]);
}
