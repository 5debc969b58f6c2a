import React, { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPage } from '@grafana/runtime';
import { Button, useStyles2 } from '@grafana/ui';
import { layoutFrom } from '../../api/loki/layout';
import { EMPTY_FILTERS, OperationFilters } from '../../api/loki/logql';
import { buildOperationsTraceQL } from '../../api/tempo/traceql';
import { LogsFilters } from '../../components/LogsFilters/LogsFilters';
import { OperationsTable } from '../../components/OperationsTable/OperationsTable';
import { IndexLabelsNotice } from '../../components/common/IndexLabelsNotice';
import { ListBody, LoadOlder } from '../../components/common/ListStates';
import { ListToolbar } from '../../components/common/ListToolbar';
import { QueryError } from '../../components/common/QueryError';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { useTableHeight } from '../../components/common/useTableHeight';
import { useUrlTimeRange } from '../../components/common/useUrlTimeRange';
import { testIds } from '../../components/testIds';
import { Operation } from '../../domain/types';
import { useSettings } from '../../settings';
import { countOf } from '../../utils/format';
import { logDetailUrl } from '../../utils/routing';
import { detailSearch } from '../LogDetail/detailRange';
import { useOperations } from './useOperations';
import { filtersToQuery, hasActiveFilters, parseLogsUrl } from './urlState';

const ids = testIds.logs;
const TRACES_TOOLTIP = "Search the operations' traces in Explore (Tempo); the text filter does not apply there";

/** Logs: every operation in the range, newest first, with the filters in the URL; live tail on demand. */
function LogsPage() {
  const s = useStyles2(getStyles);
  const { lokiDatasourceUid } = useSettings();
  const location = useLocation();
  const navigate = useNavigate();
  const { filters, from, to } = useMemo(() => parseLogsUrl(new URLSearchParams(location.search)), [location.search]);
  const [live, setLive] = useState(false);
  const time = useUrlTimeRange(from, to);
  const check = useLokiLayout(lokiDatasourceUid);
  const layout = layoutFrom(check, time.range.fromMs);
  const result = useOperations(lokiDatasourceUid, layout, filters, time.range, live, time.reloadKey);
  const traceQL = useMemo(() => operationsTraceQL(filters), [filters]);
  const filtered = hasActiveFilters(filters);

  const setFilters = (next: OperationFilters) => locationService.partial(filtersToQuery(next));
  // the list's search rides along in history state, so "All logs" returns to the same view
  const open = (op: Operation) =>
    navigate(logDetailUrl(op.traceId, `?${detailSearch(op)}`), { state: { listSearch: location.search } });

  return (
    <PluginPage
      actions={
        <ListToolbar
          time={time}
          loading={result.loading}
          logsQuery={result.query}
          traces={traceQL ? { query: traceQL, tooltip: TRACES_TOOLTIP } : null}
        >
          <LiveToggle live={live} onToggle={() => setLive((v) => !v)} />
        </ListToolbar>
      }
    >
      <div className={s.page} data-testid={ids.container}>
        <IndexLabelsNotice check={check} fromMs={time.range.fromMs} />
        <LogsFilters
          filters={filters}
          onChange={setFilters}
          onClear={() => setFilters(EMPTY_FILTERS)}
          canClear={filtered}
        />
        {result.error && <QueryError error={result.error} title="Could not load operations" testId={ids.error} />}
        <div className={s.status} data-testid={ids.count}>
          {result.loading
            ? 'Loading…'
            : `${countOf(result.operations.length, 'operation')}${result.hasMore ? ' (more available)' : ''}${live ? ' · live' : ''}`}
        </div>
        <ListBody
          loading={result.loading}
          error={result.error}
          count={result.operations.length}
          noun="operations"
          filtered={filtered}
          emptyTestId={ids.empty}
        >
          <OperationsList result={result} onOpen={open} />
        </ListBody>
      </div>
    </PluginPage>
  );
}

export default LogsPage;

/** TraceQL for the filtered operations' traces; null when a filter value no TraceQL literal can carry. */
function operationsTraceQL(filters: OperationFilters): string | null {
  try {
    return buildOperationsTraceQL(filters);
  } catch {
    return null;
  }
}

function LiveToggle({ live, onToggle }: { live: boolean; onToggle: () => void }) {
  return (
    <Button
      variant={live ? 'primary' : 'secondary'}
      icon={live ? 'pause' : 'play'}
      onClick={onToggle}
      data-testid={ids.liveToggle}
      tooltip="Live tail: show new operations as they arrive (polls every 2.5 s)"
    >
      {live ? 'Pause' : 'Live'}
    </Button>
  );
}

function OperationsList({
  result,
  onOpen,
}: {
  result: ReturnType<typeof useOperations>;
  onOpen: (op: Operation) => void;
}) {
  const height = useTableHeight(330);
  return (
    <OperationsTable
      operations={result.operations}
      onOpen={onOpen}
      height={height}
      footer={result.hasMore && <LoadOlder pages={result} noun="operations" testId={ids.loadMore} />}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  status: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
