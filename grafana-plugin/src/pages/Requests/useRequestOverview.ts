import { type LokiLayout } from '../../api/loki/logql';
import { instantMetricQuery, metricQueryRange } from '../../api/loki/metrics';
import { type Sample, type Series, stepFor } from '../../api/metricResponse';
import { promQueryRange } from '../../api/prometheus/client';
import { buildRequestsByStatusPromQL, spanMetricsCanAnswer } from '../../api/prometheus/promql';
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

/** Where the status chart's counts come from. */
export type CountSource = 'prometheus' | 'loki';

export interface RequestOverview {
  buckets: StatusBucket[];
  source: CountSource;
  topEndpoints: TopValue[];
  topCustomers: TopValue[];
}

const top = (samples: Sample[], label: string): TopValue[] =>
  samples.map((s) => ({ value: s.labels[label] ?? '', count: s.value }));

/**
 * The figures above the list, for the same filters and range as the list: requests per step
 * by status class, and the endpoints and customers with most requests. The counts by status
 * come from the span metrics in Prometheus when every filter is one of their dimensions (a
 * counter, however many requests), else, or when Prometheus fails, from Loki, which reads
 * every request record in range; the top lists need customer ids, which only Loki has.
 */
export function useRequestOverview(
  promUid: string,
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
    promStatus: spanMetricsCanAnswer(filters) ? buildRequestsByStatusPromQL(filters, stepS) : null,
    endpoints: buildTopRequestsQuery(layout, filters, 'endpoint', TOP_K, rangeS),
    customers: buildTopRequestsQuery(layout, filters, 'customer', TOP_K, rangeS),
  };
  const key =
    queries &&
    [
      promUid,
      lokiUid,
      queries.status,
      queries.promStatus,
      queries.endpoints,
      queries.customers,
      range.fromMs,
      range.toMs,
      reloadKey,
    ].join('\n');
  return useKeyedQuery<RequestOverview>(key, async () => {
    if (!queries) {
      throw new Error('no query');
    }
    const span = { startMs: range.fromMs, endMs: range.toMs, stepS };
    const byStatus = async (): Promise<{ series: Series[]; source: CountSource }> => {
      if (queries.promStatus) {
        try {
          return {
            series: await promQueryRange(promUid, { query: queries.promStatus, ...span }),
            source: 'prometheus',
          };
        } catch {
          // no span metrics here (or Prometheus is down): the request records still answer
        }
      }
      return { series: await metricQueryRange(lokiUid, { query: queries.status, ...span }), source: 'loki' };
    };
    const [status, endpoints, customers] = await Promise.all([
      byStatus(),
      instantMetricQuery(lokiUid, { query: queries.endpoints, timeMs: range.toMs }),
      instantMetricQuery(lokiUid, { query: queries.customers, timeMs: range.toMs }),
    ]);
    return {
      buckets: statusBuckets(status.series, REQUEST_GROUPS.status, range, stepS),
      source: status.source,
      topEndpoints: top(endpoints, REQUEST_GROUPS.endpoint),
      topCustomers: top(customers, REQUEST_GROUPS.customer),
    };
  });
}
