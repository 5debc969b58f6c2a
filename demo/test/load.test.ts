// `npm run load`: its options fail clearly, the tool's bodies have the asked-for size, and
// the app queries it measures are valid LogQL that select streams on the index labels.
import { parser } from '@grafana/lezer-logql';
import { appQueries } from '../src/load/app-queries';
import { parseLoadOptions } from '../src/load/options';
import { employeePage } from '../src/load/tool-responses';

describe('load options', () => {
  test('defaults, and flags over environment', () => {
    const o = parseLoadOptions(['--rate', '500', '--duration', '30', '--burst', '2000'], {
      LOKI_URL: 'http://loki.internal:3100/',
    })!;
    expect(o).toMatchObject({
      rate: 500,
      durationS: 30,
      burstOps: 2000,
      requestsPerOp: 10,
      responseBytes: 2048,
      lokiUrl: 'http://loki.internal:3100',
      otlpEndpoint: 'http://localhost:4318',
    });
  });

  test.each([
    [['--rate', 'fast'], /--rate "fast" is not a whole number >= 1/],
    [['--rate', '0'], /--rate "0" is not a whole number >= 1/],
    [['--response-bytes', '1.5'], /--response-bytes "1.5"/],
    [['--loki', 'not a url'], /--loki "not a url" is not a URL/],
    [['--burst', '0', '--duration', '0'], /Nothing to send/],
    [['--unknown'], /Unknown option '--unknown'/],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(() => parseLoadOptions(argv, {})).toThrow(message);
  });
});

describe('load tool responses', () => {
  test.each([200, 2048, 16_384, 100_000])('an employee page of exactly %i bytes', (bytes) => {
    const page = employeePage(bytes, 7);
    expect(page.length).toBe(bytes);
    const parsed = JSON.parse(page.toString('utf8')) as { data: Array<{ email: string }> };
    expect(parsed.data.length).toBeGreaterThan(bytes > 1000 ? 1 : -1);
    expect(parsed.data.every((e) => e.email.endsWith('@example.com'))).toBe(true);
  });

  test('pages differ by seed, so redaction is not measured on one memoised body', () => {
    expect(employeePage(4096, 1).equals(employeePage(4096, 2))).toBe(false);
  });
});

describe('measured app queries', () => {
  const queries = appQueries({
    tool: 'load-abc',
    customerId: 'cust-abc-7',
    integrationId: 'abc-7',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    traceEndMs: 2_000_000,
    traceDurationMs: 1500,
    startMs: 0,
    endMs: 3_000_000,
  });

  test.each(queries.map((q) => [q.name, q.query]))('%s is valid LogQL', (_name, query) => {
    const errors: string[] = [];
    parser.parse(query).iterate({ enter: (node) => void (node.type.isError && errors.push(`${node.from}`)) });
    expect(errors).toEqual([]);
  });

  test('all but the fallback select streams on the index labels', () => {
    const labelled = queries.filter((q) => !q.name.startsWith('fallback'));
    expect(labelled.length).toBeGreaterThan(4);
    for (const q of labelled) expect(q.query).toMatch(/^\{(event_name|integration_tool)="[^"]+"/);
    expect(queries.find((q) => q.name.startsWith('fallback'))?.query).toMatch(/^\{service_name=~"\.\+"\}/);
  });

  test('the log detail reads one trace in the narrow range the app uses', () => {
    const detail = queries.find((q) => q.name.startsWith('log detail'))!;
    expect(detail.query).toContain('| trace_id="4bf92f3577b34da6a3ce929d0e0e4736"');
    expect([detail.startMs, detail.endMs]).toEqual([2_000_000 - 1500 - 2000, 2_000_000 + 2000]);
  });
});
