// Uses HAND-MADE fixtures (test/fixtures/handmade/README.md) until recorded ones exist.
import operationsResponse from '../../test/fixtures/handmade/loki-operations.json';
import { parseStreamsResponse } from '../api/loki/parse';
import { mergeOperations, toOperation, toOperations } from './operations';
import { LogRecord, Operation } from './types';

const record = (attrs: Record<string, string>, ts = '2000000000', body = 'summary'): LogRecord => ({
  timestampNs: ts,
  timeMs: Number(ts) / 1e6,
  eventName: attrs.event_name ?? '',
  traceId: attrs.trace_id ?? '',
  spanId: attrs.span_id ?? '',
  body,
  attributes: attrs,
});

describe('toOperation', () => {
  it('maps an integration.operation record, start = end - duration', () => {
    const op = toOperation(
      record({
        event_name: 'integration.operation',
        trace_id: 't1',
        span_id: 's1',
        integration_log_type: 'sync',
        integration_tool: 'personio',
        integration_id: 'int-1',
        integration_customer_id: 'c-1',
        integration_operation: 'delta',
        integration_outcome: 'partial',
        integration_operation_duration_ms: '1200.5',
        integration_request_count: '14',
        integration_request_4xx_count: '1',
        integration_request_5xx_count: '0',
        service_name: 'hris',
      })
    )!;
    expect(op).toMatchObject({
      traceId: 't1',
      logType: 'sync',
      tool: 'personio',
      integrationId: 'int-1',
      customerId: 'c-1',
      operation: 'delta',
      outcome: 'partial',
      endMs: 2000,
      durationMs: 1200.5,
      startMs: 2000 - 1200.5,
      requestCount: 14,
      count4xx: 1,
      count5xx: 0,
      summary: 'summary',
      serviceName: 'hris',
    });
  });

  it('ignores other records and survives missing or malformed numbers', () => {
    expect(toOperation(record({ event_name: 'integration.request' }))).toBeNull();
    const op = toOperation(
      record({
        event_name: 'integration.operation',
        integration_operation_duration_ms: 'NaN',
        integration_request_count: '',
      })
    )!;
    expect(op.durationMs).toBe(0);
    expect(op.requestCount).toBe(0);
    expect(op.startMs).toBe(op.endMs);
  });

  it('maps every operation of the hand-made Loki response', () => {
    const ops = toOperations(parseStreamsResponse(operationsResponse));
    expect(ops).toHaveLength(40);
    expect(new Set(ops.map((o) => o.logType))).toEqual(
      new Set(['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'])
    );
    expect(ops.every((o) => o.durationMs > 0 && o.startMs < o.endMs)).toBe(true);
    expect(ops.some((o) => o.count4xx > 0)).toBe(true);
  });
});

describe('mergeOperations', () => {
  const op = (endMs: number, traceId: string): Operation =>
    toOperation(record({ event_name: 'integration.operation', trace_id: traceId }, String(endMs * 1e6)))!;

  it('merges newest first without duplicates', () => {
    const a = [op(50, 'e'), op(30, 'c'), op(10, 'a')];
    const b = [op(40, 'd'), op(30, 'c'), op(20, 'b')];
    expect(mergeOperations(a, b).map((o) => o.traceId)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('keeps only the newest rows up to max', () => {
    expect(mergeOperations([op(3, 'c'), op(1, 'a')], [op(2, 'b')], 2).map((o) => o.traceId)).toEqual(['c', 'b']);
  });
});
