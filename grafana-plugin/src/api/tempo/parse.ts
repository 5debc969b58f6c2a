import { isTraceId, normalizeTraceId } from '../../domain/traceId';
import { isObject } from '../../utils/isObject';

/**
 * Parser for Tempo's /api/v2/traces/<id> response (OTLP JSON under `trace`). Pure. Ids come
 * as hex or, from protobuf JSON, base64: both become lower-case hex (trace ids 32 characters).
 */
export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  startMs: number;
  endMs: number;
  attributes: Record<string, string>;
  statusCode: string;
  serviceName: string;
}

export class TempoResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TempoResponseError';
  }
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A trace id as Tempo writes it (hex, possibly without its leading zeros, or base64), normalised. */
export function traceIdFromTempo(id: unknown): string {
  if (typeof id !== 'string') {
    return '';
  }
  // Hex first: a short hex id is a trace id that lost its leading zeros, not base64.
  return normalizeTraceId(isTraceId(id) ? id : idToHex(id));
}

export function idToHex(id: unknown): string {
  if (typeof id !== 'string' || id === '') {
    return '';
  }
  if (/^[0-9a-fA-F]+$/.test(id) && (id.length === 32 || id.length === 16)) {
    return id.toLowerCase();
  }
  try {
    return Array.from(atob(id), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return id;
  }
}

function nanosToMs(v: unknown): number {
  if (typeof v === 'number') {
    return v / 1e6;
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) {
    return v.length > 6 ? Number(v.slice(0, -6)) + Number(v.slice(-6)) / 1e6 : Number(v) / 1e6;
  }
  return NaN;
}

function anyValue(v: unknown): string {
  if (!isObject(v)) {
    return '';
  }
  for (const key of ['stringValue', 'intValue', 'doubleValue', 'boolValue']) {
    if (v[key] !== undefined) {
      return String(v[key]);
    }
  }
  if (isObject(v.arrayValue)) {
    return JSON.stringify(arr(v.arrayValue.values).map(anyValue));
  }
  return '';
}

function attributes(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of arr(list)) {
    if (isObject(kv) && typeof kv.key === 'string') {
      out[kv.key] = anyValue(kv.value);
    }
  }
  return out;
}

export function parseTraceResponse(body: unknown): TraceSpan[] {
  const trace =
    isObject(body) && isObject(body.trace)
      ? body.trace
      : isObject(body) && Array.isArray(body.resourceSpans)
        ? body
        : null;
  if (!trace) {
    throw new TempoResponseError('Tempo answered without a "trace" object.');
  }
  const spans: TraceSpan[] = [];
  for (const rs of arr(trace.resourceSpans ?? trace.batches)) {
    if (!isObject(rs)) {
      continue;
    }
    const resource = attributes(isObject(rs.resource) ? rs.resource.attributes : undefined);
    for (const ss of arr(rs.scopeSpans ?? rs.instrumentationLibrarySpans)) {
      for (const span of arr(isObject(ss) ? ss.spans : undefined)) {
        if (!isObject(span)) {
          continue;
        }
        spans.push({
          traceId: traceIdFromTempo(span.traceId),
          spanId: idToHex(span.spanId),
          parentSpanId: idToHex(span.parentSpanId),
          name: typeof span.name === 'string' ? span.name : '',
          kind: typeof span.kind === 'string' ? span.kind : String(span.kind ?? ''),
          startMs: nanosToMs(span.startTimeUnixNano),
          endMs: nanosToMs(span.endTimeUnixNano),
          attributes: attributes(span.attributes),
          statusCode: isObject(span.status) && span.status.code !== undefined ? String(span.status.code) : '',
          serviceName: resource['service.name'] ?? '',
        });
      }
    }
  }
  return spans.sort((a, b) => a.startMs - b.startMs);
}

/** The time the whole trace covers, or null for a trace without timed spans. */
export function traceBounds(spans: TraceSpan[]): { startMs: number; endMs: number } | null {
  const timed = spans.filter((s) => Number.isFinite(s.startMs) && Number.isFinite(s.endMs));
  if (timed.length === 0) {
    return null;
  }
  return { startMs: Math.min(...timed.map((s) => s.startMs)), endMs: Math.max(...timed.map((s) => s.endMs)) };
}
