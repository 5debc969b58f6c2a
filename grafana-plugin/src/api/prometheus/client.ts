import { parseMatrixResponse, type Series } from '../metricResponse';
import { proxyGet } from '../proxyGet';

export class PrometheusResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusResponseError';
  }
}

/** Runs a PromQL range query through Grafana's data source proxy; a point every `stepS` seconds. */
export function promQueryRange(
  datasourceUid: string,
  p: { query: string; startMs: number; endMs: number; stepS: number }
): Promise<Series[]> {
  const params = {
    query: p.query,
    start: String(p.startMs / 1000),
    end: String(p.endMs / 1000),
    step: String(p.stepS),
  };
  return proxyGet(
    'Prometheus',
    datasourceUid,
    { path: 'api/v1/query_range', params },
    (body) => parseMatrixResponse(body, PrometheusResponseError),
    PrometheusResponseError
  );
}
