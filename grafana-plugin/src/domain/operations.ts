import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { LogRecord, Operation } from './types';

/** Parses a number attribute; missing, blank or malformed values become null. */
export function optionalNumberAttr(attrs: Record<string, string>, key: string): number | null {
  const raw = attrs[key];
  if (raw === undefined || raw.trim() === '') {
    return null;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** Parses a number attribute; missing, blank or malformed values become `fallback`. */
export function numberAttr(attrs: Record<string, string>, key: string, fallback: number): number {
  return optionalNumberAttr(attrs, key) ?? fallback;
}

/** An `integration.operation` record → Operation; null for any other record. Pure. */
export function toOperation(record: LogRecord): Operation | null {
  if (record.eventName !== EVENT_NAMES.operation) {
    return null;
  }
  const a = record.attributes;
  const durationMs = Math.max(0, numberAttr(a, LOKI_LABELS.operationDurationMs, 0));
  return {
    traceId: record.traceId,
    spanId: record.spanId,
    logType: a[LOKI_LABELS.logType] ?? '',
    tool: a[LOKI_LABELS.tool] ?? '',
    integrationId: a[LOKI_LABELS.integrationId] ?? '',
    customerId: a[LOKI_LABELS.customerId] ?? '',
    operation: a[LOKI_LABELS.operation] ?? '',
    outcome: a[LOKI_LABELS.outcome] ?? '',
    errorType: a[LOKI_LABELS.errorType] ?? '',
    startMs: record.timeMs - durationMs,
    endMs: record.timeMs,
    durationMs,
    requestCount: numberAttr(a, LOKI_LABELS.requestCount, 0),
    count4xx: numberAttr(a, LOKI_LABELS.request4xxCount, 0),
    count5xx: numberAttr(a, LOKI_LABELS.request5xxCount, 0),
    summary: record.body,
    serviceName: a[LOKI_LABELS.serviceName] ?? '',
    environment: a[LOKI_LABELS.environment] ?? '',
    record,
  };
}

export function toOperations(records: LogRecord[]): Operation[] {
  const out: Operation[] = [];
  for (const r of records) {
    const op = toOperation(r);
    if (op) {
      out.push(op);
    }
  }
  return out;
}

/** Identity of an operation record: the same record can arrive twice across pages or polls. */
export function operationKey(op: Operation): string {
  return `${op.record.timestampNs}:${op.traceId}:${op.spanId}`;
}

/**
 * Merges two newest-first lists into one newest-first list without duplicates, keeping at most
 * `max` rows (the newest). Pure; linear in the input size.
 */
export function mergeOperations(a: Operation[], b: Operation[], max = Infinity): Operation[] {
  const seen = new Set<string>();
  const out: Operation[] = [];
  let i = 0;
  let j = 0;
  while ((i < a.length || j < b.length) && out.length < max) {
    let next: Operation;
    if (j >= b.length || (i < a.length && a[i]!.endMs >= b[j]!.endMs)) {
      next = a[i++]!;
    } else {
      next = b[j++]!;
    }
    const key = operationKey(next);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(next);
    }
  }
  return out;
}
