import { ATTRIBUTES as SPAN_ATTRIBUTES } from '@integration-logs/semantic-conventions';
import { normalizeTraceId } from '../../domain/traceId';
import { OperationFilters } from '../loki/logql';

/**
 * TraceQL builders. Pure. Every user value goes through traceqlString and is compared with
 * `=`, so no input can close the literal, the spanset or add an operator.
 */

/** A filter value that no TraceQL string literal can carry (see traceqlString). */
export class TraceQLValueError extends Error {
  constructor(value: string) {
    super(
      `The value ${JSON.stringify(value)} has both a line break and a backtick or carriage return, which a TraceQL query cannot express.`
    );
    this.name = 'TraceQLValueError';
  }
}

/**
 * Quotes a value as a TraceQL string literal that Tempo's lexer (Go text/scanner, then
 * strconv.Unquote) and Grafana's TraceQL grammar both read back as exactly that value:
 * - usually `"..."` with only `\` and `"` escaped; other characters, control characters
 *   included, stay literal (Grafana's grammar knows no other escapes; Go accepts them raw);
 * - a value with a line break (which `"..."` cannot hold raw) becomes a raw `` `...` ``
 *   literal, unless it also holds a backtick or a carriage return (Go drops those from raw
 *   strings): then there is no faithful literal and TraceQLValueError is thrown.
 */
export function traceqlString(value: string): string {
  const clean = value.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
    // keep well-formed surrogate pairs, replace lone halves (not valid UTF-8)
    const code = c.charCodeAt(0);
    const pairedHigh =
      code < 0xdc00 && i + 1 < all.length && all.charCodeAt(i + 1) >= 0xdc00 && all.charCodeAt(i + 1) <= 0xdfff;
    const pairedLow = code >= 0xdc00 && i > 0 && all.charCodeAt(i - 1) >= 0xd800 && all.charCodeAt(i - 1) < 0xdc00;
    return pairedHigh || pairedLow ? c : '\ufffd';
  });
  if (clean.includes('\n')) {
    if (clean.includes('`') || clean.includes('\r')) {
      throw new TraceQLValueError(value);
    }
    return '`' + clean + '`';
  }
  return '"' + clean.replace(/[\\"]/g, (c) => '\\' + c) + '"';
}

const attr = (name: string) => `span.${name}`;
const eq = (name: string, value: string) => `${attr(name)} = ${traceqlString(value)}`;

/**
 * Operation root spans matching the list's filters, for a Tempo search in Explore. The free
 * text filter has no TraceQL equivalent (it matches the Loki summary line) and is left out;
 * "has 4xx/5xx" become a structural match on a descendant request span.
 */
export function buildOperationsTraceQL(filters: OperationFilters): string {
  const conditions = [`${attr(SPAN_ATTRIBUTES.operation)} != nil`];
  const types = [...new Set(filters.types.filter((t) => t !== ''))];
  if (types.length === 1) {
    conditions.push(eq(SPAN_ATTRIBUTES.logType, types[0]!));
  } else if (types.length > 1) {
    conditions.push(`(${types.map((t) => eq(SPAN_ATTRIBUTES.logType, t)).join(' || ')})`);
  }
  const exact: Array<[string, string]> = [
    [SPAN_ATTRIBUTES.tool, filters.tool.trim()],
    [SPAN_ATTRIBUTES.integrationId, filters.integrationId.trim()],
    [SPAN_ATTRIBUTES.customerId, filters.customerId.trim()],
    [SPAN_ATTRIBUTES.operation, filters.operation.trim()],
    [SPAN_ATTRIBUTES.outcome, filters.outcome.trim()],
  ];
  for (const [name, value] of exact) {
    if (value !== '') {
      conditions.push(eq(name, value));
    }
  }
  const traceId = normalizeTraceId(filters.traceId);
  if (traceId !== '') {
    conditions.push(`trace:id = ${traceqlString(traceId)}`);
  }
  let query = `{ ${conditions.join(' && ')} }`;
  const status = 'span.http.response.status_code';
  if (filters.has4xx) {
    query += ` >> { ${status} >= 400 && ${status} < 500 }`;
  }
  if (filters.has5xx) {
    query = `(${query}) && ({ ${conditions.join(' && ')} } >> { ${status} >= 500 })`;
    if (!filters.has4xx) {
      query = `{ ${conditions.join(' && ')} } >> { ${status} >= 500 }`;
    }
  }
  return query;
}
