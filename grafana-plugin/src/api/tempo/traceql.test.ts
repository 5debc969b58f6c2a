import { EMPTY_FILTERS, OperationFilters } from '../loki/logql';
import { goUnquote, HOSTILE_VALUES, parseTraceQL } from '../../test/grammar';
import { buildOperationsTraceQL, TraceQLValueError, traceqlString } from './traceql';

/** Hostile values a TraceQL literal can carry exactly. */
const EXPRESSIBLE = HOSTILE_VALUES.filter((v) => !(v.includes('\n') && /[`\r]/.test(v)));

const filters = (f: Partial<OperationFilters>): OperationFilters => ({ ...EMPTY_FILTERS, ...f });

describe('traceqlString', () => {
  it.each(EXPRESSIBLE)('quotes %j so that Go unquoting gives it back and the grammar reads one literal', (value) => {
    const literal = traceqlString(value);
    expect(goUnquote(literal)).toBe(value);
    const { errors, strings } = parseTraceQL(`{ span.a = ${literal} }`);
    expect(errors).toEqual([]);
    expect(strings).toEqual([literal]);
  });

  it('uses a raw literal for line breaks', () => {
    expect(traceqlString('a\nb')).toBe('`a\nb`');
  });

  it.each(['x\ny`z', 'carriage\r\nreturn'])('refuses %j, which no literal can carry', (value) => {
    expect(() => traceqlString(value)).toThrow(TraceQLValueError);
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(traceqlString('a\ud800b🚀')).toBe('"a\ufffdb🚀"');
  });
});

describe('buildOperationsTraceQL', () => {
  it('selects operation spans', () => {
    const q = buildOperationsTraceQL(EMPTY_FILTERS);
    expect(q).toBe('{ span.integration.operation != nil }');
    expect(parseTraceQL(q).errors).toEqual([]);
  });

  it('combines the filters', () => {
    const q = buildOperationsTraceQL(
      filters({
        types: ['sync', 'action'],
        tool: 'personio',
        customerId: 'c1',
        outcome: 'failure',
        traceId: '8A3C5E1F2B4D6A7C9E0F1A2B3C4D5E6',
        has4xx: true,
        text: 'ignored',
      })
    );
    expect(q).toBe(
      '{ span.integration.operation != nil && (span.integration.log_type = "sync" || span.integration.log_type = "action")' +
        ' && span.integration.tool = "personio" && span.integration.customer.id = "c1" && span.integration.outcome = "failure"' +
        ' && trace:id = "08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6" } >> { span.http.response.status_code >= 400 && span.http.response.status_code < 500 }'
    );
    expect(parseTraceQL(q).errors).toEqual([]);
  });

  it.each([
    [{ has5xx: true }, '{ span.integration.operation != nil } >> { span.http.response.status_code >= 500 }'],
    [{ types: ['sync'] }, '{ span.integration.operation != nil && span.integration.log_type = "sync" }'],
  ])('%j', (f, expected) => {
    expect(buildOperationsTraceQL(filters(f))).toBe(expected);
    expect(parseTraceQL(expected).errors).toEqual([]);
  });

  it('parses with both 4xx and 5xx', () => {
    expect(parseTraceQL(buildOperationsTraceQL(filters({ has4xx: true, has5xx: true, tool: 'x' }))).errors).toEqual([]);
  });

  const fields: Array<keyof OperationFilters> = [
    'tool',
    'integrationId',
    'customerId',
    'operation',
    'outcome',
    'traceId',
  ];
  for (const field of fields) {
    it.each(EXPRESSIBLE.filter((v) => v.trim() !== ''))(
      `keeps a hostile ${field} %j as one string literal`,
      (value) => {
        const { errors, strings } = parseTraceQL(buildOperationsTraceQL(filters({ [field]: value })));
        expect(errors).toEqual([]);
        expect(strings).toHaveLength(1);
        expect(goUnquote(strings[0]!)).toBe(
          field === 'traceId' && /^[0-9a-f]+$/i.test(value.trim()) ? value.trim().toLowerCase() : value.trim()
        );
      }
    );
  }

  it.each(EXPRESSIBLE.filter((v) => v !== ''))('keeps hostile types %j as literals', (value) => {
    const { errors, strings } = parseTraceQL(buildOperationsTraceQL(filters({ types: [value, 'sync'] })));
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual([value, 'sync']);
  });
});
