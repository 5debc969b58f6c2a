import { EMPTY_REQUEST_FILTERS, isStatusClass, RequestFilters } from '../../api/loki/requestQueries';
import { TIME_URL_KEYS } from '../../utils/urlTimeRange';
import { DEFAULT_FROM, DEFAULT_TO } from '../Logs/urlState';

/**
 * The Requests page's state in the URL (shared links, alert and dashboard links): filters,
 * time range and view. Pure: URLSearchParams in, state out, and back.
 */
export const REQUESTS_URL_KEYS = {
  tool: 'tool',
  status: 'status',
  statusClass: 'class',
  method: 'method',
  endpoint: 'endpoint',
  server: 'server',
  customerId: 'customer',
  integrationId: 'integration',
  types: 'type',
  text: 'q',
  caseSensitive: 'case',
  view: 'view',
  ...TIME_URL_KEYS,
} as const;

/** Requests one by one, or the operations that made them. */
export type RequestsView = 'requests' | 'operations';

export interface RequestsUrlState {
  filters: RequestFilters;
  view: RequestsView;
  from: string;
  to: string;
}

const K = REQUESTS_URL_KEYS;

export function parseRequestsUrl(search: URLSearchParams): RequestsUrlState {
  const get = (key: string) => search.get(key) ?? '';
  const statusClass = get(K.statusClass);
  return {
    filters: {
      tool: get(K.tool),
      status: get(K.status),
      statusClass: isStatusClass(statusClass) ? statusClass : '',
      method: get(K.method),
      endpoint: get(K.endpoint),
      server: get(K.server),
      customerId: get(K.customerId),
      integrationId: get(K.integrationId),
      types: search
        .getAll(K.types)
        .flatMap((t) => t.split(','))
        .filter((t) => t !== ''),
      text: get(K.text),
      caseSensitive: get(K.caseSensitive) === '1',
    },
    view: get(K.view) === 'operations' ? 'operations' : 'requests',
    from: get(K.from) || DEFAULT_FROM,
    to: get(K.to) || DEFAULT_TO,
  };
}

/** A URL update for locationService.partial: the given filters, unset ones removed (null). */
export function requestFiltersToQuery(patch: Partial<RequestFilters>): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  for (const [name, value] of Object.entries(patch) as Array<
    [keyof RequestFilters, RequestFilters[keyof RequestFilters]]
  >) {
    const key = K[name];
    if (Array.isArray(value)) {
      out[key] = value.length > 0 ? value : null;
    } else if (typeof value === 'boolean') {
      out[key] = value ? '1' : null;
    } else {
      // free text keeps its spaces; the other values are trimmed by the query builder
      out[key] = value === '' || (name !== 'text' && value.trim() === '') ? null : value;
    }
  }
  return out;
}

export function hasActiveRequestFilters(filters: RequestFilters): boolean {
  const { caseSensitive: _ignored, ...rest } = filters;
  const { caseSensitive: _empty, ...empty } = EMPTY_REQUEST_FILTERS;
  return JSON.stringify(rest) !== JSON.stringify(empty);
}

/** The search of a link to the Requests page. Pure. */
export function requestsSearch(state: Partial<RequestFilters> & { from?: string; to?: string }): string {
  const { from, to, ...filters } = state;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(requestFiltersToQuery(filters))) {
    for (const v of value === null ? [] : Array.isArray(value) ? value : [value]) {
      search.append(key, v);
    }
  }
  if (from) {
    search.set(K.from, from);
  }
  if (to) {
    search.set(K.to, to);
  }
  return search.toString();
}
