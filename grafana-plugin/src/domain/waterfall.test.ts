// RECORDED from Tempo 3.0.3: test/fixtures/recorded/tempo/README.md
import syncPartial from '../../test/fixtures/recorded/tempo/trace-v2-sync-partial.json';
import { parseTraceResponse, TraceSpan } from '../api/tempo/parse';
import { waterfallRows } from './waterfall';

const span = (spanId: string, parentSpanId: string, startMs: number, endMs: number): TraceSpan => ({
  traceId: 't',
  spanId,
  parentSpanId,
  name: spanId,
  kind: '',
  startMs,
  endMs,
  attributes: {},
  statusCode: '',
  serviceName: '',
});

describe('waterfallRows', () => {
  it('puts the root first and its request spans under it, on the trace time axis', () => {
    const rows = waterfallRows(parseTraceResponse(syncPartial));
    expect(rows.map((r) => [r.span.name, r.depth])).toEqual([
      ['sync personio', 0],
      ['GET /v1/company/employees', 1],
      ['GET /v1/company/employees', 1],
      ['POST /v1/company/employees', 1],
    ]);
    expect(rows[0]!.offset).toBe(0);
    expect(rows.every((r) => r.offset >= 0 && r.offset + r.width <= 1 + 1e-9)).toBe(true);
  });

  it('nests, orders siblings by start and keeps orphans and cycles from breaking it', () => {
    const rows = waterfallRows([
      span('c', 'a', 5, 6),
      span('a', '', 0, 10),
      span('b', 'a', 2, 4),
      span('d', 'b', 3, 4),
      span('o', 'missing', 1, 2),
      span('x', 'y', 0, 1),
      span('y', 'x', 0, 1),
    ]);
    expect(rows.map((r) => `${r.span.spanId}${r.depth}`)).toEqual(['a0', 'b1', 'd2', 'c1', 'o0']);
    expect(rows[1]).toMatchObject({ offset: 0.2, width: 0.2 });
  });

  it('has no rows for no spans', () => {
    expect(waterfallRows([])).toEqual([]);
  });
});
