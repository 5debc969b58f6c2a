/**
 * Header maps: names lower-cased, values kept only for allow-listed names (and still
 * scanned as text); credential headers are redacted even when a user allow-lists them.
 */
import type { KeyMatcher } from './keys.js';
import { redactText, type ScanContext } from './scan.js';

/** Headers whose values are useful for debugging and carry no credentials. */
export const DEFAULT_ALLOWED_HEADERS = [
  'accept', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow', 'cache-control',
  'connection', 'content-disposition', 'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-range', 'content-type', 'date', 'etag', 'expires', 'host',
  'if-match', 'if-modified-since', 'if-none-match', 'keep-alive', 'last-modified', 'link', 'location',
  'origin', 'pragma', 'referer', 'retry-after', 'server', 'strict-transport-security', 'traceparent',
  'tracestate', 'transfer-encoding', 'user-agent', 'vary', 'via', 'www-authenticate',
  'x-content-type-options', 'x-correlation-id', 'correlation-id', 'x-frame-options', 'x-powered-by',
  'x-request-id', 'request-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-total-count', 'x-page',
  'x-per-page', 'x-next-page', 'x-ratelimit-*', 'x-rate-limit-*', 'ratelimit', 'ratelimit-*',
  'ratelimit-policy',
  // Browser fetch metadata and user-agent client hints: fixed vocabularies, no credentials.
  'sec-fetch-*', 'sec-ch-ua*',
];

/**
 * Allowed headers whose values are shown without the text scan when they match their
 * grammar: a W3C traceparent is ids in hex, which the key-like-string rule would redact.
 */
const VERBATIM_WHEN_WELL_FORMED = new Map<string, RegExp>([['traceparent', /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/]]);

/** Always redacted, whatever the allow-list says. */
const CREDENTIAL_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'apikey',
  'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token', 'x-amz-security-token',
]);

export interface HeaderPolicy {
  /** true: value may be shown (after text scanning). */
  allows(name: string): boolean;
  /** Scanned allow-listed values: most repeat on every request (content types, agents, hosts). */
  readonly scanned: Map<string, string>;
}

/** Bounds of the scanned-value memo: entries, and length of a value worth remembering. */
const MEMO_ENTRIES = 256;
const MEMO_MAX_LENGTH = 128;

export function createHeaderPolicy(keys: KeyMatcher, extraAllowed: readonly string[] = []): HeaderPolicy {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const h of [...DEFAULT_ALLOWED_HEADERS, ...extraAllowed]) {
    if (typeof h !== 'string') continue;
    const l = h.trim().toLowerCase();
    if (l.endsWith('*')) prefixes.push(l.slice(0, -1));
    else if (l) exact.add(l);
  }
  const cache = new Map<string, boolean>();
  return {
    scanned: new Map<string, string>(),
    allows(name: string): boolean {
      let r = cache.get(name);
      if (r === undefined) {
        r =
          !CREDENTIAL_HEADERS.has(name) &&
          !keys.isSensitive(name, 'param') &&
          (exact.has(name) || prefixes.some((p) => name.startsWith(p)));
        if (cache.size < 1000) cache.set(name, r);
      }
      return r;
    },
  };
}

type HeaderInput = Record<string, string | string[] | number | undefined> | Iterable<[string, unknown]> | null | undefined;

function entries(h: HeaderInput): [string, unknown][] {
  if (!h || typeof h !== 'object') return [];
  if (typeof (h as { forEach?: unknown }).forEach === 'function' && !Array.isArray(h) && typeof (h as Headers).get === 'function') {
    const out: [string, unknown][] = [];
    (h as Headers).forEach((v, k) => out.push([k, v]));
    return out;
  }
  if (Array.isArray(h) || typeof (h as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(h as Iterable<[string, unknown]>).filter((e) => Array.isArray(e) && e.length >= 2) as [string, unknown][];
  }
  return Object.entries(h);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
}

export function redactHeaderValue(
  ctx: ScanContext,
  policy: HeaderPolicy,
  name: string,
  value: unknown,
): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const lower = name.toLowerCase();
  if (!policy.allows(lower)) return Array.isArray(value) ? value.map(() => ctx.replacement) : ctx.replacement;
  const format = VERBATIM_WHEN_WELL_FORMED.get(lower);
  const show = (v: unknown) => {
    const text = str(v);
    return format?.test(text) ? text : scanAllowed(ctx, policy, text);
  };
  return Array.isArray(value) ? value.map(show) : show(value);
}

/** redactText of an allow-listed value, remembered for short values (the scan is pure per redactor). */
function scanAllowed(ctx: ScanContext, policy: HeaderPolicy, v: string): string {
  if (v.length > MEMO_MAX_LENGTH) return redactText(ctx, v);
  const memo = policy.scanned;
  let r = memo.get(v);
  if (r === undefined) {
    r = redactText(ctx, v);
    if (memo.size >= MEMO_ENTRIES) memo.clear(); // values that never repeat (dates, trace ids) just cycle through
    memo.set(v, r);
  }
  return r;
}

export function redactHeaders(
  ctx: ScanContext,
  policy: HeaderPolicy,
  h: HeaderInput,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (rawName: unknown, value: unknown): void => {
    const name = String(rawName).toLowerCase();
    const v = redactHeaderValue(ctx, policy, name, value);
    if (v === undefined || name === '__proto__') return;
    const prev = out[name];
    if (prev === undefined) out[name] = v;
    else out[name] = ([] as string[]).concat(prev, v);
  };
  try {
    if (h && typeof h === 'object' && Object.getPrototypeOf(h) === Object.prototype) {
      // the common case, a plain object: no intermediate entry arrays
      const o = h as Record<string, unknown>;
      for (const k in o) if (Object.hasOwn(o, k)) add(k, o[k]);
    } else {
      for (const [rawName, value] of entries(h)) add(rawName, value);
    }
  } catch {
    // a hostile header object: keep what was redacted so far
  }
  return out;
}
