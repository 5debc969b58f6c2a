import React, { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import {
  Alert,
  Badge,
  ErrorBoundaryAlert,
  LinkButton,
  LoadingPlaceholder,
  Tab,
  TabContent,
  TabsBar,
  useStyles2,
} from '@grafana/ui';
import { QueryError } from '../../components/common/QueryError';
import { testIds } from '../../components/testIds';
import { normalizeTraceId } from '../../domain/traceId';
import { Operation } from '../../domain/types';
import { useSettings } from '../../settings';
import { traceExploreUrl } from '../../utils/explore';
import { formatDuration, formatTime, logTypeLabel, outcomeColor } from '../../utils/format';
import { logsUrl } from '../../utils/routing';
import { DETAIL_PARAMS, detailRange, detailStreams, REQUEST_PARAM } from './detailRange';
import { tabsFor } from './tabs';
import { type Loaded, useTraceRecords } from './useTraceRecords';

type DetailRange = ReturnType<typeof detailRange>;

/** What the page's URL says: the trace, the range and streams to read it in, the tab, and the list it came from. */
function useDetailParams() {
  // Links may carry an id as another tool wrote it (upper case, leading zeros dropped).
  const traceId = normalizeTraceId(useParams().traceId);
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const timeParam = search.get(DETAIL_PARAMS.time);
  const durationParam = search.get(DETAIL_PARAMS.duration);
  // "now" for links without a time: fixed when the page opens
  const [openedAt] = useState(() => Date.now());
  const range = useMemo(
    () => detailRange(new URLSearchParams({ time: timeParam ?? '', duration: durationParam ?? '' }), openedAt),
    [timeParam, durationParam, openedAt]
  );
  const toolParam = search.get(DETAIL_PARAMS.tool);
  const logTypeParam = search.get(DETAIL_PARAMS.logType);
  const streams = useMemo(() => detailStreams(toolParam, logTypeParam), [toolParam, logTypeParam]);
  return {
    traceId,
    range,
    streams,
    tab: search.get(DETAIL_PARAMS.tab),
    listSearch: typeof listSearch === 'string' ? listSearch : '',
  };
}

/** One operation: its facts and, in tabs, its requests, trace and what its log type adds. */
function LogDetailPage() {
  const s = useStyles2(getStyles);
  const settings = useSettings();
  const { traceId, range, streams, tab, listSearch } = useDetailParams();
  const { loading, error, data } = useTraceRecords(
    settings.lokiDatasourceUid,
    settings.tempoDatasourceUid,
    traceId,
    range,
    streams
  );
  const operation = data?.operation ?? null;
  const title = operation
    ? `${logTypeLabel(operation.logType)} · ${operation.tool} · ${operation.operation}`
    : `Trace ${traceId}`;
  return (
    <PluginPage
      pageNav={{ text: title }}
      actions={<TraceExploreLink traceId={traceId} operation={operation} range={range} />}
    >
      <div className={s.page} data-testid={testIds.detail.container}>
        <Link to={logsUrl(listSearch)} data-testid={testIds.detail.back} className={s.back}>
          ← All logs
        </Link>
        {loading && <LoadingPlaceholder text="Loading the operation…" />}
        {error && <QueryError error={error} title="Could not load this operation" testId={testIds.detail.error} />}
        {!loading && !error && !operation && <OperationNotFound traceId={traceId} range={range} data={data} />}
        {operation && data && <OperationView operation={operation} data={data} traceId={traceId} tab={tab} />}
      </div>
    </PluginPage>
  );
}

export default LogDetailPage;

function TraceExploreLink(props: { traceId: string; operation: Operation | null; range: DetailRange }) {
  const { traceId, operation, range } = props;
  const { tempoDatasourceUid } = useSettings();
  const href = operation
    ? traceExploreUrl(tempoDatasourceUid, traceId, operation.startMs - 60_000, operation.endMs + 60_000)
    : traceExploreUrl(tempoDatasourceUid, traceId, range.startMs, range.endMs);
  return (
    <LinkButton variant="secondary" icon="compass" data-testid={testIds.detail.exploreLink} href={href}>
      Trace in Explore
    </LinkButton>
  );
}

function OperationNotFound({ traceId, range, data }: { traceId: string; range: DetailRange; data: Loaded | null }) {
  const others = data?.records.all.length ?? 0;
  return (
    <Alert severity="warning" title="Operation not found" data-testid={testIds.detail.notFound}>
      No operation record for trace {traceId} {range.exact ? 'around the linked time' : 'in the last 7 days'}. It may be
      older than the retention period, still running (the record is written when the operation ends), or the link is
      wrong. {others > 0 && `${others} other records of this trace were found.`}
    </Alert>
  );
}

/** The operation's header and its tabs; the `tab` URL parameter picks one, else the first. */
function OperationView(props: { operation: Operation; data: Loaded; traceId: string; tab: string | null }) {
  const { operation, data, traceId } = props;
  const s = useStyles2(getStyles);
  const tabs = tabsFor(operation);
  const activeTab = tabs.find((t) => t.id === props.tab) ?? tabs[0];
  const openTab = (id: string, request: string | null) =>
    locationService.partial({ [DETAIL_PARAMS.tab]: id, [REQUEST_PARAM]: request });
  return (
    <>
      <Header operation={operation} />
      {data.truncated && (
        <Alert severity="info" title="Showing the first records only">
          This trace has more than {data.records.all.length} records; open it in Explore for the rest.
        </Alert>
      )}
      <TabsBar data-testid={testIds.detail.tabs}>
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            label={tab.label}
            active={tab === activeTab}
            counter={tab.id === 'requests' ? data.records.requests.length : undefined}
            onChangeTab={() => openTab(tab.id, null)}
          />
        ))}
      </TabsBar>
      <TabContent className={s.tabContent}>
        {activeTab && (
          // a failing tab shows its error in place; the header and other tabs keep working
          <ErrorBoundaryAlert title={`The ${activeTab.label} tab failed`} dependencies={[activeTab.id, traceId]}>
            <activeTab.Component
              operation={operation}
              records={data.records}
              openRequest={(spanId) => openTab('requests', spanId)}
            />
          </ErrorBoundaryAlert>
        )}
      </TabContent>
    </>
  );
}

function Header({ operation }: { operation: Operation }) {
  const s = useStyles2(getStyles);
  const items: Array<[string, React.ReactNode]> = [
    ['Type', logTypeLabel(operation.logType)],
    ['Tool', operation.tool],
    ['Integration', operation.integrationId],
    ['Customer', operation.customerId],
    ['Operation', operation.operation],
    ['Outcome', <Badge key="o" text={operation.outcome || 'unknown'} color={outcomeColor(operation.outcome)} />],
    ['Start', formatTime(operation.startMs)],
    ['Duration', formatDuration(operation.durationMs)],
    ['Requests', `${operation.requestCount} (${operation.count4xx} 4xx, ${operation.count5xx} 5xx)`],
  ];
  if (operation.errorType) {
    items.push(['Error', operation.errorType]);
  }
  return (
    <div data-testid={testIds.detail.header}>
      <dl className={s.header}>
        {items.map(([k, v]) => (
          <div key={k} className={s.item}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {operation.summary && <p className={s.summary}>{operation.summary}</p>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  back: css({ color: theme.colors.text.link, fontSize: theme.typography.bodySmall.fontSize }),
  header: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1, 4), margin: 0 }),
  item: css({
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0, fontWeight: theme.typography.fontWeightMedium },
  }),
  summary: css({
    marginTop: theme.spacing(1),
    color: theme.colors.text.secondary,
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  tabContent: css({ paddingTop: theme.spacing(2) }),
});
