import { EMPTY_REQUEST_FILTERS } from '../../api/loki/requestQueries';
import { HOSTILE_VALUES } from '../../test/grammar';
import { hasActiveRequestFilters, parseRequestsUrl, requestFiltersToQuery, requestsSearch } from './requestsUrlState';

describe('Requests page URL state', () => {
  it('reads defaults', () => {
    expect(parseRequestsUrl(new URLSearchParams(''))).toEqual({
      filters: EMPTY_REQUEST_FILTERS,
      view: 'requests',
      from: 'now-6h',
      to: 'now',
    });
  });

  it('reads what an alert link writes', () => {
    const state = parseRequestsUrl(new URLSearchParams('tool=personio&class=4xx&from=1700000000000&to=1700000600000'));
    expect(state.filters).toEqual({ ...EMPTY_REQUEST_FILTERS, tool: 'personio', statusClass: '4xx' });
    expect([state.from, state.to]).toEqual(['1700000000000', '1700000600000']);
  });

  it('ignores an unknown status class and view', () => {
    const state = parseRequestsUrl(new URLSearchParams('class=6xx&view=table'));
    expect(state.filters.statusClass).toBe('');
    expect(state.view).toBe('requests');
  });

  it('removes emptied filters and keeps the text as typed', () => {
    expect(requestFiltersToQuery({ tool: ' ', text: ' a ', types: [], caseSensitive: false })).toEqual({
      tool: null,
      q: ' a ',
      type: null,
      case: null,
    });
  });

  it.each(HOSTILE_VALUES)('round-trips every filter with %j through a link', (value) => {
    const filters = {
      ...EMPTY_REQUEST_FILTERS,
      text: value,
      endpoint: value.trim() === '' ? '' : value,
      customerId: value.trim() === '' ? '' : value,
      caseSensitive: true,
      types: ['sync', 'action'],
      statusClass: '5xx' as const,
    };
    const state = parseRequestsUrl(new URLSearchParams(requestsSearch({ ...filters, from: 'now-1h' })));
    expect(state.filters).toEqual(filters);
    expect(state.from).toBe('now-1h');
  });

  it('tells whether any filter is set; the case option alone is not one', () => {
    expect(hasActiveRequestFilters(EMPTY_REQUEST_FILTERS)).toBe(false);
    expect(hasActiveRequestFilters({ ...EMPTY_REQUEST_FILTERS, caseSensitive: true })).toBe(false);
    expect(hasActiveRequestFilters({ ...EMPTY_REQUEST_FILTERS, statusClass: '4xx' })).toBe(true);
  });
});
