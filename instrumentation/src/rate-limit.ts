import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_RATELIMIT_LIMIT,
  ATTR_RATELIMIT_REMAINING,
  ATTR_RATELIMIT_RESET,
  ATTR_RATELIMIT_RETRY_AFTER_S,
} from './attributes.js';
import { firstValue } from './header-map.js';

type HeaderValue = string | string[] | undefined;

/** `Retry-After` is either delay-seconds or an HTTP date; returns seconds from `now`. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.round((date - now) / 1000));
}

/** [attribute, X-RateLimit-* header, IETF draft RateLimit-* header]; the X- form wins. */
const RATE_LIMIT_HEADERS: readonly (readonly [string, string, string])[] = [
  [ATTR_RATELIMIT_LIMIT, 'x-ratelimit-limit', 'ratelimit-limit'],
  [ATTR_RATELIMIT_REMAINING, 'x-ratelimit-remaining', 'ratelimit-remaining'],
  [ATTR_RATELIMIT_RESET, 'x-ratelimit-reset', 'ratelimit-reset'],
];

/**
 * Rate-limit facts from response headers (lower-cased names): `Retry-After`,
 * `X-RateLimit-Limit/Remaining/Reset` and the IETF draft `RateLimit-Limit/Remaining/Reset`;
 * undefined when the response has none of them (runs on every response).
 */
export function rateLimitAttributes(headers: Record<string, HeaderValue>): Attributes | undefined {
  let attrs: Attributes | undefined;
  const retryAfter = parseRetryAfter(firstValue(headers['retry-after']));
  if (retryAfter !== undefined) (attrs ??= {})[ATTR_RATELIMIT_RETRY_AFTER_S] = retryAfter;
  for (const [attribute, xName, draftName] of RATE_LIMIT_HEADERS) {
    const value = firstValue(headers[xName]) ?? firstValue(headers[draftName]);
    if (value !== undefined) (attrs ??= {})[attribute] = value;
  }
  return attrs;
}
