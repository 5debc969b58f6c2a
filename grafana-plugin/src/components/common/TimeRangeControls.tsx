import React, { useMemo } from 'react';
import { rangeUtil, type TimeRange } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { RefreshPicker, TimeRangePicker } from '@grafana/ui';
import { msRangeToQuery, timeRangeToQuery, toRawTimeRange } from '../../utils/urlTimeRange';
import { userTimeZone } from '../../utils/format';

export interface UrlTimeRange {
  timeRange: TimeRange;
  range: { fromMs: number; toMs: number };
}

/** The page's time range from its URL values; `reloadKey` re-resolves relative ranges such as now-6h. */
export function useUrlTimeRange(from: string, to: string, reloadKey: number): UrlTimeRange {
  const timeRange = useMemo(
    () => rangeUtil.convertRawToRange(toRawTimeRange(from, to)),
    // reloadKey is the only reason to resolve the same text again
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [from, to, reloadKey]
  );
  const range = useMemo(() => ({ fromMs: timeRange.from.valueOf(), toMs: timeRange.to.valueOf() }), [timeRange]);
  return { timeRange, range };
}

/** Grafana's time picker and refresh button over the range kept in the page's URL. */
export function TimeRangeControls({
  timeRange,
  range,
  onRefresh,
  loading,
}: UrlTimeRange & { onRefresh: () => void; loading: boolean }) {
  const span = range.toMs - range.fromMs;
  const set = (query: Record<string, string>) => locationService.partial(query);
  return (
    <>
      <TimeRangePicker
        value={timeRange}
        timeZone={userTimeZone()}
        onChange={(next) => set(timeRangeToQuery(next))}
        onChangeTimeZone={() => {}}
        onMoveBackward={() => set(msRangeToQuery(range.fromMs - span, range.toMs - span))}
        onMoveForward={() => set(msRangeToQuery(range.fromMs + span, range.toMs + span))}
        onZoom={() => set(msRangeToQuery(range.fromMs - span / 2, range.toMs + span / 2))}
      />
      <RefreshPicker noIntervalPicker onIntervalChanged={() => {}} onRefresh={onRefresh} isLoading={loading} />
    </>
  );
}
