import React, { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { Button, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { EMPTY_FILTERS, OperationFilters } from '../../api/loki/logql';
import { buildOperationsTraceQL } from '../../api/tempo/traceql';
import { LogsFilters } from '../../components/LogsFilters/LogsFilters';
import { OperationsTable } from '../../components/OperationsTable/OperationsTable';
import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { QueryError } from '../../components/common/QueryError';
import { TimeRangeControls, useUrlTimeRange } from '../../components/common/TimeRangeControls';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { useTableHeight } from '../../components/common/useTableHeight';
import { layoutFrom } from '../../api/loki/layout';
import { testIds } from '../../components/testIds';
import { Operation } from '../../domain/types';
import { useSettings } from '../../settings';
import { exploreUrl } from '../../utils/explore';
import { logDetailUrl } from '../../utils/routing';
import { detailSearch } from '../LogDetail/detailRange';
import { useOperations } from './useOperations';
import { filtersToQuery, hasActiveFilters, parseLogsUrl } from './urlState';

function LogsPage() {
  const s = useStyles2(getStyles);
  const settings = useSettings();
  const location = useLocation();
  const navigate = useNavigate();
  const { filters, from, to } = useMemo(() => parseLogsUrl(new URLSearchParams(location.search)), [location.search]);
  const [reloadKey, setReloadKey] = useState(0);
  const [live, setLive] = useState(false);
  const { timeRange, range } = useUrlTimeRange(from, to, reloadKey);
  const layout = useLokiLayout(settings.lokiDatasourceUid);
  const result = useOperations(
    settings.lokiDatasourceUid,
    layoutFrom(layout, range.fromMs),
    filters,
    range,
    live,
    reloadKey
  );
  const tableHeight = useTableHeight(330);
  const traceQL = useMemo(() => {
    try {
      return buildOperationsTraceQL(filters);
    } catch {
      return null; // a filter value no TraceQL literal can carry
    }
  }, [filters]);

  const setFilters = (next: OperationFilters) => locationService.partial(filtersToQuery(next));
  // the list's search rides along in history state, so "All logs" returns to the same view
  const open = (op: Operation) =>
    navigate(logDetailUrl(op.traceId, `?${detailSearch(op)}`), {
      state: { listSearch: location.search },
    });

  const footer = result.hasMore ? (
    <div className={s.footer}>
      <Button
        variant="secondary"
        onClick={result.loadMore}
        disabled={result.loadingMore}
        data-testid={testIds.logs.loadMore}
      >
        {result.loadingMore ? 'Loading…' : 'Load older operations'}
      </Button>
    </div>
  ) : null;

  return (
    <PluginPage
      actions={
        <Stack gap={1}>
          <Button
            variant={live ? 'primary' : 'secondary'}
            icon={live ? 'pause' : 'play'}
            onClick={() => setLive((v) => !v)}
            data-testid={testIds.logs.liveToggle}
            tooltip="Live tail: show new operations as they arrive (polls every 2.5 s)"
          >
            {live ? 'Pause' : 'Live'}
          </Button>
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
              href={exploreUrl({
                datasourceUid: settings.lokiDatasourceUid,
                datasourceType: 'loki',
                query: result.query,
                from,
                to,
              })}
              tooltip="Open this LogQL query in Explore (Loki)"
            >
              Logs
            </LinkButton>
          )}
          {traceQL && (
            <LinkButton
              variant="secondary"
              icon="gf-traces"
              href={exploreUrl({
                datasourceUid: settings.tempoDatasourceUid,
                datasourceType: 'tempo',
                query: traceQL,
                from,
                to,
              })}
              tooltip="Search the operations' traces in Explore (Tempo); the text filter does not apply there"
            >
              Traces
            </LinkButton>
          )}
        </Stack>
      }
    >
      <div className={s.page} data-testid={testIds.logs.container}>
        <IndexLabelsNotice check={layout} fromMs={range.fromMs} />
        <LogsFilters
          filters={filters}
          onChange={setFilters}
          onClear={() => setFilters(EMPTY_FILTERS)}
          canClear={hasActiveFilters(filters)}
        />
        {result.error && (
          <QueryError error={result.error} title="Could not load operations" testId={testIds.logs.error} />
        )}
        <div className={s.status} data-testid={testIds.logs.count}>
          {result.loading
            ? 'Loading…'
            : `${result.operations.length.toLocaleString()} operation${result.operations.length === 1 ? '' : 's'}${
                result.hasMore ? ' (more available)' : ''
              }${live ? ' · live' : ''}`}
        </div>
        {result.loading && result.operations.length === 0 ? (
          <LoadingPlaceholder text="Loading operations…" />
        ) : !result.error && result.operations.length === 0 ? (
          <div className={s.empty} data-testid={testIds.logs.empty}>
            <p>No operations in this time range{hasActiveFilters(filters) ? ' match the filters' : ''}.</p>
            <p className={s.hint}>
              {hasActiveFilters(filters)
                ? 'Clear some filters or widen the time range.'
                : 'Widen the time range, or check that your integrations run with the integration-logs SDK and that the collector sends logs to Loki.'}
            </p>
          </div>
        ) : result.operations.length > 0 ? (
          <OperationsTable operations={result.operations} onOpen={open} height={tableHeight} footer={footer} />
        ) : null}
      </div>
    </PluginPage>
  );
}

export default LogsPage;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  empty: css({ padding: theme.spacing(4), textAlign: 'center', color: theme.colors.text.secondary }),
  hint: css({ fontSize: theme.typography.bodySmall.fontSize }),
  footer: css({ display: 'flex', justifyContent: 'center', padding: theme.spacing(1) }),
});
