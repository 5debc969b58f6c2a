import type { LogRecord } from '../types';
import { flowEventFromRecord, type FlowEvent } from './flowEvent';

/** A record read through the app's Loki client as a flow event (null when it is none). */
export function flowEventFromLogRecord(record: LogRecord): FlowEvent | null {
  return flowEventFromRecord({
    labels: { ...record.attributes, trace_id: record.traceId || record.attributes.trace_id, span_id: record.spanId || record.attributes.span_id },
    // Keep the nanoseconds: events written within the same millisecond stay in order.
    time: /^\d+$/.test(record.timestampNs) ? Number(record.timestampNs) / 1e6 : record.timeMs,
    line: record.body,
  });
}

export function flowEventsFromLogRecords(records: LogRecord[]): FlowEvent[] {
  return records.map(flowEventFromLogRecord).filter((e): e is FlowEvent => e !== null);
}
