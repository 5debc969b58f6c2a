import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMPTY_REQUEST_FILTERS, RequestFilters } from '../loki/requestQueries';
import { HOSTILE_VALUES, goUnquote, regexAlternatives } from '../../test/grammar';
import { buildRequestsByStatusPromQL, spanMetricsCanAnswer } from './promql';

const filters = (f: Partial<RequestFilters>): RequestFilters => ({ ...EMPTY_REQUEST_FILTERS, ...f });
const hostile = HOSTILE_VALUES.filter((v) => v.trim() !== '');
/** The Go-quoted literals of a query, in order. */
const literals = (query: string) => [...query.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => goUnquote(m[0]));

describe('buildRequestsByStatusPromQL', () => {
  it('counts client spans by status code per step for the span-metrics filters', () => {
    expect(
      buildRequestsByStatusPromQL(
        filters({
          tool: 'hibob',
          types: ['sync', 'action'],
          status: '403',
          statusClass: '4xx',
          method: 'get',
          endpoint: '/v1/absences',
          server: 'api.hibob.example',
        }),
        60
      )
    ).toBe(
      'sum by (http_response_status_code) (increase(traces_span_metrics_calls_total{span_kind="SPAN_KIND_CLIENT",' +
        ' integration_tool="hibob", http_response_status_code="403", http_request_method="GET",' +
        ' url_template="/v1/absences", server_address="api.hibob.example", integration_log_type=~"sync|action",' +
        ' http_response_status_code=~"4[0-9][0-9]"}[60s]))'
    );
  });

  it('answers only when every filter is a span-metrics dimension', () => {
    expect(spanMetricsCanAnswer(filters({ tool: 'x', statusClass: '5xx', endpoint: '/a' }))).toBe(true);
    expect(spanMetricsCanAnswer(filters({ customerId: 'c' }))).toBe(false);
    expect(spanMetricsCanAnswer(filters({ integrationId: 'i' }))).toBe(false);
    expect(spanMetricsCanAnswer(filters({ text: ' ' }))).toBe(false);
  });

  it.each(hostile)('keeps a hostile value %j one string literal', (value) => {
    const q = buildRequestsByStatusPromQL(filters({ tool: value, endpoint: value, types: [value] }), 60);
    const [kind, tool, endpoint, types] = literals(q);
    expect([kind, tool, endpoint]).toEqual(['SPAN_KIND_CLIENT', value.trim(), value.trim()]);
    expect(regexAlternatives(types!)).toEqual([value]);
  });

  const promtool = '/usr/bin/promtool';
  (existsSync(promtool) ? it : it.skip)('every generated query parses with promtool', () => {
    const queries = [
      buildRequestsByStatusPromQL(filters({}), 15),
      ...hostile.map((v) => buildRequestsByStatusPromQL(filters({ tool: v, method: v, types: [v, 'sync'] }), 60)),
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'promql-'));
    try {
      const file = path.join(dir, 'rules.json');
      const rules = queries.map((expr, i) => ({ record: `app:query_${i}`, expr }));
      // JSON is YAML: the queries go in exactly as built
      writeFileSync(file, JSON.stringify({ groups: [{ name: 'app', rules }] }));
      const result = spawnSync(promtool, ['check', 'rules', file], { encoding: 'utf8', timeout: 60_000 });
      expect(`${result.stdout}${result.stderr}`).toContain(`SUCCESS: ${queries.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
