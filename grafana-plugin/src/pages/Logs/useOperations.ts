import { buildOperationsQuery, type LokiLayout, OperationFilters } from '../../api/loki/logql';
import { type RowsOf, useRecordPages } from '../../components/common/useRecordPages';
import { OPERATIONS_PAGE_SIZE } from '../../constants';
import { mergeOperations, toOperations } from '../../domain/operations';
import { Operation } from '../../domain/types';

const OPERATION_ROWS: RowsOf<Operation> = {
  toRows: toOperations,
  merge: mergeOperations,
  pageSize: OPERATIONS_PAGE_SIZE,
};

/** The operations of the filters and range, paged and optionally live (see useRecordPages). */
export function useOperations(
  lokiUid: string,
  layout: LokiLayout | null,
  filters: OperationFilters,
  range: { fromMs: number; toMs: number },
  live: boolean,
  reloadKey: number
) {
  const query = layout && buildOperationsQuery(layout, filters);
  const { rows, ...state } = useRecordPages(lokiUid, query, range, live, reloadKey, OPERATION_ROWS);
  return { ...state, operations: rows, query };
}
