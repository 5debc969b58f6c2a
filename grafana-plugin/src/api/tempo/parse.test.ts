// The first tests use a small HAND-MADE response; the recorded ones below come from a real
// Tempo v3.0.3 (test/fixtures/recorded/tempo/README.md).
import actionFailure from '../../../test/fixtures/recorded/tempo/trace-v2-action-failure.json';
import notFound from '../../../test/fixtures/recorded/tempo/trace-v2-not-found.json';
import syncPartial from '../../../test/fixtures/recorded/tempo/trace-v2-sync-partial.json';
import { idToHex, parseTraceResponse, TempoResponseError, traceBounds } from './parse';

const response = {
  trace: {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'hris-sync' } }] },
        scopeSpans: [
          {
            scope: { name: '@integration-logs/instrumentation' },
            spans: [
              {
                traceId: 'QZNgcd/XrZEv7oKE/S1wCA==',
                spanId: '3aabu/cTcsg=',
                name: 'GET /v1/employees',
                kind: 'SPAN_KIND_CLIENT',
                startTimeUnixNano: '1795694376000000000',
                endTimeUnixNano: '1795694376094000000',
                parentSpanId: '3aabu/cTcsk=',
                attributes: [
                  { key: 'http.response.status_code', value: { intValue: '200' } },
                  { key: 'http.request.header.accept', value: { arrayValue: { values: [{ stringValue: 'a' }] } } },
                ],
                status: {},
              },
              {
                traceId: '41936071dfd7ad912fee8284fd2d7008',
                spanId: 'dda69bbbf71372c9',
                name: 'sync personio',
                kind: 'SPAN_KIND_INTERNAL',
                startTimeUnixNano: '1795694375830000000',
                endTimeUnixNano: '1795694376636000000',
                attributes: [{ key: 'integration.outcome', value: { stringValue: 'success' } }],
                status: { code: 'STATUS_CODE_UNSET' },
              },
            ],
          },
        ],
      },
    ],
  },
};

describe('parseTraceResponse', () => {
  it('reads spans oldest first with hex ids, attributes and service', () => {
    const spans = parseTraceResponse(response);
    expect(spans.map((s) => s.name)).toEqual(['sync personio', 'GET /v1/employees']);
    expect(spans[1]).toMatchObject({
      traceId: '41936071dfd7ad912fee8284fd2d7008',
      spanId: 'dda69bbbf71372c8',
      parentSpanId: 'dda69bbbf71372c9',
      kind: 'SPAN_KIND_CLIENT',
      serviceName: 'hris-sync',
      attributes: { 'http.response.status_code': '200', 'http.request.header.accept': '["a"]' },
    });
    expect(spans[1]!.endMs - spans[1]!.startMs).toBeCloseTo(94, 5);
    expect(traceBounds(spans)).toEqual({ startMs: 1795694375830, endMs: 1795694376636 });
  });

  it('rejects a body that is not a trace', () => {
    expect(() => parseTraceResponse({ error: 'trace not found' })).toThrow(TempoResponseError);
  });

  it('keeps trace ids at 32 characters: a short hex id gets its leading zeros back, base64 is decoded', () => {
    const span = (traceId: string) => ({
      trace: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId, spanId: 'dda69bbbf71372c9', name: 'x' }] }] }] },
    });
    // As Tempo 3 wrote it without its leading zero: hex, not base64 (31 characters decode as base64 too).
    expect(parseTraceResponse(span('8A3C5E1F2B4D6A7C9E0F1A2B3C4D5E6'))[0]!.traceId).toBe(
      '08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6'
    );
    // Base64 of an id with a leading zero byte.
    expect(parseTraceResponse(span('AIo8Xh8rTWp8nh8aKzxNXg=='))[0]!.traceId).toBe('008a3c5e1f2b4d6a7c9e1f1a2b3c4d5e');
    expect(parseTraceResponse(span('0af7651916cd43dd8448eb211c80319c'))[0]!.traceId).toBe(
      '0af7651916cd43dd8448eb211c80319c'
    );
  });

  it('converts base64 and hex ids', () => {
    expect(idToHex('3aabu/cTcsk=')).toBe('dda69bbbf71372c9');
    expect(idToHex('QZNgcd/XrZEv7oKE/S1wCA==')).toBe('41936071dfd7ad912fee8284fd2d7008');
    expect(idToHex('DDA69BBBF71372C9')).toBe('dda69bbbf71372c9');
    expect(traceBounds([])).toBeNull();
  });
});

describe('parseTraceResponse on recorded Tempo responses', () => {
  it('reads a sync trace: one root operation span and its request spans, ids as hex', () => {
    const spans = parseTraceResponse(syncPartial);
    expect(spans).toHaveLength(4);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set(['ed9e5386bea60cf2f11016283b2d5644']));
    const roots = spans.filter((s) => s.parentSpanId === '');
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ name: 'sync personio', kind: 'SPAN_KIND_INTERNAL', serviceName: 'hris-sync' });
    expect(roots[0]!.attributes['integration.outcome']).toBe('partial');
    const requests = spans.filter((s) => s.kind === 'SPAN_KIND_CLIENT');
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.parentSpanId === roots[0]!.spanId && /^[0-9a-f]{16}$/.test(r.spanId))).toBe(true);
    expect(requests.map((r) => r.attributes['http.response.status_code'])).toContain('429');
    const bounds = traceBounds(spans)!;
    expect(bounds.startMs).toBe(roots[0]!.startMs);
    expect(bounds.endMs).toBeGreaterThanOrEqual(Math.max(...requests.map((r) => r.endMs)));
  });

  it('reads a failed action with an error status', () => {
    const spans = parseTraceResponse(actionFailure);
    const root = spans.find((s) => s.parentSpanId === '')!;
    expect(root.attributes['integration.log_type']).toBe('action');
    expect(root.statusCode).toBe('STATUS_CODE_ERROR');
  });

  it('reads the unknown-trace answer (HTTP 200, empty trace) as no spans', () => {
    expect(parseTraceResponse(notFound)).toEqual([]);
    expect(traceBounds(parseTraceResponse(notFound))).toBeNull();
  });
});
