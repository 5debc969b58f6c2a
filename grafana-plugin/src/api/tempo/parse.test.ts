// HAND-MADE response in Tempo's documented /api/v2/traces shape until a recorded one exists.
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

  it('converts base64 and hex ids', () => {
    expect(idToHex('3aabu/cTcsk=')).toBe('dda69bbbf71372c9');
    expect(idToHex('QZNgcd/XrZEv7oKE/S1wCA==')).toBe('41936071dfd7ad912fee8284fd2d7008');
    expect(idToHex('DDA69BBBF71372C9')).toBe('dda69bbbf71372c9');
    expect(traceBounds([])).toBeNull();
  });
});
