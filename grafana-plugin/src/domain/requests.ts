import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { optionalNumberAttr } from './operations';
import { HttpRequestMessage, HttpResponseMessage, LogRecord, RequestLog } from './types';
import { isObject } from '../utils/isObject';
import { compareNs } from '../api/loki/parse';

function headers(value: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        out[k] = v;
      } else if (Array.isArray(v)) {
        out[k] = v.map(String);
      } else if (v !== null && v !== undefined) {
        out[k] = String(v);
      }
    }
  }
  return out;
}

function message(value: Record<string, unknown>) {
  return {
    headers: headers(value.headers),
    body: typeof value.body === 'string' ? value.body : null,
    bodyEncoding: typeof value.bodyEncoding === 'string' ? value.bodyEncoding : 'utf8',
    bodySize: typeof value.bodySize === 'number' ? value.bodySize : null,
    bodyTruncated: value.bodyTruncated === true,
  };
}

function requestMessage(value: unknown): HttpRequestMessage | null {
  if (!isObject(value)) {
    return null;
  }
  return {
    ...message(value),
    method: typeof value.method === 'string' ? value.method : '',
    url: typeof value.url === 'string' ? value.url : '',
  };
}

function responseMessage(value: unknown): HttpResponseMessage | null {
  if (!isObject(value)) {
    return null;
  }
  return { ...message(value), status: typeof value.status === 'number' ? value.status : 0 };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * An `integration.request` record → RequestLog; null for any other record. Pure. Attributes
 * (structured metadata) are preferred for the table's fields; the JSON body carries the
 * redacted headers and bodies. A body that is not the expected JSON never throws: the row
 * keeps its attributes and `bodyParseError` says what was wrong.
 */
export function toRequestLog(record: LogRecord): RequestLog | null {
  if (record.eventName !== EVENT_NAMES.request) {
    return null;
  }
  const a = record.attributes;
  let parsed: Record<string, unknown> = {};
  let bodyParseError: string | null = null;
  try {
    const value: unknown = JSON.parse(record.body);
    if (isObject(value)) {
      parsed = value;
    } else {
      bodyParseError = 'The request log body is not a JSON object.';
    }
  } catch (err) {
    bodyParseError = `The request log body is not valid JSON (${err instanceof Error ? err.message : String(err)}).`;
  }
  const request = requestMessage(parsed.request);
  const response = responseMessage(parsed.response);
  const url = a[LOKI_LABELS.urlFull] ?? request?.url ?? '';
  const statusAttr = optionalNumberAttr(a, LOKI_LABELS.statusCode);
  const durationAttr = optionalNumberAttr(a, LOKI_LABELS.requestDurationMs);
  const limit = a[LOKI_LABELS.rateLimitLimit];
  const remaining = a[LOKI_LABELS.rateLimitRemaining];
  const reset = a[LOKI_LABELS.rateLimitReset];
  return {
    traceId: record.traceId,
    spanId: record.spanId,
    timeMs: record.timeMs,
    tool: a[LOKI_LABELS.tool] ?? '',
    logType: a[LOKI_LABELS.logType] ?? '',
    customerId: a[LOKI_LABELS.customerId] ?? '',
    integrationId: a[LOKI_LABELS.integrationId] ?? '',
    method: a[LOKI_LABELS.httpMethod] ?? request?.method ?? '',
    url,
    path: a[LOKI_LABELS.urlTemplate] || pathOf(url),
    serverAddress: a[LOKI_LABELS.serverAddress] ?? '',
    status: statusAttr ?? (response && response.status > 0 ? response.status : null),
    durationMs: durationAttr ?? (typeof parsed.durationMs === 'number' ? parsed.durationMs : null),
    resendCount: optionalNumberAttr(a, LOKI_LABELS.resendCount),
    retryAfterS: optionalNumberAttr(a, LOKI_LABELS.retryAfterS),
    rateLimit:
      limit !== undefined || remaining !== undefined || reset !== undefined
        ? { limit: limit ?? '', remaining: remaining ?? '', reset: reset ?? '' }
        : null,
    errorType: a[LOKI_LABELS.errorType] ?? '',
    request,
    response,
    bodyParseError,
    record,
  };
}

/** Status class for badges and counts. */
export function statusClass(status: number | null): 'none' | '2xx' | '3xx' | '4xx' | '5xx' | 'other' {
  if (status === null) {
    return 'none';
  }
  if (status >= 200 && status < 300) {
    return '2xx';
  }
  if (status >= 300 && status < 400) {
    return '3xx';
  }
  if (status >= 400 && status < 500) {
    return '4xx';
  }
  if (status >= 500 && status < 600) {
    return '5xx';
  }
  return 'other';
}

/** Request logs of the given records, newest first, others skipped. Pure. */
export function toRequestLogs(records: LogRecord[]): RequestLog[] {
  return records
    .map(toRequestLog)
    .filter((r): r is RequestLog => r !== null)
    .sort((a, b) => compareNs(b.record.timestampNs, a.record.timestampNs));
}

/** Two newest-first lists as one, each request once (by trace and span id), at most `max`. Pure. */
export function mergeRequestLogs(a: RequestLog[], b: RequestLog[], max = Infinity): RequestLog[] {
  const key = (r: RequestLog) => `${r.traceId}/${r.spanId}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((r) => !seen.has(key(r)))]
    .sort((x, y) => compareNs(y.record.timestampNs, x.record.timestampNs))
    .slice(0, max);
}
