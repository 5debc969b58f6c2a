import { useEffect, useState } from 'react';

import { queryRange, type QueryRangeParams } from '../../api/loki/client';
import type { LogRecord } from '../../domain/types';

export interface LokiRecordsState {
  records: LogRecord[];
  loading: boolean;
  error: Error | null;
}

interface Settled {
  key: string;
  records: LogRecord[];
  error: Error | null;
}

/**
 * Runs one Loki log query through the app's client and keeps the latest answer; a changed
 * query or range supersedes the one in flight. `params` null means nothing to load; a new
 * `reloadKey` runs the same query again (refresh).
 */
export function useLokiRecords(lokiUid: string, params: QueryRangeParams | null, reloadKey = 0): LokiRecordsState {
  const key = params === null ? '' : JSON.stringify([lokiUid, params, reloadKey]);
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    if (params === null) {
      return;
    }
    let cancelled = false;
    queryRange(lokiUid, params).then(
      (records) => !cancelled && setSettled({ key, records, error: null }),
      (err: unknown) =>
        !cancelled && setSettled({ key, records: [], error: err instanceof Error ? err : new Error(String(err)) })
    );
    return () => {
      cancelled = true;
    };
    // the key stands for lokiUid and params
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (params === null) {
    return { records: [], loading: false, error: null };
  }
  const current = settled?.key === key ? settled : null;
  return { records: current?.records ?? [], loading: current === null, error: current?.error ?? null };
}
