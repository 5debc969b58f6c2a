import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import { normalizeTraceId } from '../domain/traceId';

/** Prefixes a route with the plugin's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** URL of one operation's detail page; keeps the list's search (filters, time range) for the way back. */
export function logDetailUrl(traceId: string, search = ''): string {
  return `${prefixRoute(ROUTES.Logs)}/${encodeURIComponent(normalizeTraceId(traceId))}${search}`;
}

/** URL of the Requests page. */
export function requestsUrl(search = ''): string {
  return `${prefixRoute(ROUTES.Requests)}${search}`;
}

/** URL of the logs list. */
export function logsUrl(search = ''): string {
  return `${prefixRoute(ROUTES.Logs)}${search}`;
}
