import { type LokiLayout } from '../../api/loki/logql';
import { buildRequestsQuery, type RequestFilters } from '../../api/loki/requestQueries';
import { type RowsOf, useRecordPages } from '../../components/common/useRecordPages';
import { REQUESTS_PAGE_SIZE } from '../../constants';
import { mergeRequestLogs, toRequestLogs } from '../../domain/requests';
import { RequestLog } from '../../domain/types';

const REQUEST_ROWS: RowsOf<RequestLog> = {
  toRows: toRequestLogs,
  merge: mergeRequestLogs,
  pageSize: REQUESTS_PAGE_SIZE,
};

/** The request logs of the filters and range, newest first, paged (see useRecordPages). */
export function useRequests(
  lokiUid: string,
  layout: LokiLayout | null,
  filters: RequestFilters,
  range: { fromMs: number; toMs: number },
  reloadKey: number
) {
  const query = layout && buildRequestsQuery(layout, filters);
  const { rows, ...state } = useRecordPages(lokiUid, query, range, false, reloadKey, REQUEST_ROWS);
  return { ...state, requests: rows, query };
}
