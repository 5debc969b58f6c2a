import { EMPTY_FILTERS, OperationFilters } from '../../api/loki/logql';
import { TIME_URL_KEYS } from '../../utils/urlTimeRange';

/**
 * The list's state in the URL (shared links, dashboard links): filters, time range, live.
 * Pure: URLSearchParams in, state out, and back.
 */
export const URL_KEYS = {
  type: 'type',
  tool: 'tool',
  integrationId: 'integration',
  customerId: 'customer',
  operation: 'operation',
  outcome: 'outcome',
  has4xx: 'has4xx',
  has5xx: 'has5xx',
  traceId: 'traceId',
  text: 'q',
  ...TIME_URL_KEYS,
} as const;

export const DEFAULT_FROM = 'now-6h';
export const DEFAULT_TO = 'now';

export interface LogsUrlState {
  filters: OperationFilters;
  from: string;
  to: string;
}

const flag = (v: string | null) => v === '1' || v === 'true';

export function parseLogsUrl(search: URLSearchParams): LogsUrlState {
  return {
    filters: {
      types: search
        .getAll(URL_KEYS.type)
        .flatMap((t) => t.split(','))
        .filter((t) => t !== ''),
      tool: search.get(URL_KEYS.tool) ?? '',
      integrationId: search.get(URL_KEYS.integrationId) ?? '',
      customerId: search.get(URL_KEYS.customerId) ?? '',
      operation: search.get(URL_KEYS.operation) ?? '',
      outcome: search.get(URL_KEYS.outcome) ?? '',
      has4xx: flag(search.get(URL_KEYS.has4xx)),
      has5xx: flag(search.get(URL_KEYS.has5xx)),
      traceId: search.get(URL_KEYS.traceId) ?? '',
      text: search.get(URL_KEYS.text) ?? '',
    },
    from: search.get(URL_KEYS.from) || DEFAULT_FROM,
    to: search.get(URL_KEYS.to) || DEFAULT_TO,
  };
}

/** Query object for locationService.partial: unset filters become null (removed from the URL). */
export function filtersToQuery(filters: OperationFilters): Record<string, string | string[] | null> {
  const str = (v: string) => (v.trim() === '' ? null : v);
  return {
    [URL_KEYS.type]: filters.types.length > 0 ? filters.types : null,
    [URL_KEYS.tool]: str(filters.tool),
    [URL_KEYS.integrationId]: str(filters.integrationId),
    [URL_KEYS.customerId]: str(filters.customerId),
    [URL_KEYS.operation]: str(filters.operation),
    [URL_KEYS.outcome]: str(filters.outcome),
    [URL_KEYS.has4xx]: filters.has4xx ? '1' : null,
    [URL_KEYS.has5xx]: filters.has5xx ? '1' : null,
    [URL_KEYS.traceId]: str(filters.traceId),
    [URL_KEYS.text]: filters.text === '' ? null : filters.text,
  };
}

export function hasActiveFilters(filters: OperationFilters): boolean {
  return JSON.stringify({ ...filters, types: [...filters.types] }) !== JSON.stringify(EMPTY_FILTERS);
}
