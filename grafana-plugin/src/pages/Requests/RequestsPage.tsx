import React, { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { Button, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { layoutFrom } from '../../api/loki/layout';
import { type LokiLayout } from '../../api/loki/logql';
import { EMPTY_REQUEST_FILTERS, type RequestFilters } from '../../api/loki/requestQueries';
import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { ListBody } from '../../components/common/ListStates';
import { ListToolbar } from '../../components/common/ListToolbar';
import { QueryError } from '../../components/common/QueryError';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { useUrlTimeRange } from '../../components/common/useUrlTimeRange';
import { RequestsFilters } from '../../components/Requests/RequestsFilters';
import { RequestDrawer } from '../../components/RequestLogs/RequestDrawer';
import { testIds } from '../../components/testIds';
import { RequestLog } from '../../domain/types';
import { useSettings } from '../../settings';
import { logDetailUrl } from '../../utils/routing';
import { REQUEST_PARAM, requestDetailSearch } from '../LogDetail/detailRange';
import { operationsOfRequests } from './requestOperations';
import { RequestsList, requestsStatus, useOperationsOfRequests } from './RequestsList';
import { RequestsOverview } from './RequestsOverview';
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
  const { lokiDatasourceUid: lokiUid, prometheusDatasourceUid: promUid } = useSettings();
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const { filters, view, from, to } = useMemo(() => parseRequestsUrl(search), [search]);
  const selectedId = search.get(REQUEST_PARAM);
  const time = useUrlTimeRange(from, to);
  const check = useLokiLayout(lokiUid);
  const layout = layoutFrom(check, time.range.fromMs);
  const result = useRequests(lokiUid, layout, filters, time.range, time.reloadKey);
  const overview = useRequestOverview(promUid, lokiUid, layout, filters, time.range, time.reloadKey);
  const operations = useOperationsOfRequests(lokiUid, view === 'operations' ? layout : null, result, time);
  const selected = useMemo(
    () => result.requests.find((r) => r.spanId === selectedId) ?? null,
    [result.requests, selectedId]
  );

  const setFilters = (patch: Partial<RequestFilters>) =>
    locationService.partial({ ...requestFiltersToQuery(patch), [REQUEST_PARAM]: null });
  const openRequest = (r: RequestLog | null) => locationService.partial({ [REQUEST_PARAM]: r ? r.spanId : null });
  const active = hasActiveRequestFilters(filters);

  return (
    <PluginPage actions={<ListToolbar time={time} loading={result.loading} logsQuery={result.query} />}>
      <div className={s.page} data-testid={ids.container}>
        <IndexLabelsNotice check={check} fromMs={time.range.fromMs} />
        <RequestsFilters
          filters={filters}
          onChange={setFilters}
          onClear={() => setFilters({ ...EMPTY_REQUEST_FILTERS, caseSensitive: filters.caseSensitive })}
          canClear={active}
        />
        {overview.error && <QueryError error={overview.error} title="Could not count requests" testId={ids.error} />}
        <RequestsOverview overview={overview} filters={filters} onChange={setFilters} />
        {result.error && <QueryError error={result.error} title="Could not load requests" testId={ids.error} />}
        <Stack gap={2} alignItems="center">
          <ViewSwitch view={view} />
          <div className={s.status} data-testid={ids.count}>
            {requestsStatus(view, result, operations)}
          </div>
        </Stack>
        <ListBody
          loading={result.loading}
          error={result.error}
          count={result.requests.length}
          noun="requests"
          filtered={active}
          emptyTestId={ids.empty}
        >
          <RequestsList
            view={view}
            result={result}
            operations={operations}
            selectedId={selectedId}
            onOpenRequest={openRequest}
          />
        </ListBody>
      </div>
      {selected && (
        <RequestDrawer
          request={selected}
          onClose={() => openRequest(null)}
          actions={<OpenOperationButton request={selected} layout={layout} />}
        />
      )}
    </PluginPage>
  );
}

export default RequestsPage;

function ViewSwitch({ view }: { view: RequestsView }) {
  return (
    <div data-testid={ids.view}>
      <RadioButtonGroup
        size="sm"
        options={VIEW_OPTIONS}
        value={view}
        onChange={(next) => locationService.partial({ [REQUESTS_URL_KEYS.view]: next === 'requests' ? null : next })}
      />
    </div>
  );
}

/** Opens the operation that made the request, with the request open in its Request logs. */
function OpenOperationButton({ request, layout }: { request: RequestLog; layout: LokiLayout | null }) {
  const { lokiDatasourceUid } = useSettings();
  const navigate = useNavigate();
  const [finding, setFinding] = useState(false);
  const open = async () => {
    setFinding(true);
    const op = layout
      ? await operationsOfRequests(lokiDatasourceUid, layout, [request]).then(
          (ops) => ops[0] ?? null,
          () => null
        )
      : null;
    setFinding(false);
    navigate(logDetailUrl(request.traceId, `?${requestDetailSearch(request, op)}`));
  };
  return (
    <Button
      icon="arrow-right"
      variant="primary"
      disabled={finding}
      onClick={open}
      data-testid={ids.openOperation}
      tooltip="The operation that made this request, with the request open in its Request logs"
    >
      {finding ? 'Finding its operation…' : 'Open its operation'}
    </Button>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
