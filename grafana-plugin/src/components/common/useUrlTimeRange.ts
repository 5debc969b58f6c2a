import { useCallback, useMemo, useState } from 'react';
import { rangeUtil, type TimeRange } from '@grafana/data';
import { toRawTimeRange } from '../../utils/urlTimeRange';

/** A page's time range as its URL has it, resolved, with the refresh that re-resolves it. */
export interface UrlTimeRange {
  /** The URL's values as they are ("now-6h", epoch ms): Explore links carry them unchanged. */
  from: string;
  to: string;
  timeRange: TimeRange;
  range: { fromMs: number; toMs: number };
  /** Changes on every refresh: the page's queries take it to run again. */
  reloadKey: number;
  refresh: () => void;
}

/** The page's time range from its URL values; a refresh re-resolves relative ranges such as now-6h. */
export function useUrlTimeRange(from: string, to: string): UrlTimeRange {
  const [reloadKey, setReloadKey] = useState(0);
  const timeRange = useMemo(
    () => rangeUtil.convertRawToRange(toRawTimeRange(from, to)),
    // reloadKey is the only reason to resolve the same text again
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [from, to, reloadKey]
  );
  const range = useMemo(() => ({ fromMs: timeRange.from.valueOf(), toMs: timeRange.to.valueOf() }), [timeRange]);
  const refresh = useCallback(() => setReloadKey((k) => k + 1), []);
  return { from, to, timeRange, range, reloadKey, refresh };
}
