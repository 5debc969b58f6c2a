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

/**
 * Rate-limit facts from response headers (lower-cased names): `Retry-After`,
 * `X-RateLimit-Limit/Remaining/Reset` and the IETF draft `RateLimit-Limit/Remaining/Reset`.
 */
export function rateLimitAttributes(headers: Record<string, HeaderValue>): Attributes {
  const attrs: Attributes = {};
  const retryAfter = parseRetryAfter(firstValue(headers['retry-after']));
  if (retryAfter !== undefined) attrs[ATTR_RATELIMIT_RETRY_AFTER_S] = retryAfter;
  const pick = (suffix: string) =>
    firstValue(headers[`x-ratelimit-${suffix}`]) ?? firstValue(headers[`ratelimit-${suffix}`]);
  const limit = pick('limit');
  const remaining = pick('remaining');
  const reset = pick('reset');
  if (limit !== undefined) attrs[ATTR_RATELIMIT_LIMIT] = limit;
  if (remaining !== undefined) attrs[ATTR_RATELIMIT_REMAINING] = remaining;
  if (reset !== undefined) attrs[ATTR_RATELIMIT_RESET] = reset;
  return attrs;
}
