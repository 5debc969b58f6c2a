import { EMPTY_FILTERS } from '../../api/loki/logql';
import { DEFAULT_FROM, filtersToQuery, hasActiveFilters, parseLogsUrl } from './urlState';

function roundTrip(query: Record<string, string | string[] | null>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const item of v === null ? [] : Array.isArray(v) ? v : [v]) {
      params.append(k, item);
    }
  }
  return params;
}

describe('logs URL state', () => {
  it('defaults to the last 6 hours and no filters', () => {
    const state = parseLogsUrl(new URLSearchParams(''));
    expect(state).toEqual({ filters: EMPTY_FILTERS, from: DEFAULT_FROM, to: 'now' });
    expect(hasActiveFilters(state.filters)).toBe(false);
  });

  it('round-trips every filter through the URL, hostile text included', () => {
    const filters = {
      types: ['sync', 'incoming_webhook'],
      tool: 'personio',
      integrationId: 'int "1"',
      customerId: 'c&d=e',
      operation: 'delta',
      outcome: 'failure',
      has4xx: true,
      has5xx: false,
      traceId: 'abc',
      text: ' line\nbreak & ` } |',
    };
    const parsed = parseLogsUrl(new URLSearchParams(roundTrip(filtersToQuery(filters)).toString()));
    expect(parsed.filters).toEqual(filters);
    expect(hasActiveFilters(parsed.filters)).toBe(true);
  });

  it('removes unset filters from the URL', () => {
    const query = filtersToQuery(EMPTY_FILTERS);
    expect(Object.values(query).every((v) => v === null)).toBe(true);
  });

  it('accepts comma-separated types from dashboard links', () => {
    expect(parseLogsUrl(new URLSearchParams('type=sync,action&from=now-1h')).filters.types).toEqual(['sync', 'action']);
  });
});
