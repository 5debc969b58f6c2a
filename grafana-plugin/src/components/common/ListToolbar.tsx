import React from 'react';
import { locationService } from '@grafana/runtime';
import { LinkButton, RefreshPicker, Stack, TimeRangePicker } from '@grafana/ui';
import { useSettings } from '../../settings';
import { exploreUrl } from '../../utils/explore';
import { userTimeZone } from '../../utils/format';
import { msRangeToQuery, timeRangeToQuery } from '../../utils/urlTimeRange';
import { testIds } from '../testIds';
import type { UrlTimeRange } from './useUrlTimeRange';

export interface ListToolbarProps {
  time: UrlTimeRange;
  loading: boolean;
  /** The list's LogQL, opened in Explore (Loki); null while it is not known. */
  logsQuery?: string | null;
  /** TraceQL for the list's traces, opened in Explore (Tempo), and what the link's tooltip says. */
  traces?: { query: string; tooltip: string } | null;
  /** The page's own controls, before the time range (e.g. live tail). */
  children?: React.ReactNode;
}

/**
 * A list page's actions: its own controls, Grafana's time picker (shift, zoom out) and
 * refresh over the range kept in the URL, and links to the list's queries in Explore.
 */
export function ListToolbar({ time, loading, logsQuery, traces, children }: ListToolbarProps) {
  const settings = useSettings();
  const explore = (datasourceType: 'loki' | 'tempo', datasourceUid: string, query: string) =>
    exploreUrl({ datasourceUid, datasourceType, query, from: time.from, to: time.to });
  return (
    <Stack gap={1}>
      {children}
      <TimeRangeControls time={time} loading={loading} />
      {logsQuery && (
        <LinkButton
          variant="secondary"
          icon="compass"
          href={explore('loki', settings.lokiDatasourceUid, logsQuery)}
          tooltip="Open this LogQL query in Explore (Loki)"
          data-testid={testIds.toolbar.exploreLogs}
        >
          Logs
        </LinkButton>
      )}
      {traces && (
        <LinkButton
          variant="secondary"
          icon="gf-traces"
          href={explore('tempo', settings.tempoDatasourceUid, traces.query)}
          tooltip={traces.tooltip}
          data-testid={testIds.toolbar.exploreTraces}
        >
          Traces
        </LinkButton>
      )}
    </Stack>
  );
}

/** Grafana's time picker and refresh button; every change goes to the page's URL. */
function TimeRangeControls({ time, loading }: { time: UrlTimeRange; loading: boolean }) {
  const { fromMs, toMs } = time.range;
  const span = toMs - fromMs;
  const set = (query: Record<string, string>) => locationService.partial(query);
  return (
    <>
      <TimeRangePicker
        value={time.timeRange}
        timeZone={userTimeZone()}
        onChange={(next) => set(timeRangeToQuery(next))}
        onChangeTimeZone={() => {}}
        onMoveBackward={() => set(msRangeToQuery(fromMs - span, toMs - span))}
        onMoveForward={() => set(msRangeToQuery(fromMs + span, toMs + span))}
        onZoom={() => set(msRangeToQuery(fromMs - span / 2, toMs + span / 2))}
      />
      <RefreshPicker noIntervalPicker onIntervalChanged={() => {}} onRefresh={time.refresh} isLoading={loading} />
    </>
  );
}
