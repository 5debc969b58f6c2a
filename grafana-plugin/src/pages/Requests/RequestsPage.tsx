import React, { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { Button, LinkButton, LoadingPlaceholder, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { layoutFrom } from '../../api/loki/layout';
import { EMPTY_REQUEST_FILTERS, type RequestFilters } from '../../api/loki/requestQueries';
import { spanMetricsCanAnswer } from '../../api/prometheus/promql';
import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { QueryError } from '../../components/common/QueryError';
import { TimeRangeControls, useUrlTimeRange } from '../../components/common/TimeRangeControls';
import { useKeyedQuery } from '../../components/common/useKeyedQuery';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { useTableHeight } from '../../components/common/useTableHeight';
import { OperationsTable } from '../../components/OperationsTable/OperationsTable';
import { RequestsFilters } from '../../components/Requests/RequestsFilters';
import { StatusChart } from '../../components/Requests/StatusChart';
import { TopList } from '../../components/Requests/TopList';
import { RequestDrawer } from '../../components/RequestLogs/RequestDrawer';
import { RequestTable } from '../../components/RequestLogs/RequestTable';
import { testIds } from '../../components/testIds';
import { Operation, RequestLog } from '../../domain/types';
import { useSettings } from '../../settings';
import { exploreUrl } from '../../utils/explore';
import { logDetailUrl } from '../../utils/routing';
import { detailSearch, REQUEST_PARAM, requestDetailSearch } from '../LogDetail/detailRange';
import { operationsOfRequests } from './requestOperations';
import {
  hasActiveRequestFilters,
  parseRequestsUrl,
  requestFiltersToQuery,
  REQUESTS_URL_KEYS,
  type RequestsView,
} from './requestsUrlState';
import { useRequestOverview } from './useRequestOverview';
import { useRequests } from './useRequests';

const ids = testIds.requestsPage;
const VIEW_OPTIONS: Array<{ label: string; value: RequestsView; description: string }> = [
  { label: 'Requests', value: 'requests', description: 'Every matching request' },
  { label: 'Operations', value: 'operations', description: 'The operations that made the loaded requests' },
];

/**
 * Requests: every HTTP request to a tool across operations, newest first, with the filters
 * in the URL; above the list, requests over time by status class and the top endpoints and
 * customers of the same selection. A row opens the request drawer, which links to its
 * operation.
 */
function RequestsPage() {
  const s = useStyles2(getStyles);
  const settings = useSettings();
  const lokiUid = settings.lokiDatasourceUid;
  const location = useLocation();
  const navigate = useNavigate();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const { filters, view, from, to } = useMemo(() => parseRequestsUrl(search), [search]);
  const selectedId = search.get(REQUEST_PARAM);
  const [reloadKey, setReloadKey] = useState(0);
  const { timeRange, range } = useUrlTimeRange(from, to, reloadKey);
  const check = useLokiLayout(lokiUid);
  const layout = layoutFrom(check, range.fromMs);
  const result = useRequests(lokiUid, layout, filters, range, reloadKey);
  const overview = useRequestOverview(settings.prometheusDatasourceUid, lokiUid, layout, filters, range, reloadKey);
  const tableHeight = useTableHeight(560);

  const requests = result.requests;
  const operationsKey =
    view === 'operations' && layout && !result.loading
      ? [lokiUid, result.query, range.fromMs, range.toMs, reloadKey, requests.length].join('\n')
      : null;
  const operations = useKeyedQuery<Operation[]>(operationsKey, () =>
    operationsOfRequests(lokiUid, layout ?? 'metadata', requests)
  );

  const setFilters = (patch: Partial<RequestFilters>) =>
    locationService.partial({ ...requestFiltersToQuery(patch), [REQUEST_PARAM]: null });
  const toggle = (key: 'endpoint' | 'customerId', value: string) =>
    setFilters({ [key]: filters[key] === value ? '' : value });
  const openRequest = (r: RequestLog | null) => locationService.partial({ [REQUEST_PARAM]: r ? r.spanId : null });
  const selected = useMemo(() => requests.find((r) => r.spanId === selectedId) ?? null, [requests, selectedId]);
  const [finding, setFinding] = useState(false);
  const openOperation = async (r: RequestLog) => {
    setFinding(true);
    const op = layout
      ? await operationsOfRequests(lokiUid, layout, [r]).then(
          (ops) => ops[0] ?? null,
          () => null
        )
      : null;
    setFinding(false);
    navigate(logDetailUrl(r.traceId, `?${requestDetailSearch(r, op)}`));
  };
  const openDetail = (op: Operation) => navigate(logDetailUrl(op.traceId, `?${detailSearch(op)}`));

  const active = hasActiveRequestFilters(filters);
  const footer = result.hasMore ? (
    <div className={s.footer}>
      <Button variant="secondary" onClick={result.loadMore} disabled={result.loadingMore} data-testid={ids.loadMore}>
        {result.loadingMore ? 'Loading…' : 'Load older requests'}
      </Button>
    </div>
  ) : null;

  return (
    <PluginPage
      actions={
        <Stack gap={1}>
          <TimeRangeControls
            timeRange={timeRange}
            range={range}
            onRefresh={() => setReloadKey((k) => k + 1)}
            loading={result.loading}
          />
          {result.query && (
            <LinkButton
              variant="secondary"
              icon="compass"
              href={exploreUrl({ datasourceUid: lokiUid, datasourceType: 'loki', query: result.query, from, to })}
              tooltip="Open this LogQL query in Explore (Loki)"
            >
              Logs
            </LinkButton>
          )}
        </Stack>
      }
    >
      <div className={s.page} data-testid={ids.container}>
        <IndexLabelsNotice check={check} fromMs={range.fromMs} />
        <RequestsFilters
          filters={filters}
          onChange={setFilters}
          onClear={() => setFilters({ ...EMPTY_REQUEST_FILTERS, caseSensitive: filters.caseSensitive })}
          canClear={active}
        />
        {overview.error && <QueryError error={overview.error} title="Could not count requests" testId={ids.error} />}
        <div className={s.overview}>
          <section className={s.card}>
            <StatusChart
              buckets={overview.data?.buckets ?? []}
              selected={filters.statusClass}
              onSelectClass={(statusClass) => setFilters({ statusClass })}
            />
            {overview.data && (
              <div className={s.source} data-testid={ids.chartSource} data-source={overview.data.source}>
                {overview.data.source === 'prometheus'
                  ? 'From the span metrics (Prometheus)'
                  : spanMetricsCanAnswer(filters)
                    ? 'From the request records (Loki): the span metrics in Prometheus did not answer'
                    : 'From the request records (Loki): customer, integration and text are not span-metrics dimensions'}
              </div>
            )}
          </section>
          <section className={s.card}>
            <TopList
              title="Top endpoints"
              items={overview.data?.topEndpoints ?? []}
              selected={filters.endpoint}
              onSelect={(value) => toggle('endpoint', value)}
              testId={ids.topEndpoints}
              loading={overview.loading}
            />
          </section>
          <section className={s.card}>
            <TopList
              title="Top customers"
              items={overview.data?.topCustomers ?? []}
              selected={filters.customerId}
              onSelect={(value) => toggle('customerId', value)}
              testId={ids.topCustomers}
              loading={overview.loading}
            />
          </section>
        </div>
        {result.error && <QueryError error={result.error} title="Could not load requests" testId={ids.error} />}
        <Stack gap={2} alignItems="center">
          <div data-testid={ids.view}>
            <RadioButtonGroup
              size="sm"
              options={VIEW_OPTIONS}
              value={view}
              onChange={(next) =>
                locationService.partial({ [REQUESTS_URL_KEYS.view]: next === 'requests' ? null : next })
              }
            />
          </div>
          <div className={s.status} data-testid={ids.count}>
            {result.loading
              ? 'Loading…'
              : view === 'operations'
                ? operations.loading
                  ? 'Finding their operations…'
                  : `${(operations.data ?? []).length.toLocaleString()} operation${(operations.data ?? []).length === 1 ? '' : 's'} made the ${requests.length.toLocaleString()} request${requests.length === 1 ? '' : 's'} loaded${result.hasMore ? ' (more requests available)' : ''}`
                : `${requests.length.toLocaleString()} request${requests.length === 1 ? '' : 's'}${result.hasMore ? ' (more available)' : ''}`}
          </div>
        </Stack>
        {result.loading && requests.length === 0 ? (
          <LoadingPlaceholder text="Loading requests…" />
        ) : !result.error && requests.length === 0 ? (
          <div className={s.empty} data-testid={ids.empty}>
            <p>No requests in this time range{active ? ' match the filters' : ''}.</p>
            <p className={s.hint}>
              {active
                ? 'Clear some filters or widen the time range.'
                : 'Widen the time range, or check that your integrations run with the integration-logs SDK and that the collector sends logs to Loki.'}
            </p>
          </div>
        ) : view === 'operations' ? (
          <>
            {operations.error && (
              <QueryError error={operations.error} title="Could not find the requests' operations" testId={ids.error} />
            )}
            {(operations.data ?? []).length > 0 && (
              <OperationsTable
                operations={operations.data ?? []}
                onOpen={openDetail}
                height={tableHeight}
                footer={footer}
              />
            )}
          </>
        ) : requests.length > 0 ? (
          <RequestTable
            requests={requests}
            columns={['time', 'tool', 'method', 'path', 'status', 'duration', 'customer', 'facts']}
            selectedId={selectedId}
            onOpen={openRequest}
            height={tableHeight}
            footer={footer}
          />
        ) : null}
      </div>
      {selected && (
        <RequestDrawer
          request={selected}
          onClose={() => openRequest(null)}
          actions={
            <Button
              icon="arrow-right"
              variant="primary"
              disabled={finding}
              onClick={() => openOperation(selected)}
              data-testid={ids.openOperation}
              tooltip="The operation that made this request, with the request open in its Request logs"
            >
              {finding ? 'Finding its operation…' : 'Open its operation'}
            </Button>
          }
        />
      )}
    </PluginPage>
  );
}

export default RequestsPage;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  overview: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)',
    gap: theme.spacing(2),
  }),
  card: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1.5),
    minWidth: 0,
  }),
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  source: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, marginTop: 4 }),
  empty: css({ padding: theme.spacing(4), textAlign: 'center', color: theme.colors.text.secondary }),
  hint: css({ fontSize: theme.typography.bodySmall.fontSize }),
  footer: css({ display: 'flex', justifyContent: 'center', padding: theme.spacing(1) }),
});
