import { type LokiLayout } from '../../api/loki/logql';
import { instantMetricQuery, metricQueryRange, type Sample, stepFor } from '../../api/loki/metrics';
import {
  buildRequestCountQuery,
  buildTopRequestsQuery,
  REQUEST_GROUPS,
  type RequestFilters,
} from '../../api/loki/requestQueries';
import { useKeyedQuery } from '../../components/common/useKeyedQuery';
import { statusBuckets, type StatusBucket } from '../../domain/requestCounts';

/** Bars the status chart draws at most. */
export const CHART_MAX_BARS = 60;
/** Rows of each top list. */
export const TOP_K = 8;

export interface TopValue {
  value: string;
  count: number;
}

export interface RequestOverview {
  buckets: StatusBucket[];
  topEndpoints: TopValue[];
  topCustomers: TopValue[];
}

const top = (samples: Sample[], label: string): TopValue[] =>
  samples.map((s) => ({ value: s.labels[label] ?? '', count: s.value }));

/**
 * The figures above the list, for the same filters and range as the list: requests per step
 * by status class, and the endpoints and customers with most requests. Three Loki metric
 * queries on the request streams the list reads.
 */
export function useRequestOverview(
  lokiUid: string,
  layout: LokiLayout | null,
  filters: RequestFilters,
  range: { fromMs: number; toMs: number },
  reloadKey: number
) {
  const stepS = stepFor(range.toMs - range.fromMs, CHART_MAX_BARS);
  const rangeS = (range.toMs - range.fromMs) / 1000;
  const queries = layout && {
    status: buildRequestCountQuery(layout, filters, 'status', stepS),
    endpoints: buildTopRequestsQuery(layout, filters, 'endpoint', TOP_K, rangeS),
    customers: buildTopRequestsQuery(layout, filters, 'customer', TOP_K, rangeS),
  };
  const key =
    queries &&
    [lokiUid, queries.status, queries.endpoints, queries.customers, range.fromMs, range.toMs, reloadKey].join('\n');
  return useKeyedQuery<RequestOverview>(key, async () => {
    if (!queries) {
      throw new Error('no query');
    }
    const [status, endpoints, customers] = await Promise.all([
      metricQueryRange(lokiUid, { query: queries.status, startMs: range.fromMs, endMs: range.toMs, stepS }),
      instantMetricQuery(lokiUid, { query: queries.endpoints, timeMs: range.toMs }),
      instantMetricQuery(lokiUid, { query: queries.customers, timeMs: range.toMs }),
    ]);
    return {
      buckets: statusBuckets(status, REQUEST_GROUPS.status, range, stepS),
      topEndpoints: top(endpoints, REQUEST_GROUPS.endpoint),
      topCustomers: top(customers, REQUEST_GROUPS.customer),
    };
  });
}
