import { HOSTILE_VALUES, goUnquote, parseLogQL, regexAlternatives } from '../../test/grammar';
import {
  buildOperationsQuery,
  buildTraceOperationQuery,
  buildTraceRecordsQuery,
  EMPTY_FILTERS,
  lineFilterStage,
  logqlString,
  OperationFilters,
  regexEscape,
} from './logql';
import { normalizeTraceId } from '../../domain/traceId';

const filters = (f: Partial<OperationFilters>): OperationFilters => ({ ...EMPTY_FILTERS, ...f });
const hostile = HOSTILE_VALUES.filter((v) => v.trim() !== '');

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

describe('lineFilterStage', () => {
  it('matches text literally: |= when case-sensitive, |~ "(?i)" on the escaped text otherwise', () => {
    expect(lineFilterStage({ text: 'a.b"c', caseSensitive: true })).toBe('|= "a.b\\"c"');
    expect(lineFilterStage({ text: 'a.b"c', caseSensitive: false })).toBe('|~ "(?i)a\\\\.b\\"c"');
    expect(lineFilterStage({ text: '', caseSensitive: false })).toBe('');
  });

  it.each(HOSTILE_VALUES.filter((v) => v !== ''))(
    'keeps hostile text %j one literal that finds itself in any case',
    (value) => {
      for (const caseSensitive of [true, false]) {
        const { errors, strings } = parseLogQL(
          `{service_name=~".+"} ${lineFilterStage({ text: value, caseSensitive })}`
        );
        expect(errors).toEqual([]);
        expect(strings).toHaveLength(2);
        const operand = goUnquote(strings[1]!);
        if (caseSensitive) {
          expect(operand).toBe(value);
        } else {
          expect(regexAlternatives(operand.slice('(?i)'.length))).toEqual([value]);
          expect(new RegExp(operand.slice('(?i)'.length), 'iu').test(`x${value.toUpperCase()}x`)).toBe(true);
        }
      }
    }
  );
});

describe('regexEscape', () => {
  it.each(HOSTILE_VALUES)('makes %j a pattern that matches exactly itself', (value) => {
    const pattern = regexEscape(value);
    expect(regexAlternatives(pattern)).toEqual([value]);
    // Loki anchors a matcher's pattern; RE2 and JavaScript agree on escaped literals.
    const re = new RegExp(`^(?:${pattern})$`, 'u');
    expect(re.test(value)).toBe(true);
    expect(re.test(`${value}x`)).toBe(false);
  });
});

describe('buildOperationsQuery, metadata layout (Loki without the index labels)', () => {
  it('selects operation records only when no filter is set', () => {
    const q = buildOperationsQuery('metadata', EMPTY_FILTERS);
    expect(q).toBe('{service_name=~".+"} | event_name="integration.operation"');
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('combines every filter into exact-match stages', () => {
    const q = buildOperationsQuery(
      'metadata',
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
    expect(buildOperationsQuery('metadata', filters({ types: ['sync', '', 'sync'] }))).toBe(
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
    it.each(hostile)(`keeps a hostile ${field} %j as one string literal`, (value) => {
      const q = buildOperationsQuery('metadata', filters({ [field]: value }));
      const { errors, strings } = parseLogQL(q);
      expect(errors).toEqual([]);
      // selector regex, event_name and the user's value: exactly three literals
      expect(strings).toHaveLength(3);
      const expected = field === 'text' ? value : value.trim();
      expect(strings.map(goUnquote)).toContain(field === 'traceId' ? normalizeTraceId(value) : expected);
    });
  }

  it.each(hostile)('keeps hostile types %j as string literals', (value) => {
    const q = buildOperationsQuery('metadata', filters({ types: [value, 'sync'] }));
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['.+', 'integration.operation', value, 'sync']);
  });
});

describe('buildOperationsQuery, labels layout (Loki indexes event_name, integration_tool, integration_log_type)', () => {
  it('selects the operation streams only when no filter is set', () => {
    const q = buildOperationsQuery('labels', EMPTY_FILTERS);
    expect(q).toBe('{event_name="integration.operation"}');
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('puts tool and types in the stream selector and the other filters after it, once each', () => {
    const q = buildOperationsQuery(
      'labels',
      filters({
        types: ['sync', 'action', 'sync'],
        tool: ' personio ',
        integrationId: 'int-1',
        customerId: 'cust-9',
        operation: 'delta',
        outcome: 'failure',
        has4xx: true,
        has5xx: true,
        traceId: '0AF7651916CD43DD8448EB211C80319C',
        text: 'timeout',
      })
    );
    expect(q).toBe(
      '{event_name="integration.operation", integration_tool="personio", integration_log_type=~"sync|action"}' +
        ' |= "timeout" | integration_id="int-1" | integration_customer_id="cust-9"' +
        ' | integration_operation="delta" | integration_outcome="failure"' +
        ' | trace_id="0af7651916cd43dd8448eb211c80319c"' +
        ' | integration_request_4xx_count > 0 | integration_request_5xx_count > 0'
    );
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it('matches one type with `=` and a customer after the selector', () => {
    expect(buildOperationsQuery('labels', filters({ types: ['sync'], customerId: 'cust_42' }))).toBe(
      '{event_name="integration.operation", integration_log_type="sync"} | integration_customer_id="cust_42"'
    );
  });

  it.each(hostile)('keeps a hostile tool %j as one literal in the selector', (value) => {
    const q = buildOperationsQuery('labels', filters({ tool: value }));
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['integration.operation', value.trim()]);
    expect(q.startsWith(`{event_name="integration.operation", integration_tool=${logqlString(value.trim())}}`)).toBe(
      true
    );
  });

  it.each(hostile)('keeps hostile types %j literal alternatives of one regex literal', (value) => {
    const q = buildOperationsQuery('labels', filters({ types: [value, 'sync'] }));
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings).toHaveLength(2);
    const [eventName, pattern] = strings.map(goUnquote);
    expect(eventName).toBe('integration.operation');
    expect(regexAlternatives(pattern!)).toEqual([value, 'sync']);
  });

  it.each(hostile)('keeps a hostile customer %j and text as one literal each', (value) => {
    const q = buildOperationsQuery('labels', filters({ customerId: value, text: value }));
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['integration.operation', value, value.trim()]);
  });
});

describe('buildTraceRecordsQuery', () => {
  const TRACE = '4BF92F3577B34DA6A3CE929D0E0E4736';

  it('selects every record of one trace (metadata layout)', () => {
    const q = buildTraceRecordsQuery('metadata', TRACE, { tool: 'personio', logType: 'sync' });
    expect(q).toBe('{service_name=~".+"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"');
    expect(parseLogQL(q).errors).toEqual([]);
  });

  it("reads only the streams of the operation's tool and log type (labels layout)", () => {
    const q = buildTraceRecordsQuery('labels', TRACE, { tool: 'personio', logType: 'sync' });
    expect(q).toBe(
      '{integration_tool="personio", integration_log_type="sync"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"'
    );
    expect(parseLogQL(q).errors).toEqual([]);
    expect(buildTraceRecordsQuery('labels', TRACE)).toBe(
      '{service_name=~".+"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"'
    );
  });

  it('finds the operation record of a trace on the operation streams (labels layout)', () => {
    expect(buildTraceOperationQuery('labels', TRACE)).toBe(
      '{event_name="integration.operation"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"'
    );
  });

  it.each(HOSTILE_VALUES)('keeps a hostile trace id %j as one literal', (value) => {
    const { errors, strings } = parseLogQL(buildTraceRecordsQuery('metadata', value));
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual(['.+', normalizeTraceId(value)]);
  });

  it.each(hostile)('keeps a hostile tool and log type %j from a link as one literal each', (value) => {
    const q = buildTraceRecordsQuery('labels', value, { tool: value, logType: value });
    const { errors, strings } = parseLogQL(q);
    expect(errors).toEqual([]);
    expect(strings.map(goUnquote)).toEqual([value, value, normalizeTraceId(value)]);
  });
});
