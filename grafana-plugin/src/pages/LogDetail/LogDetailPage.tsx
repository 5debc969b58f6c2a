import React, { useEffect, useMemo, useState } from 'react';
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
import { queryRange } from '../../api/loki/client';
import {
  buildTraceOperationQuery,
  buildTraceRecordsQuery,
  type LokiLayout,
  type OperationStreams,
} from '../../api/loki/logql';
import { getTrace } from '../../api/tempo/client';
import { traceBounds } from '../../api/tempo/parse';
import { QueryError } from '../../components/common/QueryError';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { layoutFrom } from '../../api/loki/layout';
import { testIds } from '../../components/testIds';
import { DETAIL_RECORDS_LIMIT } from '../../constants';
import { groupTraceRecords } from '../../domain/records';
import { LogRecord, Operation, OperationRecords } from '../../domain/types';
import { useSettings } from '../../settings';
import { traceExploreUrl } from '../../utils/explore';
import { formatDuration, formatTime, logTypeLabel, outcomeColor } from '../../utils/format';
import { logsUrl } from '../../utils/routing';
import {
  DETAIL_PARAMS,
  detailRange,
  detailStreams,
  operationRange,
  RECORD_SLACK_MS,
  REQUEST_PARAM,
} from './detailRange';
import { tabsFor } from './tabs';
import { normalizeTraceId } from '../../domain/traceId';

type Loaded = { operation: Operation | null; records: OperationRecords; truncated: boolean };

/**
 * The range to read a trace's records in: the linked time when the link has one; else the
 * trace's own span times from Tempo; else the fallback range (Tempo unreachable or no trace).
 */
async function recordsRange(
  tempoUid: string,
  traceId: string,
  range: { startMs: number; endMs: number; exact: boolean }
) {
  if (range.exact) {
    return range;
  }
  try {
    const bounds = traceBounds(await getTrace(tempoUid, traceId));
    return bounds ? { startMs: bounds.startMs - RECORD_SLACK_MS, endMs: bounds.endMs + RECORD_SLACK_MS } : range;
  } catch {
    return range;
  }
}

/** Operation records of one trace read to find its streams: the root and any nested operations. */
const TRACE_OPERATIONS_LIMIT = 100;

/**
 * Every record of the trace in the range. In the `labels` layout only the streams of the
 * operation's tool and log type are read: from the link when it names them, else from the
 * trace's operation record, read first (operation streams only), which also narrows the
 * range to the operation's own. Without an operation record nothing more is read.
 */
async function traceRecords(
  lokiUid: string,
  layout: LokiLayout,
  traceId: string,
  range: { startMs: number; endMs: number },
  linked: OperationStreams | undefined
): Promise<LogRecord[]> {
  let streams = linked;
  let within = range;
  if (layout === 'labels' && !streams) {
    const query = buildTraceOperationQuery(layout, traceId);
    const found = await queryRange(lokiUid, { query, ...range, limit: TRACE_OPERATIONS_LIMIT, direction: 'forward' });
    const operation = groupTraceRecords(found).operation;
    if (!operation) {
      return found;
    }
    streams = { tool: operation.tool, logType: operation.logType };
    within = operationRange(operation.endMs, operation.durationMs);
  }
  const query = buildTraceRecordsQuery(layout, traceId, streams);
  return queryRange(lokiUid, { query, ...within, limit: DETAIL_RECORDS_LIMIT, direction: 'forward' });
}

function useTraceRecords(
  lokiUid: string,
  tempoUid: string,
  traceId: string,
  range: { startMs: number; endMs: number; exact: boolean },
  streams: OperationStreams | undefined
) {
  const layout = layoutFrom(useLokiLayout(lokiUid), range.startMs);
  const key = [lokiUid, tempoUid, traceId, range.startMs, range.endMs, layout, streams?.tool, streams?.logType].join(
    '\n'
  );
  const [result, setResult] = useState<{ key: string; error: Error | null; data: Loaded | null } | null>(null);
  useEffect(() => {
    if (!layout) {
      return;
    }
    let cancelled = false;
    recordsRange(tempoUid, traceId, range)
      .then((r) => traceRecords(lokiUid, layout, traceId, { startMs: r.startMs, endMs: r.endMs }, streams))
      .then(
        (records) =>
          !cancelled &&
          setResult({
            key,
            error: null,
            data: { ...groupTraceRecords(records), truncated: records.length >= DETAIL_RECORDS_LIMIT },
          }),
        (error: Error) => !cancelled && setResult({ key, error, data: null })
      );
    return () => {
      cancelled = true;
    };
  }, [key, lokiUid, tempoUid, traceId, range, layout, streams]);
  const current = result?.key === key ? result : null;
  return { loading: current === null, error: current?.error ?? null, data: current?.data ?? null };
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

function LogDetailPage() {
  const s = useStyles2(getStyles);
  const settings = useSettings();
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
  const { loading, error, data } = useTraceRecords(
    settings.lokiDatasourceUid,
    settings.tempoDatasourceUid,
    traceId,
    range,
    streams
  );
  const operation = data?.operation ?? null;
  const tabs = operation ? tabsFor(operation) : [];
  const activeTab = tabs.find((t) => t.id === search.get(DETAIL_PARAMS.tab)) ?? tabs[0];

  const title = operation
    ? `${logTypeLabel(operation.logType)} · ${operation.tool} · ${operation.operation}`
    : `Trace ${traceId}`;
  return (
    <PluginPage
      pageNav={{ text: title }}
      actions={
        <LinkButton
          variant="secondary"
          icon="compass"
          data-testid={testIds.detail.exploreLink}
          href={traceExploreUrl(
            settings.tempoDatasourceUid,
            traceId,
            operation ? operation.startMs - 60_000 : range.startMs,
            operation ? operation.endMs + 60_000 : range.endMs
          )}
        >
          Trace in Explore
        </LinkButton>
      }
    >
      <div className={s.page} data-testid={testIds.detail.container}>
        <Link
          to={logsUrl(typeof listSearch === 'string' ? listSearch : '')}
          data-testid={testIds.detail.back}
          className={s.back}
        >
          ← All logs
        </Link>
        {loading && <LoadingPlaceholder text="Loading the operation…" />}
        {error && <QueryError error={error} title="Could not load this operation" testId={testIds.detail.error} />}
        {!loading && !error && !operation && (
          <Alert severity="warning" title="Operation not found" data-testid={testIds.detail.notFound}>
            No operation record for trace {traceId} {range.exact ? 'around the linked time' : 'in the last 7 days'}. It
            may be older than the retention period, still running (the record is written when the operation ends), or
            the link is wrong.{' '}
            {data &&
              data.records.all.length > 0 &&
              `${data.records.all.length} other records of this trace were found.`}
          </Alert>
        )}
        {operation && data && (
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
                  onChangeTab={() => locationService.partial({ [DETAIL_PARAMS.tab]: tab.id, [REQUEST_PARAM]: null })}
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
                    openRequest={(spanId) =>
                      locationService.partial({ [DETAIL_PARAMS.tab]: 'requests', [REQUEST_PARAM]: spanId })
                    }
                  />
                </ErrorBoundaryAlert>
              )}
            </TabContent>
          </>
        )}
      </div>
    </PluginPage>
  );
}

export default LogDetailPage;

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
