import { isObject } from '../../utils/isObject';
import { proxyGet } from '../proxyGet';
import { msToNs } from './client';
import { LokiResponseError } from './parse';

/**
 * Loki metric queries: a range query's matrix (one series per label set, a point per step)
 * and an instant query's vector. Parsers are pure.
 */

export interface Series {
  labels: Record<string, string>;
  /** [time ms, value], oldest first. */
  points: Array<[number, number]>;
}

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

function metricResult(body: unknown, expected: 'matrix' | 'vector'): unknown[] {
  if (!isObject(body) || !isObject(body.data)) {
    throw new LokiResponseError('Loki answered without a "data" object.');
  }
  if (body.status !== undefined && body.status !== 'success') {
    throw new LokiResponseError(`Loki answered with status "${String(body.status)}".`);
  }
  if (body.data.resultType !== expected) {
    throw new LokiResponseError(`Expected a ${expected} from Loki, got "${String(body.data.resultType)}".`);
  }
  return Array.isArray(body.data.result) ? body.data.result : [];
}

function labelsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        out[k] = v;
      }
    }
  }
  return out;
}

/** A `[seconds, "value"]` pair as [ms, number]; null when malformed. */
function point(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length < 2) {
    return null;
  }
  const [t, v] = [Number(value[0]), Number(value[1])];
  return Number.isFinite(t) && Number.isFinite(v) ? [Math.round(t * 1000), v] : null;
}

export function parseMatrixResponse(body: unknown): Series[] {
  return metricResult(body, 'matrix')
    .filter(isObject)
    .map((s) => ({
      labels: labelsOf(s.metric),
      points: (Array.isArray(s.values) ? s.values : []).map(point).filter((p): p is [number, number] => p !== null),
    }));
}

export function parseVectorResponse(body: unknown): Sample[] {
  return metricResult(body, 'vector')
    .filter(isObject)
    .map((s) => ({ labels: labelsOf(s.metric), value: point(s.value)?.[1] ?? Number.NaN }))
    .filter((s) => Number.isFinite(s.value))
    .sort((a, b) => b.value - a.value);
}

/** Steps Loki is asked for, from 15 s to a day: round numbers a chart's axis reads well. */
const NICE_STEPS_S = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The step (s) that draws the range in at most `maxPoints` points. Pure. */
export function stepFor(rangeMs: number, maxPoints: number): number {
  const wanted = rangeMs / 1000 / maxPoints;
  return NICE_STEPS_S.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
}

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
    parseMatrixResponse,
    LokiResponseError
  );
}

/** Runs a LogQL metric query at one instant. */
export function instantMetricQuery(datasourceUid: string, p: { query: string; timeMs: number }): Promise<Sample[]> {
  const params = { query: p.query, time: msToNs(p.timeMs) };
  return proxyGet('Loki', datasourceUid, { path: 'loki/api/v1/query', params }, parseVectorResponse, LokiResponseError);
}
