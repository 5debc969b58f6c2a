import { isObject, stringRecord } from '../utils/isObject';

/**
 * Metric query answers, the same shape from Loki and Prometheus: a range query's matrix (one
 * series per label set, a point per step) and an instant query's vector. Pure. `Fail` is the
 * backend's response error, so a malformed answer names the data source it came from.
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

export type ResponseErrorClass = new (message: string) => Error;

function metricResult(body: unknown, expected: 'matrix' | 'vector', Fail: ResponseErrorClass): unknown[] {
  if (!isObject(body) || !isObject(body.data)) {
    throw new Fail('The answer has no "data" object.');
  }
  if (body.status !== undefined && body.status !== 'success') {
    throw new Fail(`The answer has status "${String(body.status)}".`);
  }
  if (body.data.resultType !== expected) {
    throw new Fail(`Expected a ${expected}, got "${String(body.data.resultType)}".`);
  }
  return Array.isArray(body.data.result) ? body.data.result : [];
}

/** A `[seconds, "value"]` pair as [ms, number]; null when malformed. */
function point(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length < 2) {
    return null;
  }
  const [t, v] = [Number(value[0]), Number(value[1])];
  return Number.isFinite(t) && Number.isFinite(v) ? [Math.round(t * 1000), v] : null;
}

export function parseMatrixResponse(body: unknown, Fail: ResponseErrorClass): Series[] {
  return metricResult(body, 'matrix', Fail)
    .filter(isObject)
    .map((s) => ({
      labels: stringRecord(s.metric),
      points: (Array.isArray(s.values) ? s.values : []).map(point).filter((p): p is [number, number] => p !== null),
    }));
}

export function parseVectorResponse(body: unknown, Fail: ResponseErrorClass): Sample[] {
  return metricResult(body, 'vector', Fail)
    .filter(isObject)
    .map((s) => ({ labels: stringRecord(s.metric), value: point(s.value)?.[1] ?? Number.NaN }))
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
