import { LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { LogRecord } from '../../domain/types';
import { normalizeTraceId } from '../../domain/traceId';
import { isObject, stringRecord } from '../../utils/isObject';

/**
 * Parsers for Loki's /loki/api/v1/query_range log responses. Pure.
 *
 * Loki returns `{status, data: {resultType: "streams", result: [{stream, values}]}}` where
 * each value is `[timestampNs, line]`, or `[timestampNs, line, {structuredMetadata, parsed}]`
 * when the request asked for categorized labels. Without categorization, structured metadata
 * is merged into `stream`, so every record with distinct metadata is its own stream.
 */

type LokiValue =
  [string, string] | [string, string, { structuredMetadata?: Record<string, string>; parsed?: Record<string, string> }];

export interface LokiStream {
  stream: Record<string, string>;
  values: LokiValue[];
}

export interface LokiStreamsResponse {
  status: string;
  data: { resultType: string; result: LokiStream[] };
}

export class LokiResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LokiResponseError';
  }
}

/** ns string → ms number; exact for any realistic timestamp. */
export function nsToMs(ns: string): number {
  return ns.length > 6 ? Number(ns.slice(0, -6)) + Number(ns.slice(-6)) / 1e6 : Number(ns) / 1e6;
}

/** Turns a query_range response into records, newest first. Throws LokiResponseError on a shape it can't read. */
export function parseStreamsResponse(body: unknown): LogRecord[] {
  if (!isObject(body) || !isObject(body.data)) {
    throw new LokiResponseError('Loki answered without a "data" object.');
  }
  if (body.status !== undefined && body.status !== 'success') {
    throw new LokiResponseError(`Loki answered with status "${String(body.status)}".`);
  }
  const { resultType, result } = body.data as { resultType?: unknown; result?: unknown };
  if (resultType !== 'streams') {
    throw new LokiResponseError(`Expected log streams from Loki, got "${String(resultType)}".`);
  }
  if (!Array.isArray(result)) {
    throw new LokiResponseError('Loki answered without a "result" list.');
  }
  const records: LogRecord[] = [];
  const seen = new Set<string>();
  for (const stream of result) {
    if (!isObject(stream) || !Array.isArray(stream.values)) {
      continue;
    }
    const labels = stringRecord(stream.stream);
    for (const value of stream.values as unknown[]) {
      if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
        continue;
      }
      const extra = isObject(value[2]) ? value[2] : undefined;
      const attributes = extra
        ? { ...labels, ...stringRecord(extra.structuredMetadata), ...stringRecord(extra.parsed) }
        : labels;
      const record = toRecord(value[0], value[1], attributes);
      const key = deliveryKey(record);
      if (!seen.has(key)) {
        seen.add(key);
        records.push(record);
      }
    }
  }
  return sortNewestFirst(records);
}

/**
 * What makes a record the same record: the collector delivers at least once, so a push it
 * retries after a Loki timeout can be stored twice, possibly in another shard of the
 * stream (`__stream_shard__`). Two records written apart never share time, span, event and
 * body all at once.
 */
function deliveryKey(r: LogRecord): string {
  return `${r.timestampNs}\u0000${r.spanId}\u0000${r.eventName}\u0000${r.body}`;
}

function toRecord(timestampNs: string, body: string, attributes: Record<string, string>): LogRecord {
  return {
    timestampNs,
    timeMs: nsToMs(timestampNs),
    eventName: attributes[LOKI_LABELS.eventName] ?? '',
    traceId: normalizeTraceId(attributes[LOKI_LABELS.traceId]),
    spanId: attributes[LOKI_LABELS.spanId] ?? '',
    body,
    attributes,
  };
}

/** Compares ns timestamps as decimal strings without losing precision. */
export function compareNs(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

export function sortNewestFirst(records: LogRecord[]): LogRecord[] {
  return records.sort((a, b) => compareNs(b.timestampNs, a.timestampNs));
}
