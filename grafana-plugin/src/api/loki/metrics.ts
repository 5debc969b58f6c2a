import { parseMatrixResponse, parseVectorResponse, type Sample, type Series } from '../metricResponse';
import { proxyGet } from '../proxyGet';
import { msToNs } from './client';
import { LokiResponseError } from './parse';

/** Runs a LogQL metric query over a range; a point every `stepS` seconds. */
export function metricQueryRange(
  datasourceUid: string,
  p: { query: string; startMs: number; endMs: number; stepS: number }
): Promise<Series[]> {
  const params = { query: p.query, start: msToNs(p.startMs), end: msToNs(p.endMs), step: String(p.stepS) };
  return proxyGet(
    'Loki',
    datasourceUid,
    { path: 'loki/api/v1/query_range', params },
    (body) => parseMatrixResponse(body, LokiResponseError),
    LokiResponseError
  );
}

/** Runs a LogQL metric query at one instant. */
export function instantMetricQuery(datasourceUid: string, p: { query: string; timeMs: number }): Promise<Sample[]> {
  const params = { query: p.query, time: msToNs(p.timeMs) };
  return proxyGet(
    'Loki',
    datasourceUid,
    { path: 'loki/api/v1/query', params },
    (body) => parseVectorResponse(body, LokiResponseError),
    LokiResponseError
  );
}
