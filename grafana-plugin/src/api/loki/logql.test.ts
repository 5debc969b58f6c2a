import { HOSTILE_VALUES, goUnquote, parseLogQL } from '../../test/grammar';
import { buildOperationsQuery, buildTraceRecordsQuery, EMPTY_FILTERS, logqlString, OperationFilters } from './logql';
import { normalizeTraceId } from '../../domain/traceId';

const filters = (f: Partial<OperationFilters>): OperationFilters => ({ ...EMPTY_FILTERS, ...f });

describe('logqlString', () => {
  it.each(HOSTILE_VALUES)('quotes %j so that Go unquoting gives it back', (value) => {
    expect(goUnquote(logqlString(value))).toBe(value);
  });

  it('escapes exactly the characters Go needs and keeps the rest literal', () => {
    expect(logqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(logqlString('x\ny\u0001')).toBe('"x\\ny\\x01"');
    expect(logqlString('`|}{ü')).toBe('"`|}{ü"');
  });

  it('replaces a lone surrogate, which is not valid UTF-8', () => {
    expect(logqlString('a\ud800b')).toBe('"a\\ufffdb"');
  });
});

describe('buildOperationsQuery', () => {
  it('selects operation records only when no filter is set', () => {
    const q = buildOperationsQuery(EMPTY_FILTERS);
    expect(q).toBe('{service_name=~".+"} | event_name="integration.operation"');
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('combines every filter into exact-match stages', () => {
    const q = buildOperationsQuery(
      filters({
        types: ['sync', 'action'],
        tool: 'personio',
        integrationId: 'int-1',
        customerId: 'cust-9',
        operation: 'delta',
        outcome: 'failure',
        has4xx: true,
        has5xx: true,
        traceId: ' 0AF7651916CD43DD8448EB211C80319C ',
        text: 'timeout',
      })
    );
    expect(q).toBe(
      '{service_name=~".+"} |= "timeout" | event_name="integration.operation"' +
        ' | integration_log_type="sync" or integration_log_type="action"' +
        ' | integration_tool="personio" | integration_id="int-1" | integration_customer_id="cust-9"' +
        ' | integration_operation="delta" | integration_outcome="failure"' +
        ' | trace_id="0af7651916cd43dd8448eb211c80319c"' +
        ' | integration_request_4xx_count > 0 | integration_request_5xx_count > 0'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('drops duplicate and empty types', () => {
    expect(buildOperationsQuery(filters({ types: ['sync', '', 'sync'] }))).toBe(
      '{service_name=~".+"} | event_name="integration.operation" | integration_log_type="sync"'
    );
  });

  const hostileFields: Array<keyof OperationFilters> = [
    'tool',
    'integrationId',
    'customerId',
    'outcome',
    'traceId',
    'text',
  ];
  for (const field of hostileFields) {
    it.each(HOSTILE_VALUES.filter((v) => v.trim() !== ''))(
      `keeps a hostile ${field} %j as one string literal`,
      (value) => {
        const q = buildOperationsQuery(filters({ [field]: value }));
        const { errors, strings } = parseLogQL(q);
        expect(errors).toEqual([]);
        // selector regex, event_name and the user's value: exactly three literals
        expect(strings).toHaveLength(3);
        const expected = field === 'text' ? value : value.trim();
        expect(strings.map(goUnquote)).toContain(field === 'traceId' ? normalizeTraceId(value) : expected);
      }
    );
  }

  it.each(HOSTILE_VALUES.filter((v) => v !== ''))('keeps hostile types %j as string literals', (value) => {
    const q = buildOperationsQuery(filters({ types: [value, 'sync'] }));
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['.+', 'integration.operation', value, 'sync']);
  });
});

describe('buildTraceRecordsQuery', () => {
  it('selects every record of one trace', () => {
    const q = buildTraceRecordsQuery('4BF92F3577B34DA6A3CE929D0E0E4736');
    expect(q).toBe('{service_name=~".+"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"');
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it.each(HOSTILE_VALUES)('keeps a hostile trace id %j as one literal', (value) => {
    const { errors, strings } = parseLogQL(buildTraceRecordsQuery(value));
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['.+', normalizeTraceId(value)]);
  });
});
