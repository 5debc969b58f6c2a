import React from 'react';
import { useNavigate } from 'react-router-dom';
import { type LokiLayout } from '../../api/loki/logql';
import { LoadOlder } from '../../components/common/ListStates';
import { QueryError } from '../../components/common/QueryError';
import { type KeyedQueryState, useKeyedQuery } from '../../components/common/useKeyedQuery';
import { useTableHeight } from '../../components/common/useTableHeight';
import type { UrlTimeRange } from '../../components/common/useUrlTimeRange';
import { OperationsTable } from '../../components/OperationsTable/OperationsTable';
import { RequestTable } from '../../components/RequestLogs/RequestTable';
import { testIds } from '../../components/testIds';
import { Operation, RequestLog } from '../../domain/types';
import { countOf } from '../../utils/format';
import { logDetailUrl } from '../../utils/routing';
import { detailSearch } from '../LogDetail/detailRange';
import { operationsOfRequests } from './requestOperations';
import { type RequestsView } from './requestsUrlState';
import { useRequests } from './useRequests';

const ids = testIds.requestsPage;
type Requests = ReturnType<typeof useRequests>;

/** The operations that made the loaded requests; nothing is read while `layout` is null (or the requests load). */
export function useOperationsOfRequests(
  lokiUid: string,
  layout: LokiLayout | null,
  result: Requests,
  time: UrlTimeRange
): KeyedQueryState<Operation[]> {
  const key =
    layout && !result.loading
      ? [lokiUid, result.query, time.range.fromMs, time.range.toMs, time.reloadKey, result.requests.length].join('\n')
      : null;
  return useKeyedQuery<Operation[]>(key, () => operationsOfRequests(lokiUid, layout ?? 'metadata', result.requests));
}

/** The line above the list: how many requests, or how many operations made them. Pure. */
export function requestsStatus(view: RequestsView, result: Requests, operations: KeyedQueryState<Operation[]>) {
  if (result.loading) {
    return 'Loading…';
  }
  const requests = countOf(result.requests.length, 'request');
  if (view === 'requests') {
    return `${requests}${result.hasMore ? ' (more available)' : ''}`;
  }
  if (operations.loading) {
    return 'Finding their operations…';
  }
  const made = countOf((operations.data ?? []).length, 'operation');
  return `${made} made the ${requests} loaded${result.hasMore ? ' (more requests available)' : ''}`;
}

/** The loaded requests as a list of requests, or of the operations that made them. */
export function RequestsList(props: {
  view: RequestsView;
  result: Requests;
  operations: KeyedQueryState<Operation[]>;
  selectedId: string | null;
  onOpenRequest: (request: RequestLog) => void;
}) {
  const { view, result, operations, selectedId, onOpenRequest } = props;
  const navigate = useNavigate();
  const height = useTableHeight(560);
  const footer = result.hasMore && <LoadOlder pages={result} noun="requests" testId={ids.loadMore} />;
  if (view === 'requests') {
    return (
      <RequestTable
        requests={result.requests}
        columns={['time', 'tool', 'method', 'path', 'status', 'duration', 'customer', 'facts']}
        selectedId={selectedId}
        onOpen={onOpenRequest}
        height={height}
        footer={footer}
      />
    );
  }
  const found = operations.data ?? [];
  return (
    <>
      {operations.error && (
        <QueryError error={operations.error} title="Could not find the requests' operations" testId={ids.error} />
      )}
      {found.length > 0 && (
        <OperationsTable
          operations={found}
          onOpen={(op) => navigate(logDetailUrl(op.traceId, `?${detailSearch(op)}`))}
          height={height}
          footer={footer}
        />
      )}
    </>
  );
}
