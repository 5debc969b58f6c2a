import allRecords from '../../../test/fixtures/handmade/loki-all-records.json';
import { HOSTILE_VALUES, goUnquote, parseLogQL, regexAlternatives } from '../../test/grammar';
import { compile, instantQuery, metricQueryRange, recordsOf } from '../../../harness/fakeLoki.mjs';
import {
  asJsonStringContent,
  buildOperationsOfTracesQuery,
  buildRequestCountQuery,
  buildRequestsQuery,
  buildTopRequestsQuery,
  EMPTY_REQUEST_FILTERS,
  RequestFilters,
} from './requestQueries';

const filters = (f: Partial<RequestFilters>): RequestFilters => ({ ...EMPTY_REQUEST_FILTERS, ...f });
const hostile = HOSTILE_VALUES.filter((v) => v.trim() !== '');
const records = recordsOf(allRecords);

describe('buildRequestsQuery', () => {
  it('reads the request streams of the selected tool only (labels layout)', () => {
    const q = buildRequestsQuery('labels', filters({ tool: 'personio', statusClass: '4xx', customerId: 'cust_1' }));
    expect(q).toBe(
      '{event_name="integration.request", integration_tool="personio"}' +
        ' | integration_customer_id="cust_1" | http_response_status_code=~"4[0-9][0-9]"'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('falls back to every stream with label filters (metadata layout)', () => {
    expect(buildRequestsQuery('metadata', filters({ tool: 'personio' }))).toBe(
      '{service_name=~".+"} | event_name="integration.request" | integration_tool="personio"'
    );
  });

  it('combines every filter, text first as a case-insensitive literal', () => {
    const q = buildRequestsQuery(
      'labels',
      filters({
        tool: 'personio',
        types: ['sync'],
        status: '403',
        statusClass: '4xx',
        method: 'get',
        endpoint: '/v1/employees/{id}',
        server: 'api.personio.example',
        customerId: 'cust_1',
        integrationId: 'int_1',
        text: 'missing permission.',
      })
    );
    expect(q).toBe(
      '{event_name="integration.request", integration_tool="personio", integration_log_type="sync"}' +
        ' |~ "(?i)missing permission\\\\."' +
        ' | http_response_status_code="403" | http_request_method="GET" | url_template="/v1/employees/{id}"' +
        ' | server_address="api.personio.example" | integration_customer_id="cust_1" | integration_id="int_1"' +
        ' | http_response_status_code=~"4[0-9][0-9]"'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('matches case-sensitive text with |=', () => {
    expect(buildRequestsQuery('labels', filters({ text: 'Ada', caseSensitive: true }))).toBe(
      '{event_name="integration.request"} |= "Ada"'
    );
  });

  it('ignores a status class outside the closed list', () => {
    const q = buildRequestsQuery('labels', filters({ statusClass: '"} |= "x' as RequestFilters['statusClass'] }));
    expect(q).toBe('{event_name="integration.request"}');
  });

  it('searches text as it appears inside the JSON strings of the record body', () => {
    expect(asJsonStringContent('"error":"no"\\')).toBe('\\"error\\":\\"no\\"\\\\');
    const match = compile(buildRequestsQuery('labels', filters({ text: '"ERROR"' })));
    const record = (body: string) => ({
      tsNs: '1',
      line: JSON.stringify({ response: { body } }),
      labels: { event_name: 'integration.request' },
    });
    expect(match(record(JSON.stringify({ code: 'Error' })))).toBe(true);
    expect(match(record('error: none'))).toBe(false);
  });

  const fields: Array<keyof RequestFilters> = ['tool', 'status', 'endpoint', 'server', 'customerId', 'integrationId'];
  for (const field of fields) {
    it.each(hostile)(`keeps a hostile ${field} %j as one string literal`, (value) => {
      const { errors, strings } = parseLogQL(buildRequestsQuery('labels', filters({ [field]: value })));
      expect(errors).toEqual([]);
      expect(strings.map(goUnquote)).toEqual(['integration.request', value.trim()]);
    });
  }

  it.each(hostile)('keeps a hostile method %j as one string literal, upper-cased', (value) => {
    const { errors, strings } = parseLogQL(buildRequestsQuery('labels', filters({ method: value })));
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['integration.request', value.trim().toUpperCase()]);
  });

  it.each(hostile)('keeps hostile text %j one literal that matches exactly that text, case-sensitive', (value) => {
    const { errors, strings } = parseLogQL(buildRequestsQuery('labels', filters({ text: value, caseSensitive: true })));
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['integration.request', asJsonStringContent(value)]);
  });

  it.each(hostile)('keeps hostile text %j one literal alternative of a case-insensitive pattern', (value) => {
    const { errors, strings } = parseLogQL(buildRequestsQuery('labels', filters({ text: value })));
    expect(errors).toEqual([]);
    expect(strings).toHaveLength(2);
    const pattern = goUnquote(strings[1]!);
    expect(pattern.startsWith('(?i)')).toBe(true);
    expect(regexAlternatives(pattern.slice('(?i)'.length))).toEqual([asJsonStringContent(value)]);
    // the body the SDK writes holds the text JSON-escaped; the pattern finds it in any case
    const line = JSON.stringify({ request: { body: `before ${value.toUpperCase()} after` } });
    expect(new RegExp(pattern.slice(4), 'iu').test(line)).toBe(true);
  });
});

describe('request metric queries', () => {
  it('counts requests by status code per step, on the same selection', () => {
    const q = buildRequestCountQuery('labels', filters({ tool: 'personio' }), 'status', 60);
    expect(q).toBe(
      'sum by (http_response_status_code) (count_over_time({event_name="integration.request", integration_tool="personio"} [60s]))'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('asks for the top endpoints over the whole range', () => {
    const q = buildTopRequestsQuery('labels', filters({ statusClass: '5xx' }), 'endpoint', 10, 7200.4);
    expect(q).toBe(
      'topk(10, sum by (url_template) (count_over_time({event_name="integration.request"}' +
        ' | http_response_status_code=~"5[0-9][0-9]" [7201s])))'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it.each(hostile)('keeps hostile values %j one literal each in a metric query', (value) => {
    const q = buildTopRequestsQuery('labels', filters({ customerId: value, text: value }), 'customer', 5, 60);
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings).toHaveLength(3);
    expect(goUnquote(strings[2]!)).toBe(value.trim());
  });

  it('counts the fixture requests like Loki would (fake Loki over the hand-made records)', () => {
    const start = BigInt(Date.UTC(2026, 10, 25)) * 1_000_000n;
    const end = BigInt(Date.UTC(2026, 10, 27)) * 1_000_000n;
    const rangeS = Number((end - start) / 1_000_000_000n);
    const top = instantQuery(records, {
      query: buildTopRequestsQuery('labels', EMPTY_REQUEST_FILTERS, 'endpoint', 10, rangeS),
      time: String(end),
    }) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    expect(top.data.result.map((r) => [r.metric.url_template, r.value[1]])).toEqual([
      ['/v1/employees', '56'],
      ['/v1/employees/{id}', '32'],
    ]);
    const series = metricQueryRange(records, {
      query: buildRequestCountQuery('labels', EMPTY_REQUEST_FILTERS, 'status', 3600),
      start: String(start),
      end: String(end),
      step: '3600',
    }) as { data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> } };
    const total = (code: string) =>
      series.data.result
        .filter((s) => s.metric.http_response_status_code === code)
        .flatMap((s) => s.values)
        .reduce((sum, [, v]) => sum + Number(v), 0);
    expect([total('200'), total('503'), total('429')]).toEqual([82, 4, 2]);
  });
});

describe('buildOperationsOfTracesQuery', () => {
  it("reads the operation streams of the requests' tools for their trace ids", () => {
    const [a, b] = ['4BF92F3577B34DA6A3CE929D0E0E4736', '0af7651916cd43dd8448eb211c80319c'];
    const q = buildOperationsOfTracesQuery('labels', [a, b], { tools: ['personio'], logTypes: ['sync'] });
    expect(q).toBe(
      '{event_name="integration.operation", integration_tool="personio", integration_log_type="sync"}' +
        ` | trace_id="${a.toLowerCase()}" or trace_id="${b}"`
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });
});
