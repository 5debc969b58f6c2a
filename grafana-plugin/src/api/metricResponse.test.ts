import lokiByStatus from '../../test/fixtures/recorded/loki/query_range-requests-by-status-hibob.json';
import lokiTopEndpoints from '../../test/fixtures/recorded/loki/query-top-endpoints-hibob.json';
import promByStatus from '../../test/fixtures/recorded/prometheus/query_range-requests-by-status-bench.json';
import { classTotals, statusBuckets } from '../domain/requestCounts';
import { buildRequestCountQuery, buildTopRequestsQuery, EMPTY_REQUEST_FILTERS } from './loki/requestQueries';
import { buildRequestsByStatusPromQL } from './prometheus/promql';
import { parseMatrixResponse, parseVectorResponse, stepFor } from './metricResponse';

class TestResponseError extends Error {}

describe('Loki metric responses', () => {
  it('reads a matrix as series of [ms, value] points', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { http_response_status_code: '403' }, values: [[1700000000, '3'], [1700000060.5, '1'], 'x'] },
        ],
      },
    };
    expect(parseMatrixResponse(body, TestResponseError)).toEqual([
      {
        labels: { http_response_status_code: '403' },
        points: [
          [1700000000000, 3],
          [1700000060500, 1],
        ],
      },
    ]);
  });

  it('reads a vector largest first', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { url_template: '/a' }, value: [1700000000, '2'] },
          { metric: { url_template: '/b' }, value: [1700000000, '7'] },
          { metric: {}, value: [1700000000, 'NaN'] },
        ],
      },
    };
    expect(parseVectorResponse(body, TestResponseError)).toEqual([
      { labels: { url_template: '/b' }, value: 7 },
      { labels: { url_template: '/a' }, value: 2 },
    ]);
  });

  it('rejects a streams answer to a metric query', () => {
    expect(() =>
      parseMatrixResponse({ status: 'success', data: { resultType: 'streams', result: [] } }, TestResponseError)
    ).toThrow(new TestResponseError('Expected a matrix, got "streams".'));
  });

  it('picks a round step that draws the range in at most the points asked', () => {
    expect(stepFor(3_600_000, 60)).toBe(60);
    expect(stepFor(6 * 3_600_000, 60)).toBe(600);
    expect(stepFor(60_000, 60)).toBe(15);
    expect(stepFor(90 * 86_400_000, 60)).toBe(172800);
  });
});

describe('recorded metric answers', () => {
  it("reads a real Loki's request counts by status (the chart's query) into buckets", () => {
    const series = parseMatrixResponse(lokiByStatus, TestResponseError);
    expect(series.map((s) => s.labels.http_response_status_code).sort()).toEqual(['200', '403', '422']);
    const range = { fromMs: 1796035299000, toMs: 1796038899000 };
    const totals = classTotals(statusBuckets(series, 'http_response_status_code', range, 60));
    // the same five requests the top endpoints count
    expect(totals).toEqual({ '2xx': 3, '3xx': 0, '4xx': 2, '5xx': 0, none: 0 });
  });

  it("reads a real Loki's top endpoints largest first", () => {
    const top = parseVectorResponse(lokiTopEndpoints, TestResponseError);
    expect(top[0]).toEqual({ labels: { url_template: '/v1/employees' }, value: 3 });
    expect(top).toHaveLength(3);
  });

  it("reads a real Prometheus's span-metrics increase, fractional values kept", () => {
    const [series] = parseMatrixResponse(promByStatus, TestResponseError);
    expect(series!.labels).toEqual({ http_response_status_code: '200' });
    expect(series!.points[0]).toEqual([1796035899000, 4741.393375754609]);
  });

  it('are the queries the app sends', () => {
    const hibob = { ...EMPTY_REQUEST_FILTERS, tool: 'hibob' };
    expect(buildRequestCountQuery('labels', hibob, 'status', 60)).toBe(
      'sum by (http_response_status_code) (count_over_time({event_name="integration.request", integration_tool="hibob"} [60s]))'
    );
    expect(buildTopRequestsQuery('labels', hibob, 'endpoint', 8, 3600)).toBe(
      'topk(8, sum by (url_template) (count_over_time({event_name="integration.request", integration_tool="hibob"} [3600s])))'
    );
    expect(buildRequestsByStatusPromQL({ ...EMPTY_REQUEST_FILTERS, tool: 'bench' }, 60)).toBe(
      'sum by (http_response_status_code) (increase(traces_span_metrics_calls_total{span_kind="SPAN_KIND_CLIENT", integration_tool="bench"}[60s]))'
    );
  });
});
