import { useEffect, useRef, useState } from 'react';

export interface KeyedQueryState<T> {
  data: T | null;
  loading: boolean;
  error: Error | null;
}

/**
 * Runs `run` whenever `key` changes (null: nothing to run) and keeps the answer with the key
 * it answers, so a late answer to an old key is dropped. While a new key loads, the previous
 * data stays (no flashing empty chart).
 */
export function useKeyedQuery<T>(key: string | null, run: () => Promise<T>): KeyedQueryState<T> {
  const [result, setResult] = useState<{ key: string; data: T | null; error: Error | null } | null>(null);
  // the latest `run`, for the effect of a new key (declared first, so it runs first)
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    if (key === null) {
      return;
    }
    let cancelled = false;
    runRef.current().then(
      (data) => !cancelled && setResult({ key, data, error: null }),
      (error: Error) => !cancelled && setResult({ key, data: null, error })
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  const current = result?.key === key ? result : null;
  return {
    data: current ? current.data : (result?.data ?? null),
    loading: key !== null && current === null,
    error: current?.error ?? null,
  };
}
