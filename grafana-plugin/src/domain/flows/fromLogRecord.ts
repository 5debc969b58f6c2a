import { LOKI_LABELS as L } from '@integration-logs/semantic-conventions';
import type { LogRecord } from '../types';
import { flowEventFromRecord, type FlowEvent } from './flowEvent';

/** A record read through the app's Loki client as a flow event (null when it is none). */
export function flowEventFromLogRecord(record: LogRecord): FlowEvent | null {
  return flowEventFromRecord({
    labels: {
      ...record.attributes,
      [L.traceId]: record.traceId || record.attributes[L.traceId],
      [L.spanId]: record.spanId || record.attributes[L.spanId],
    },
    // Keep the nanoseconds: events written within the same millisecond stay in order.
    time: /^\d+$/.test(record.timestampNs) ? Number(record.timestampNs) / 1e6 : record.timeMs,
    line: record.body,
  });
}

export function flowEventsFromLogRecords(records: LogRecord[]): FlowEvent[] {
  return records.map(flowEventFromLogRecord).filter((e): e is FlowEvent => e !== null);
}
