/**
 * Redaction before export, on by default. See docs/telemetry.md (Redaction) for the
 * contract; keys.ts for the key rule, scan.ts for free text and URLs, json.ts for bodies.
 */
import { reportFailure } from '../diagnostics.js';
import { CyclingMemo } from './cycling-memo.js';
import { createKeyMatcher } from './keys.js';
import { redactBody } from './body.js';
import { createHeaderPolicy, redactHeaders, redactHeaderValue, type HeaderPolicy } from './headers.js';
import { hideFor, Hide, redactValue } from './json.js';
import { masksFor } from './rules.js';
import { redactQuery, redactText, redactUrl, type ScanContext } from './scan.js';

export { DEFAULT_ALLOWED_HEADERS, HEADER_TABLE, type HeaderTreatment } from './headers.js';
export type { RedactionRule } from './rules.js';
export { RedactingLogRecordProcessor, RedactingSpanProcessor } from './processors.js';

export interface RedactionOptions {
  /** More sensitive keys: a string matches as a word in any spelling (`employeeNumber`
   *  also matches `employee_number`), a RegExp is tested against the raw key. */
  extraKeys?: (string | RegExp)[];
  /** More patterns for free text, bodies and URLs; each match is replaced. */
  extraPatterns?: RegExp[];
  /** Header names (lower-case, `x-foo-*` prefixes allowed) whose values may be shown, in
   *  addition to the defaults. Credential headers stay redacted. */
  allowedHeaders?: string[];
  /** Default "[REDACTED]". URLs use "REDACTED" unless this is set. */
  replacement?: string;
  /** Name the rule that hid each value: `[REDACTED:key]`, `REDACTED:entropy` in URLs. */
  showRule?: boolean;
}

export type HeaderMap = Record<string, string | string[] | number | undefined>;

export interface Redactor {
  /** User info -> REDACTED:REDACTED, secret query values -> REDACTED (names kept). */
  url(url: string): string;
  /** A bare query string (`a=1&token=x`), as in the `url.query` attribute. */
  query(query: string): string;
  /** Names lower-cased; values outside the allow-list -> "[REDACTED]". */
  headers(h: HeaderMap): Record<string, string | string[]>;
  /** JSON (any depth), form, multipart or text, by content type. */
  body(body: string, contentType?: string): string;
  /** Free text: bearer tokens, JWTs, key-like strings, `password=...`, URLs. */
  text(s: string): string;
  /** Attribute / log values: strings as text, arrays and objects deeply (key rule). */
  attribute(v: unknown): unknown;
  /** An attribute by its key: url keys, header keys, sensitive keys, else attribute(). */
  attributeFor(key: string, v: unknown): unknown;
}

const URL_KEYS = new Set(['url.full', 'http.url', 'url.original', 'http.target', 'url.path', 'http.route.full']);
const QUERY_KEYS = new Set(['url.query']);
const HEADER_PREFIXES = ['http.request.header.', 'http.response.header.'];
/** Attribute namespaces whose key names are defined by us or by OTel semconv: values are
 *  scanned, but the key rule does not apply (`integration.flow.session.id` is no secret). */
const KNOWN_NAMESPACES = [
  'integration.',
  'http.',
  'url.',
  'server.',
  'client.',
  'network.',
  'error.',
  'exception.',
  'event.',
  'service.',
  'telemetry.',
  'otel.',
  'session.',
  'user_agent.',
  'code.',
  'thread.',
  'process.',
  'host.',
  'deployment.',
  'rpc.',
  'messaging.',
  'db.',
  'peer.',
  'net.',
];

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : String(v ?? '');
  } catch (err) {
    reportFailure('debug', 'converting a value to a string failed; redacting an empty string instead', err);
    return '';
  }
}

/** The scan context of a redactor's options: replacements, masks, keys and user patterns. */
function scanContext(options: RedactionOptions): ScanContext {
  const replacement = typeof options.replacement === 'string' ? options.replacement : '[REDACTED]';
  const urlReplacement = typeof options.replacement === 'string' ? encodeURIComponent(replacement) : 'REDACTED';
  const showRule = options.showRule === true;
  return {
    keys: createKeyMatcher(options.extraKeys ?? []),
    replacement,
    urlReplacement,
    mask: masksFor(replacement, showRule),
    urlMask: masksFor(urlReplacement, showRule),
    showRule,
    extraPatterns: (options.extraPatterns ?? [])
      .filter((p): p is RegExp => p instanceof RegExp)
      .map((p) => new RegExp(p.source, p.flags.replace(/[gy]/g, '') + 'g')),
  };
}

export function createRedactor(options: RedactionOptions = {}): Redactor {
  const ctx = scanContext(options);
  const policy = createHeaderPolicy(ctx.keys, options.allowedHeaders ?? []);
  const lastByKey = new Map<string, AttributeMemo>();
  // The last url() result: a request span carries it as url.full moments later, when the
  // span processor redacts the span (as the log last line, it is not redacted twice).
  let lastUrl: string | undefined;
  // The key rule per attribute key (keys are few; values change on every request).
  const hideByKey = new CyclingMemo<Hide>(MEMO_KEYS);
  const hideOf = (key: string): Hide =>
    hideByKey.get(key) ??
    hideByKey.set(key, KNOWN_NAMESPACES.some((p) => key.startsWith(p)) ? Hide.None : hideFor(ctx.keys, key));
  const uncached = (key: string, v: unknown) => attributeForUncached(ctx, policy, key, v, lastUrl, hideOf);

  // try/catch inline rather than through a wrapper: these run several times per request
  return {
    url(u) {
      try {
        return (lastUrl = redactUrl(ctx, safeString(u)));
      } catch (err) {
        reportFailure('debug', 'redacting a URL failed; replaced it whole', err);
        return ctx.urlMask('unparsable');
      }
    },
    query(q) {
      try {
        return redactQuery(ctx, safeString(q));
      } catch (err) {
        reportFailure('debug', 'redacting a query string failed; replaced it whole', err);
        return ctx.urlMask('unparsable');
      }
    },
    headers(h) {
      try {
        return redactHeaders(ctx, policy, h);
      } catch (err) {
        reportFailure('debug', 'redacting headers failed; left them all out', err);
        return {};
      }
    },
    body(b, ct) {
      try {
        return redactBody(ctx, b, ct);
      } catch (err) {
        reportFailure('debug', 'redacting a body failed; replaced it whole', err);
        return ctx.mask('unparsable');
      }
    },
    text(s) {
      try {
        return redactText(ctx, safeString(s));
      } catch (err) {
        reportFailure('debug', 'redacting text failed; replaced it whole', err);
        return ctx.mask('unparsable');
      }
    },
    attribute(v) {
      try {
        return redactValue(ctx, v);
      } catch (err) {
        reportFailure('debug', 'redacting a value failed; replaced it whole', err);
        return ctx.mask('unparsable');
      }
    },
    attributeFor(key, v) {
      try {
        return memoizedAttribute(lastByKey, key, v, uncached);
      } catch (err) {
        reportFailure('debug', 'redacting an attribute failed; replaced its value whole', err);
        return ctx.mask('unparsable');
      }
    },
  };
}

/**
 * attributeFor through the memo: attribute values repeat across spans and records (method,
 * host, scheme, the operation's tool and ids, header values), so the last result per key
 * is kept.
 */
function memoizedAttribute(
  lastByKey: Map<string, AttributeMemo>,
  key: string,
  v: unknown,
  uncached: (key: string, v: unknown) => unknown
): unknown {
  let raw: string | undefined;
  if (typeof v === 'string') raw = v;
  else if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') raw = v[0] as string;
  if (raw === undefined || raw.length > MEMO_MAX_LENGTH) return uncached(key, v);
  const array = raw !== v;
  const memo = lastByKey.get(key);
  if (memo !== undefined && memo.raw === raw && memo.array === array)
    return Array.isArray(memo.result) ? memo.result.slice() : memo.result;
  const result = uncached(key, v);
  const kept = Array.isArray(result) ? result.slice() : result;
  if (memo !== undefined) {
    memo.raw = raw;
    memo.array = array;
    memo.result = kept;
  } else if (lastByKey.size < MEMO_KEYS) lastByKey.set(key, { raw, array, result: kept });
  return result;
}

/** An attribute by its key: url keys, query keys, header keys, sensitive keys, else as a value. */
function attributeForUncached(
  ctx: ScanContext,
  policy: HeaderPolicy,
  key: string,
  v: unknown,
  lastUrl: string | undefined,
  hideOf: (key: string) => Hide
): unknown {
  try {
    if (typeof v === 'string') {
      const urlKey = URL_KEYS.has(key);
      if (urlKey || QUERY_KEYS.has(key)) {
        // The URL the redactor returned last, or a part of it (a request span's url.path and
        // url.query next to its url.full), is redactor output already: nothing in it is new.
        if (lastUrl !== undefined && lastUrl.includes(v)) return v;
        return urlKey ? redactUrl(ctx, v) : redactQuery(ctx, v);
      }
    }
    if (key.startsWith('http.re')) {
      for (const p of HEADER_PREFIXES) {
        if (key.startsWith(p)) return redactHeaderValue(ctx, policy, key.slice(p.length), v);
      }
    }
    return redactValue(ctx, v, hideOf(key));
  } catch (err) {
    reportFailure('debug', 'redacting an attribute by its key failed; replaced its value whole', err);
    return ctx.mask('unparsable');
  }
}

/** The last value seen under one attribute key and its redaction (see attributeFor). */
interface AttributeMemo {
  raw: string;
  /** The value was a one-element array holding `raw`. */
  array: boolean;
  result: unknown;
}
const MEMO_KEYS = 1024;
const MEMO_MAX_LENGTH = 256;
