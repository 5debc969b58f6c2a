import { useCallback, useEffect, useRef, useState } from 'react';
import { queryRange } from '../../api/loki/client';
import { buildOperationsQuery, OperationFilters } from '../../api/loki/logql';
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

const INITIAL: OperationsState = { operations: [], loading: true, loadingMore: false, error: null, hasMore: false };

/** The ns cursor just after a record, so the next backward page includes its timestamp (Loki's end is exclusive). */
function cursorAfter(op: Operation): string {
  return (BigInt(op.record.timestampNs) + 1n).toString();
}

/**
 * Loads operations for the filters and range, pages backwards on demand and, when live,
 * polls a sliding window of the last minute every 2.5 s and merges new rows at the top.
 * `reloadKey` changes force a reload (refresh button, relative time ranges).
 */
export function useOperations(
  lokiUid: string,
  filters: OperationFilters,
  range: { fromMs: number; toMs: number },
  live: boolean,
  reloadKey: number
) {
  const [state, setState] = useState<OperationsState>(INITIAL);
  const generation = useRef(0);
  const query = buildOperationsQuery(filters);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    const gen = ++generation.current;
    setState((prev) => ({ ...INITIAL, operations: prev.operations, loading: true }));
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endMs: range.toMs,
      limit: OPERATIONS_PAGE_SIZE,
      direction: 'backward',
    }).then(
      (records) => {
        if (gen === generation.current) {
          setState({
            operations: toOperations(records),
            loading: false,
            loadingMore: false,
            error: null,
            hasMore: records.length >= OPERATIONS_PAGE_SIZE,
          });
        }
      },
      (error: Error) => {
        if (gen === generation.current) {
          setState({ ...INITIAL, loading: false, error });
        }
      }
    );
  }, [lokiUid, query, range.fromMs, range.toMs, reloadKey]);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    const oldest = current.operations[current.operations.length - 1];
    if (!oldest || current.loadingMore || !current.hasMore) {
      return;
    }
    const gen = generation.current;
    setState((prev) => ({ ...prev, loadingMore: true }));
    queryRange(lokiUid, {
      query,
      startMs: range.fromMs,
      endNs: cursorAfter(oldest),
      limit: OPERATIONS_PAGE_SIZE,
      direction: 'backward',
    }).then(
      (records) => {
        if (gen === generation.current) {
          setState((prev) => ({
            ...prev,
            operations: mergeOperations(prev.operations, toOperations(records)),
            loadingMore: false,
            hasMore: records.length >= OPERATIONS_PAGE_SIZE,
          }));
        }
      },
      (error: Error) => {
        if (gen === generation.current) {
          setState((prev) => ({ ...prev, loadingMore: false, error }));
        }
      }
    );
  }, [lokiUid, query, range.fromMs]);

  useEffect(() => {
    if (!live) {
      return;
    }
    let inFlight = false;
    const poll = () => {
      if (inFlight) {
        return;
      }
      inFlight = true;
      const gen = generation.current;
      const now = Date.now();
      queryRange(lokiUid, {
        query,
        startMs: now - LIVE_TAIL_WINDOW_MS,
        endMs: now,
        limit: OPERATIONS_PAGE_SIZE,
        direction: 'backward',
      })
        .then(
          (records) => {
            if (gen === generation.current) {
              setState((prev) => ({
                ...prev,
                error: null,
                operations: mergeOperations(toOperations(records), prev.operations, LIVE_TAIL_MAX_ROWS),
              }));
            }
          },
          (error: Error) => {
            if (gen === generation.current) {
              setState((prev) => ({ ...prev, error }));
            }
          }
        )
        .finally(() => {
          inFlight = false;
        });
    };
    poll();
    const timer = setInterval(poll, LIVE_TAIL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, lokiUid, query]);

  return { ...state, loadMore, query };
}
