import { useCallback, useEffect, useState } from 'react';
import { queryRange } from '../../api/loki/client';
import { buildOperationsQuery, type LokiLayout, OperationFilters } from '../../api/loki/logql';
import { LIVE_TAIL_INTERVAL_MS, LIVE_TAIL_MAX_ROWS, LIVE_TAIL_WINDOW_MS, OPERATIONS_PAGE_SIZE } from '../../constants';
import { mergeOperations, toOperations } from '../../domain/operations';
import { Operation } from '../../domain/types';

export interface OperationsState {
  operations: Operation[];
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
  /** More records may exist before the oldest row (the last page was full). */
  hasMore: boolean;
}

/** What one query (data source, LogQL, range, reload) returned; `key` names that query. */
interface Loaded {
  key: string;
  operations: Operation[];
  error: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
}

/** The ns cursor just after a record, so the next backward page includes its timestamp (Loki's end is exclusive). */
function cursorAfter(op: Operation): string {
  return (BigInt(op.record.timestampNs) + 1n).toString();
}

/**
 * Loads operations for the filters and range, pages backwards on demand and, when live,
 * polls a sliding window of the last minute every 2.5 s and merges new rows at the top.
 * `reloadKey` changes force a reload (refresh button, relative time ranges). Results are
 * kept with the key of the query they answer, so a late answer to an old query is ignored.
 * Nothing is queried until the Loki layout is known (`layout` null).
 */
export function useOperations(
  lokiUid: string,
  layout: LokiLayout | null,
  filters: OperationFilters,
  range: { fromMs: number; toMs: number },
  live: boolean,
  reloadKey: number
) {
  const query = layout && buildOperationsQuery(layout, filters);
  const key = [lokiUid, query, range.fromMs, range.toMs, reloadKey].join('\n');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const update = useCallback(
    (fn: (current: Loaded) => Loaded) => setLoaded((prev) => (prev && prev.key === key ? fn(prev) : prev)),
    [key]
  );

  useEffect(() => {
    if (!query) {
      return;
    }
    let cancelled = false;
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endMs: range.toMs,
      limit: OPERATIONS_PAGE_SIZE,
      direction: 'backward',
    }).then(
      (records) =>
        !cancelled &&
        setLoaded({
          key,
          operations: toOperations(records),
          error: null,
          hasMore: records.length >= OPERATIONS_PAGE_SIZE,
          loadingMore: false,
        }),
      (error: Error) => !cancelled && setLoaded({ key, operations: [], error, hasMore: false, loadingMore: false })
    );
    return () => {
      cancelled = true;
    };
  }, [key, lokiUid, query, range.fromMs, range.toMs]);

  const current = loaded?.key === key ? loaded : null;

  const loadMore = useCallback(() => {
    const oldest = current?.operations[current.operations.length - 1];
    if (!query || !current || !oldest || current.loadingMore || !current.hasMore) {
      return;
    }
    update((s) => ({ ...s, loadingMore: true }));
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endNs: cursorAfter(oldest),
      limit: OPERATIONS_PAGE_SIZE,
      direction: 'backward',
    }).then(
      (records) =>
        update((s) => ({
          ...s,
          operations: mergeOperations(s.operations, toOperations(records)),
          loadingMore: false,
          hasMore: records.length >= OPERATIONS_PAGE_SIZE,
        })),
      (error: Error) => update((s) => ({ ...s, loadingMore: false, error }))
    );
  }, [current, update, lokiUid, query, range.fromMs]);

  useEffect(() => {
    if (!live || !query) {
      return;
    }
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
        limit: OPERATIONS_PAGE_SIZE,
        direction: 'backward',
      })
        .then(
          (records) =>
            update((s) => ({
              ...s,
              error: null,
              operations: mergeOperations(toOperations(records), s.operations, LIVE_TAIL_MAX_ROWS),
            })),
          (error: Error) => update((s) => ({ ...s, error }))
        )
        .finally(() => {
          inFlight = false;
        });
    };
    poll();
    const timer = setInterval(poll, LIVE_TAIL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, update, lokiUid, query]);

  const state: OperationsState = {
    // while a new query runs, keep showing the previous rows rather than flashing an empty list
    operations: current?.operations ?? loaded?.operations ?? [],
    loading: current === null,
    loadingMore: current?.loadingMore ?? false,
    error: current?.error ?? null,
    hasMore: current?.hasMore ?? false,
  };
  return { ...state, loadMore, query };
}
