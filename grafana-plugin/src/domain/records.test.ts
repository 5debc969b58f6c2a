// Uses HAND-MADE fixtures (test/fixtures/handmade/README.md) until recorded ones exist.
import traceResponse from '../../test/fixtures/handmade/loki-trace-records.json';
import recordedTrace from '../../test/fixtures/recorded/loki/query_range-by-trace-id.json';
import { parseStreamsResponse } from '../api/loki/parse';
import { groupTraceRecords } from './records';
import { statusClass, toRequestLog } from './requests';
import { LogRecord } from './types';

describe('groupTraceRecords on a recorded Loki trace (test/fixtures/recorded/loki)', () => {
  it('groups a partial hibob sync: 5 requests (one 500, one 403), 2 models, 2 warnings', () => {
    const { operation, records } = groupTraceRecords(parseStreamsResponse(recordedTrace));
    expect(operation).toMatchObject({
      traceId: '387bb9a3e61e5236dfbbae032fc66c2c',
      logType: 'sync',
      tool: 'hibob',
      outcome: 'partial',
      requestCount: 5,
      count4xx: 1,
      count5xx: 1,
      summary: 'sync hibob full: partial in 352ms, 5 requests (1 4xx, 1 5xx)',
    });
    expect(records.requests.map((r) => r.status)).toEqual([500, 200, 200, 200, 403]);
    expect(records.requests.map((r) => r.path)).toEqual([
      '/v1/departments',
      '/v1/departments',
      '/v1/employees',
      '/v1/employees',
      '/v1/absences',
    ]);
    expect(records.requests.every((r) => r.bodyParseError === null && r.request !== null)).toBe(true);
    expect(records.requests[0]!.request!.headers.authorization).toBe('[REDACTED]');
    expect(records.requests[0]!.rateLimit).toEqual({ limit: '30', remaining: '29', reset: '' });
    expect(records.requests[4]!.response!.body).toContain('insufficient_scope');
    expect(records.syncModels).toHaveLength(2);
    expect(records.warnings).toHaveLength(2);
    expect(records.all).toHaveLength(10);
  });
});

describe('groupTraceRecords', () => {
  it("puts a trace's records under its operation, each group oldest first", () => {
    const { operation, records } = groupTraceRecords(parseStreamsResponse(traceResponse));
    expect(operation).not.toBeNull();
    expect(operation!.logType).toBe('sync');
    expect(records.requests).toHaveLength(operation!.requestCount);
    expect(records.syncModels.map((r) => r.attributes.integration_sync_model).sort()).toEqual(['employees', 'teams']);
    for (let i = 1; i < records.requests.length; i++) {
      expect(records.requests[i]!.timeMs).toBeGreaterThanOrEqual(records.requests[i - 1]!.timeMs);
    }
    expect(records.all.length).toBe(records.requests.length + records.syncModels.length + records.warnings.length + 1);
  });

  it('returns no operation when the trace has no operation record yet', () => {
    expect(groupTraceRecords([]).operation).toBeNull();
  });
});

const requestRecord = (attrs: Record<string, string>, body: string): LogRecord => ({
  timestampNs: '1000000000',
  timeMs: 1000,
  eventName: 'integration.request',
  traceId: 't',
  spanId: 's',
  body,
  attributes: { event_name: 'integration.request', ...attrs },
});

describe('toRequestLog', () => {
  it('reads the documented body: redacted headers, bodies, truncation', () => {
    const body = {
      request: {
        method: 'POST',
        url: 'https://api.tool.example/v1/employees?api_key=REDACTED',
        headers: { 'content-type': 'application/json', authorization: '[REDACTED]' },
        body: '{"name":"Ada","password":"[REDACTED]"}',
        bodyEncoding: 'utf8',
        bodySize: 41,
        bodyTruncated: false,
      },
      response: {
        status: 422,
        headers: { 'content-type': 'application/json' },
        body: '{"error":"email missing"}',
        bodyEncoding: 'utf8',
        bodySize: 26,
        bodyTruncated: true,
      },
      durationMs: 83.4,
    };
    const r = toRequestLog(
      requestRecord(
        { integration_ratelimit_retry_after_s: '2.5', http_request_resend_count: '1' },
        JSON.stringify(body)
      )
    )!;
    expect(r).toMatchObject({
      method: 'POST',
      url: body.request.url,
      path: '/v1/employees',
      status: 422,
      durationMs: 83.4,
      resendCount: 1,
      retryAfterS: 2.5,
      bodyParseError: null,
    });
    expect(r.request!.headers.authorization).toBe('[REDACTED]');
    expect(r.response!.bodyTruncated).toBe(true);
  });

  it('prefers attributes and keeps a row when the body is not JSON', () => {
    const r = toRequestLog(
      requestRecord(
        {
          http_request_method: 'GET',
          url_full: 'https://x.example/a/1',
          url_template: '/a/{id}',
          http_response_status_code: '503',
        },
        'not json'
      )!
    )!;
    expect(r).toMatchObject({ method: 'GET', path: '/a/{id}', status: 503, request: null, response: null });
    expect(r.bodyParseError).toMatch(/not valid JSON/);
  });

  it('has no status when no response arrived', () => {
    const r = toRequestLog(
      requestRecord(
        { error_type: 'ECONNRESET' },
        JSON.stringify({ request: { method: 'GET', url: 'https://x.example/' }, response: null })
      )
    )!;
    expect(r.status).toBeNull();
    expect(r.response).toBeNull();
    expect(r.errorType).toBe('ECONNRESET');
    expect(statusClass(r.status)).toBe('none');
  });

  it('classifies statuses', () => {
    expect([200, 301, 404, 429, 500, 99].map(statusClass)).toEqual(['2xx', '3xx', '4xx', '4xx', '5xx', 'other']);
  });
});
