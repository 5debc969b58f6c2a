// Recorded responses: test/fixtures/recorded/loki/README.md (Loki 3.7.6); the larger
// hand-made set (test/fixtures/handmade/README.md) follows the same shape.
import allRecords from '../../../test/fixtures/handmade/loki-all-records.json';
import byTrace from '../../../test/fixtures/recorded/loki/query_range-by-trace-id.json';
import byTraceCategorized from '../../../test/fixtures/recorded/loki/query_range-by-trace-id.categorized.json';
import noMatch from '../../../test/fixtures/recorded/loki/query_range-no-match.json';
import personio from '../../../test/fixtures/recorded/loki/query_range-operations-personio.json';
import personioCategorized from '../../../test/fixtures/recorded/loki/query_range-operations-personio.categorized.json';
import pythonSync from '../../../test/fixtures/recorded/collector/query_range-python-sdk-sync.categorized.json';
import { groupTraceRecords } from '../../domain/records';
import { compareNs, LokiResponseError, nsToMs, parseStreamsResponse } from './parse';

describe('parseStreamsResponse on recorded Loki responses', () => {
  it('reads operation records with their structured metadata', () => {
    const records = parseStreamsResponse(personio);
    expect(records).toHaveLength(5);
    const [newest] = records;
    expect(newest).toMatchObject({
      eventName: 'integration.operation',
      traceId: 'f1e79132d51421ab61a67a8acc0fd8f1',
      spanId: '99c6fc9df161a640',
      body: 'sync personio full: success in 1.2s, 6 requests',
      timeMs: 1795701693285,
    });
    expect(newest!.attributes).toMatchObject({
      service_name: 'demo-integration',
      integration_tool: 'personio',
      integration_request_count: '6',
      integration_operation_duration_ms: '1222.6',
    });
  });

  it.each([
    ['operations', personio, personioCategorized],
    ['trace records', byTrace, byTraceCategorized],
  ])('reads the plain and the categorized form of %s into the same records', (_name, plain, categorized) => {
    const a = parseStreamsResponse(plain);
    const b = parseStreamsResponse(categorized);
    expect(b).toHaveLength(a.length);
    const key = (r: { timestampNs: string; body: string }) => `${r.timestampNs}|${r.body}`;
    const byKey = new Map(b.map((r) => [key(r), r]));
    for (const r of a) {
      expect(byKey.get(key(r))).toEqual(r);
    }
  });

  it('reads an empty result', () => {
    expect(parseStreamsResponse(noMatch)).toEqual([]);
  });
});

// Records the collector's integrationlogs connector made from a Python sync's spans
// (test/fixtures/recorded/collector/README.md): read like the SDK's.
describe('parseStreamsResponse on records made by the collector from another SDK', () => {
  it('reads the operation, its requests and its models', () => {
    const records = parseStreamsResponse(pythonSync);
    expect(records).toHaveLength(8);
    const { operation, records: grouped } = groupTraceRecords(records);
    expect(operation).toMatchObject({
      logType: 'sync',
      tool: 'hibob',
      integrationId: 'int_initech_hibob',
      customerId: 'cus_initech',
      outcome: 'partial',
      requestCount: 5,
      count4xx: 2,
      count5xx: 0,
      serviceName: 'python-hris-sync',
      summary: expect.stringMatching(/^sync hibob full: partial in \d+ms, 5 requests \(2 4xx\)$/),
    });
    expect(grouped.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v1/employees', 200],
      ['GET', '/v1/employees', 200],
      ['GET', '/v1/departments', 200],
      ['GET', '/v1/absences', 403],
      ['POST', '/v1/employees', 422],
    ]);
    for (const r of grouped.requests) {
      expect(r.bodyParseError).toBeNull();
      expect(r.traceId).toBe(operation!.traceId);
      expect(r.request?.headers.authorization).toBe('[REDACTED]');
      expect(r.durationMs).toBeGreaterThan(0);
    }
    const refused = grouped.requests[4]!;
    expect(JSON.parse(refused.request!.body!)).toMatchObject({ portal_password: '[REDACTED]' });
    expect(refused.response?.status).toBe(422);
    expect(grouped.syncModels.map((r) => r.body).sort()).toEqual([
      'departments: 8 read, 0 created, 0 updated, 0 deleted, 0 failed',
      'employees: 60 read, 0 created, 0 updated, 0 deleted, 1 failed',
    ]);
  });
});

describe('parseStreamsResponse', () => {
  it('reads every record of a streams response, newest first, labels and metadata merged', () => {
    const records = parseStreamsResponse(allRecords);
    expect(records).toHaveLength(169);
    for (let i = 1; i < records.length; i++) {
      expect(compareNs(records[i - 1]!.timestampNs, records[i]!.timestampNs)).toBeGreaterThanOrEqual(0);
    }
    const op = records.find((r) => r.eventName === 'integration.operation')!;
    expect(op.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(op.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(op.attributes.service_name).toBe('hris-sync');
    expect(op.attributes.integration_request_count).toMatch(/^\d+$/);
    expect(op.timeMs).toBe(nsToMs(op.timestampNs));
  });

  it('keeps one of a record delivered twice, even from another shard of its stream, and every distinct record', () => {
    const meta = (span: string) => ({ structuredMetadata: { event_name: 'integration.request', span_id: span } });
    const records = parseStreamsResponse({
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          { stream: { event_name: 'integration.request' }, values: [['1700000000000000001', 'GET 200', meta('a1')]] },
          {
            stream: { event_name: 'integration.request', __stream_shard__: '1' },
            values: [
              ['1700000000000000001', 'GET 200', meta('a1')], // the retried push
              ['1700000000000000001', 'GET 200', meta('b2')], // another request at the same time
              ['1700000000000000001', 'GET 404', meta('a1')], // same span, other body
            ],
          },
        ],
      },
    });
    expect(records.map((r) => `${r.spanId} ${r.body}`).sort()).toEqual(['a1 GET 200', 'a1 GET 404', 'b2 GET 200']);
  });

  it('reads categorized labels (structured metadata as a third value element)', () => {
    const [record] = parseStreamsResponse({
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          {
            stream: { service_name: 'svc' },
            values: [
              [
                '1700000000123456789',
                'line',
                {
                  structuredMetadata: {
                    event_name: 'integration.request',
                    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
                  },
                  parsed: { x: '1' },
                },
              ],
            ],
          },
        ],
      },
    });
    expect(record).toEqual({
      timestampNs: '1700000000123456789',
      timeMs: 1700000000123.4568,
      eventName: 'integration.request',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '',
      body: 'line',
      attributes: {
        service_name: 'svc',
        event_name: 'integration.request',
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        x: '1',
      },
    });
  });

  it('normalises trace ids: lower case, leading zeros restored', () => {
    const [record] = parseStreamsResponse({
      status: 'success',
      data: {
        resultType: 'streams',
        result: [{ stream: { trace_id: '8A3C5E1F2B4D6A7C9E0F1A2B3C4D5E6' }, values: [['1000000', 'x']] }],
      },
    });
    expect(record!.traceId).toBe('08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6');
  });

  it('returns no records for an empty result', () => {
    expect(parseStreamsResponse({ status: 'success', data: { resultType: 'streams', result: [] } })).toEqual([]);
  });

  it('skips malformed values instead of throwing', () => {
    const records = parseStreamsResponse({
      status: 'success',
      data: {
        resultType: 'streams',
        result: [{ stream: {}, values: [[1, 'x'], ['5', null], 'junk', ['1000000', 'ok']] }, null],
      },
    });
    expect(records.map((r) => r.body)).toEqual(['ok']);
  });

  it.each([
    [null, 'without a "data" object'],
    [{ status: 'error', data: {} }, 'status "error"'],
    [{ status: 'success', data: { resultType: 'matrix', result: [] } }, 'got "matrix"'],
    [{ status: 'success', data: { resultType: 'streams' } }, 'without a "result" list'],
  ])('rejects %j with a clear error', (body, message) => {
    expect(() => parseStreamsResponse(body)).toThrow(LokiResponseError);
    expect(() => parseStreamsResponse(body)).toThrow(message);
  });
});

describe('timestamps', () => {
  it('converts ns to ms keeping sub-ms precision', () => {
    expect(nsToMs('1795694376636000000')).toBe(1795694376636);
    expect(nsToMs('1500')).toBe(0.0015);
  });

  it('compares ns strings numerically', () => {
    expect(compareNs('999', '1000')).toBeLessThan(0);
    expect(compareNs('1795694376636000001', '1795694376636000000')).toBeGreaterThan(0);
    expect(compareNs('5', '5')).toBe(0);
  });
});
