/**
 * Header maps: names lower-cased; values follow one explicit table (HEADER_TABLE) of shown,
 * shown-verbatim and hidden headers. A header the table does not list is hidden unless the
 * user allows it; a user-allowed name that looks like a credential (key rule) stays hidden,
 * and hidden headers stay hidden whatever the user allows.
 */
import { reportFailure } from '../diagnostics.js';
import { CyclingMemo } from './cycling-memo.js';
import type { KeyMatcher } from './keys.js';
import { redactText, type ScanContext } from './scan.js';

/**
 * `shown`: the value is shown after the free-text scan; `verbatim`: shown as it is (fixed
 * grammars the scan would misread, values every browser receives); `hidden`: always
 * `[REDACTED]`. Names ending in `*` are prefixes.
 */
export type HeaderTreatment = 'shown' | 'verbatim' | 'hidden';

export const HEADER_TABLE: Readonly<Record<string, HeaderTreatment>> = {
  // content negotiation, caching, connection
  accept: 'shown',
  'accept-encoding': 'shown',
  'accept-language': 'shown',
  'accept-ranges': 'shown',
  'accept-patch': 'shown',
  age: 'shown',
  allow: 'shown',
  'alt-svc': 'shown',
  'cache-control': 'shown',
  connection: 'shown',
  'content-disposition': 'shown',
  'content-encoding': 'shown',
  'content-language': 'shown',
  'content-length': 'shown',
  'content-location': 'shown',
  'content-range': 'shown',
  'content-type': 'shown',
  'content-md5': 'shown',
  digest: 'shown',
  date: 'shown',
  etag: 'shown',
  expires: 'shown',
  host: 'shown',
  'if-match': 'shown',
  'if-modified-since': 'shown',
  'if-none-match': 'shown',
  'keep-alive': 'shown',
  'last-modified': 'shown',
  link: 'shown',
  location: 'shown',
  origin: 'shown',
  pragma: 'shown',
  priority: 'shown',
  referer: 'shown',
  'retry-after': 'shown',
  server: 'shown',
  'transfer-encoding': 'shown',
  'user-agent': 'shown',
  vary: 'shown',
  via: 'shown',
  'www-authenticate': 'shown',
  'x-powered-by': 'shown',
  'x-forwarded-proto': 'shown',
  'x-forwarded-host': 'shown',
  'x-forwarded-port': 'shown',
  deprecation: 'shown',
  sunset: 'shown',
  'api-version': 'shown',
  'x-api-version': 'shown',
  // request ids and trace context (ids, no credentials)
  traceparent: 'shown',
  tracestate: 'shown',
  'x-request-id': 'shown',
  'request-id': 'shown',
  'x-correlation-id': 'shown',
  'correlation-id': 'shown',
  'x-amzn-requestid': 'shown',
  'x-amz-request-id': 'shown',
  'x-amzn-trace-id': 'shown',
  'x-amz-id-2': 'shown',
  'x-amz-cf-id': 'shown',
  'x-amz-cf-pop': 'shown',
  'x-github-request-id': 'shown',
  'x-trace-id': 'shown',
  'trace-id': 'shown',
  'x-b3-*': 'shown',
  b3: 'shown',
  'x-cloud-trace-context': 'shown',
  'sentry-trace': 'shown',
  'x-datadog-trace-id': 'shown',
  'x-datadog-parent-id': 'shown',
  'x-datadog-sampling-priority': 'shown',
  'cf-ray': 'shown',
  'cf-cache-status': 'shown',
  'x-vercel-id': 'shown',
  'fly-request-id': 'shown',
  'x-runtime': 'shown',
  'x-response-time': 'shown',
  'server-timing': 'shown',
  'x-envoy-upstream-service-time': 'shown',
  'x-cache': 'shown',
  'x-cache-hits': 'shown',
  'x-served-by': 'shown',
  'x-timer': 'shown',
  // paging and rate limits
  'x-total-count': 'shown',
  'x-total': 'shown',
  'x-total-pages': 'shown',
  'x-page': 'shown',
  'x-per-page': 'shown',
  'x-next-page': 'shown',
  'x-prev-page': 'shown',
  'x-ratelimit-*': 'shown',
  'x-rate-limit-*': 'shown',
  ratelimit: 'shown',
  'ratelimit-*': 'shown',
  'x-hubspot-ratelimit-*': 'shown',
  'x-shopify-shop-api-call-limit': 'shown',
  // security policies: sent to every browser, so public; their hashes and nonces are not credentials
  'content-security-policy': 'verbatim',
  'content-security-policy-report-only': 'verbatim',
  'strict-transport-security': 'shown',
  'x-content-type-options': 'shown',
  'x-frame-options': 'shown',
  'x-xss-protection': 'shown',
  'referrer-policy': 'shown',
  'permissions-policy': 'shown',
  'cross-origin-opener-policy': 'shown',
  'cross-origin-embedder-policy': 'shown',
  'cross-origin-resource-policy': 'shown',
  'x-permitted-cross-domain-policies': 'shown',
  'x-dns-prefetch-control': 'shown',
  'x-download-options': 'shown',
  'timing-allow-origin': 'shown',
  'report-to': 'shown',
  'reporting-endpoints': 'shown',
  nel: 'shown',
  'expect-ct': 'shown',
  'access-control-*': 'shown',
  // browser fetch metadata and user-agent client hints: fixed vocabularies
  'sec-fetch-*': 'shown',
  'sec-ch-ua*': 'shown',
  // credentials, signatures, and baggage (which can carry anything)
  authorization: 'hidden',
  'proxy-authorization': 'hidden',
  cookie: 'hidden',
  'set-cookie': 'hidden',
  'x-api-key': 'hidden',
  'api-key': 'hidden',
  apikey: 'hidden',
  'x-auth-token': 'hidden',
  'x-access-token': 'hidden',
  'x-csrf-token': 'hidden',
  'x-xsrf-token': 'hidden',
  'x-amz-security-token': 'hidden',
  'x-goog-api-key': 'hidden',
  'x-hub-signature': 'hidden',
  'x-hub-signature-256': 'hidden',
  'stripe-signature': 'hidden',
  'x-shopify-hmac-sha256': 'hidden',
  'x-slack-signature': 'hidden',
  'x-twilio-signature': 'hidden',
  baggage: 'hidden',
};

/** Names the table shows (the default allow-list). */
export const DEFAULT_ALLOWED_HEADERS: readonly string[] = Object.keys(HEADER_TABLE).filter(
  (h) => HEADER_TABLE[h] !== 'hidden'
);

/**
 * A verbatim header, or one shown verbatim when it matches its grammar: a W3C traceparent
 * is ids in hex.
 */
const VERBATIM_WHEN_WELL_FORMED = new Map<string, RegExp>([
  ['traceparent', /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/],
]);

export interface HeaderPolicy {
  /** How a header's value is treated. */
  treatment(name: string): HeaderTreatment;
  /** Scanned shown values: most repeat on every request (content types, agents, hosts). */
  readonly scanned: CyclingMemo<string>;
}

/** Bounds of the scanned-value memo: entries, and length of a value worth remembering. */
const MEMO_ENTRIES = 256;
const MEMO_MAX_LENGTH = 128;

function lookup(
  table: ReadonlyMap<string, HeaderTreatment>,
  prefixes: readonly [string, HeaderTreatment][],
  name: string
): HeaderTreatment | undefined {
  const exact = table.get(name);
  if (exact !== undefined) return exact;
  for (const [p, t] of prefixes) if (name.startsWith(p)) return t;
  return undefined;
}

function tableOf(
  entries: Iterable<[string, HeaderTreatment]>
): [Map<string, HeaderTreatment>, [string, HeaderTreatment][]] {
  const exact = new Map<string, HeaderTreatment>();
  const prefixes: [string, HeaderTreatment][] = [];
  for (const [h, t] of entries) {
    if (typeof h !== 'string') continue;
    const l = h.trim().toLowerCase();
    if (l.endsWith('*')) prefixes.push([l.slice(0, -1), t]);
    else if (l) exact.set(l, t);
  }
  return [exact, prefixes];
}

const [DEFAULT_EXACT, DEFAULT_PREFIXES] = tableOf(Object.entries(HEADER_TABLE));

export function createHeaderPolicy(keys: KeyMatcher, extraAllowed: readonly string[] = []): HeaderPolicy {
  const [userExact, userPrefixes] = tableOf(
    extraAllowed.filter((h) => typeof h === 'string').map((h) => [h, 'shown' as const])
  );
  const cache = new Map<string, HeaderTreatment>();
  return {
    scanned: new CyclingMemo<string>(MEMO_ENTRIES),
    treatment(name: string): HeaderTreatment {
      let r = cache.get(name);
      if (r === undefined) {
        // the table first (its entries were chosen one by one, `access-control-allow-credentials`
        // included); then the user's list, where the key rule still guards credential-like names
        r =
          lookup(DEFAULT_EXACT, DEFAULT_PREFIXES, name) ??
          (lookup(userExact, userPrefixes, name) !== undefined && !keys.isSensitive(name, 'param')
            ? 'shown'
            : 'hidden');
        if (cache.size < 1000) cache.set(name, r);
      }
      return r;
    },
  };
}

type HeaderInput =
  Record<string, string | string[] | number | undefined> | Iterable<[string, unknown]> | null | undefined;

function entries(h: HeaderInput): [string, unknown][] {
  if (!h || typeof h !== 'object') return [];
  if (
    typeof (h as { forEach?: unknown }).forEach === 'function' &&
    !Array.isArray(h) &&
    typeof (h as Headers).get === 'function'
  ) {
    const out: [string, unknown][] = [];
    (h as Headers).forEach((v, k) => out.push([k, v]));
    return out;
  }
  if (Array.isArray(h) || typeof (h as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(h as Iterable<[string, unknown]>).filter((e) => Array.isArray(e) && e.length >= 2) as [
      string,
      unknown,
    ][];
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
  value: unknown
): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const lower = name.toLowerCase();
  const treatment = policy.treatment(lower);
  if (treatment === 'hidden') {
    const m = ctx.mask('header');
    return Array.isArray(value) ? value.map(() => m) : m;
  }
  const format = VERBATIM_WHEN_WELL_FORMED.get(lower);
  if (!Array.isArray(value)) return shownValue(ctx, policy, treatment, format, value);
  const out: string[] = [];
  for (const v of value) out.push(shownValue(ctx, policy, treatment, format, v));
  return out;
}

function shownValue(
  ctx: ScanContext,
  policy: HeaderPolicy,
  treatment: HeaderTreatment,
  format: RegExp | undefined,
  value: unknown
): string {
  const text = str(value);
  return treatment === 'verbatim' || format?.test(text) ? text : scanAllowed(ctx, policy, text);
}

/**
 * redactText of a shown value, remembered for short values (the scan is pure per redactor).
 * The table lists headers that carry no credentials, so a random-looking token in them (an
 * etag, a CloudFront id) is data: the entropy rule is off, the other rules stay.
 */
function scanAllowed(ctx: ScanContext, policy: HeaderPolicy, v: string): string {
  const data = (ctx.asData ??= { ...ctx, entropy: false });
  if (v.length > MEMO_MAX_LENGTH) return redactText(data, v);
  return policy.scanned.get(v) ?? policy.scanned.set(v, redactText(data, v));
}

export function redactHeaders(
  ctx: ScanContext,
  policy: HeaderPolicy,
  h: HeaderInput
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  try {
    if (h && typeof h === 'object' && Object.getPrototypeOf(h) === Object.prototype) {
      // the common case, a plain object: no intermediate entry arrays
      const o = h as Record<string, unknown>;
      for (const k in o) if (Object.hasOwn(o, k)) addRedacted(out, ctx, policy, k, o[k]);
    } else {
      for (const [rawName, value] of entries(h)) addRedacted(out, ctx, policy, rawName, value);
    }
  } catch (err) {
    // a hostile header object: keep what was redacted so far
    reportFailure('debug', 'reading a header object failed; kept the headers redacted so far', err);
  }
  return out;
}

function addRedacted(
  out: Record<string, string | string[]>,
  ctx: ScanContext,
  policy: HeaderPolicy,
  rawName: unknown,
  value: unknown
): void {
  const name = String(rawName).toLowerCase();
  const v = redactHeaderValue(ctx, policy, name, value);
  if (v === undefined || name === '__proto__') return;
  const prev = out[name];
  if (prev === undefined) out[name] = v;
  else out[name] = ([] as string[]).concat(prev, v);
}
