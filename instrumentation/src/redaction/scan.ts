/**
 * Free text and URLs. One combined, linear-time regex finds the places where a secret can
 * start (a URL, an XML tag, `key: value` / `key=value`, an auth scheme, a private-key block,
 * a long token-like run); a small callback decides and skips past what it redacted.
 *
 * ReDoS: the alternatives that can unwind a run (a key before `:`/`=`, a URL scheme
 * before `://`) start only after a character outside their class (look-behind), so each
 * run is unwound at most once; everything else is matched without backtracking or is
 * bounded. Values are then taken with sticky regexes or indexOf. Linear overall.
 */
import { reportFailure } from '../diagnostics.js';
import type { KeyMatcher } from './keys.js';
import { maskLengthAt, type RedactionRule } from './rules.js';
import { isUuidAt, redactTokenRun, secretTokenRule } from './tokens.js';

export interface ScanContext {
  keys: KeyMatcher;
  /** Replacement in text and bodies, default `[REDACTED]`. */
  replacement: string;
  /** Replacement inside URLs (contract: `REDACTED`). */
  urlReplacement: string;
  /** The replacement for a value hidden by `rule` (`[REDACTED:rule]` with showRule). */
  mask: (rule: RedactionRule) => string;
  /** The same inside URLs. */
  urlMask: (rule: RedactionRule) => string;
  showRule: boolean;
  /** false: a random-looking token alone is not hidden (structured values, see json.ts). */
  entropy?: boolean;
  /** This context with entropy off, made once per redactor. */
  asData?: ScanContext;
  /** User patterns, global copies. */
  extraPatterns: RegExp[];
  /** JSON key memo (json.ts), kept per redactor: key results depend only on its options. */
  keyMemo?: { keys: (string | undefined)[]; flags: number[]; text: (string | undefined)[] };
}

/** Case-insensitive literal without the `i` flag (which V8's step-counting engine lacks). */
function ci(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
}
const SCHEMES = `(?:${ci('bearer')}|${ci('basic')}|${ci('token')})`;

// No `i` flag, no look-ahead, no counted repeat above 16: the patterns stay within what
// V8 can count backtracks for, which is how test/redaction/redos.test.ts bounds them.
const SCAN = new RegExp(
  [
    '(?<pem>-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----)',
    '(?<url>(?<![A-Za-z0-9+.\\-])[A-Za-z][A-Za-z0-9+.\\-]*:\\/\\/)',
    '(?<xml><(?<tag>[A-Za-z_][\\w.:\\-]*))',
    '(?<kv>(?<![\\w.\\-$@])(?<k>[A-Za-z_][\\w.\\-]*)(?<q1>\\\\?["\'])?[ \\t]{0,4}[:=][ \\t]{0,4}(?<q2>\\\\?["\'])?)',
    `(?<scheme>\\b${SCHEMES}[ \\t]{1,4})`,
    '(?<tok>(?<![A-Za-z0-9+/_\\-.])[A-Za-z0-9+/_\\-.]{16,}={0,3})',
  ].join('|')
);

const SCHEME_CREDENTIAL = /[A-Za-z0-9._~+/-]{8,}=*/y;
const UNQUOTED_VALUE = new RegExp(`(?:(?:${SCHEMES}|${ci('digest')})[ \\t]+)?[^\\s"'&,;<>\\\\]+`, 'y');
const LINE_VALUE = /[^\r\n"\\]+/y;
const URL_EXTENT = /[^\s"'<>\\`]*/y;
const SCHEME_HINT = new RegExp(`\\b${SCHEMES}[ \\t]`);
const EMAIL_DOMAIN = /^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9.-])/;
/** Longest value replaced after a sensitive key in free text. */
const MAX_VALUE = 4096;

/** Header-like keys whose value runs to the end of the line (`Cookie: a=b; c=d`). */
function wholeLineKey(k: string): boolean {
  const l = k.toLowerCase();
  return l === 'cookie' || l === 'set-cookie';
}

/**
 * Character classes for the pre-check: 1 token char, 2 trigger, 3 colon, 4 blank. `.` ends
 * a run here although tokens may hold it: runs with dots are judged per dot-separated
 * segment (tokens.ts), and every shape found that way has a segment of 16+ (JWT parts,
 * SG./ya29. keys), so e-mail addresses and host names need no scan.
 */
const GATE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) GATE[c] = 1;
  else if ('=<\\{['.includes(ch)) GATE[c] = 2;
  else if (ch === ':') GATE[c] = 3;
  else if (ch === ' ' || ch === '\t') GATE[c] = 4;
}

/**
 * Cheap pre-check in one pass over s[from, to): can SCAN find anything here? Must stay a
 * superset of SCAN's triggers. `:` between two digits (times) does not count; `=`, `<`,
 * `\`, `{`, `[`, a token run of 16+ that is not a UUID, or an auth scheme word does.
 */
export function mightHoldSecret(s: string, from = 0, to = s.length): boolean {
  if (to - from < 5) return false;
  let runStart = from;
  let maxRun = 0;
  let space = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const g = c < 128 ? GATE[c]! : 0;
    if (g === 1) continue;
    const run = i - runStart;
    if (run >= 8) {
      // a long run may be a token, unless it is a UUID (ids are everywhere in API bodies)
      if (run >= 16 && !(run === 36 && isUuidAt(s, runStart))) return true;
      if (run > maxRun) maxRun = run;
    }
    runStart = i + 1;
    if (g === 0) continue;
    if (g === 2) return true;
    if (g === 3) {
      const p = i > from ? s.charCodeAt(i - 1) : 0;
      const q = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (!(p >= 48 && p <= 57 && q >= 48 && q <= 57) || !isClockColon(s, from, i)) return true;
    } else space = true;
  }
  const run = to - runStart;
  if (run >= 16 && !(run === 36 && isUuidAt(s, runStart))) return true;
  if (run > maxRun) maxRun = run;
  return space && maxRun >= 8 && SCHEME_HINT.test(from === 0 && to === s.length ? s : s.slice(from, to));
}

/** A whole value that is one URL (`https://...`, no spaces): the URL rules, no full scan. */
export function isPlainUrl(s: string): boolean {
  const sep = s.indexOf('://');
  if (sep < 2 || sep > 32) return false;
  for (let i = 0; i < sep; i++) {
    const c = s.charCodeAt(i);
    if (!(
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))
    ))
      return false;
  }
  for (let i = sep + 3; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 92 || c === 96) return false;
  }
  return true;
}

/**
 * A `:` between digits is a time or ratio (`09:30`, `T09:30`, `+02:00`, `1:2`) unless the
 * digits end a key (`pin2: 1234`, `secret_1:x`): letters other than an ISO `T`, or `_-.`,
 * right before them.
 */
function isClockColon(s: string, from: number, colon: number): boolean {
  let j = colon - 1;
  while (j >= from && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j--;
  if (j < from) return true;
  const c = s.charCodeAt(j);
  const letter = (x: number) => (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  if (letter(c)) return (c === 84 || c === 116) && !(j > from && letter(s.charCodeAt(j - 1)));
  return c !== 95 && c !== 45 && c !== 46;
}

function applyExtra(ctx: ScanContext, s: string): string {
  for (const re of ctx.extraPatterns) {
    re.lastIndex = 0;
    s = s.replace(re, ctx.mask('pattern'));
  }
  return s;
}

/** Free text: auth schemes, `secret=...`, JWTs, provider keys, URLs with credentials, ... */
export function redactText(ctx: ScanContext, s: string): string {
  if (typeof s !== 'string') return s;
  return mightHoldSecret(s) ? redactTextUnchecked(ctx, s) : ctx.extraPatterns.length ? applyExtra(ctx, s) : s;
}

/** redactText for a string that already passed mightHoldSecret. */
export function redactTextUnchecked(ctx: ScanContext, s: string): string {
  const out = isPlainUrl(s) ? redactUrl(ctx, s) : scan(ctx, s);
  return ctx.extraPatterns.length ? applyExtra(ctx, out) : out;
}

/** Scans nest (text -> url -> query value -> text); each level gets its own regex state. */
const MAX_NESTING = 4;
let nesting = 0;

function scan(ctx: ScanContext, s: string): string {
  if (nesting >= MAX_NESTING) return s.length >= 8 ? ctx.mask('unparsable') : s; // absurdly nested: drop it
  nesting++;
  try {
    return scanWith(ctx, s);
  } finally {
    nesting--;
  }
}

/** Text being rewritten: the output so far, where the copied input ends, and where the next search starts. */
class Rewrite {
  out = '';
  last = 0;
  pos = 0;

  constructor(readonly s: string) {}

  /** Replaces s[from..to) and goes on after it. */
  put(from: number, to: number, replacement: string): void {
    this.out += this.s.slice(this.last, from) + replacement;
    this.last = to;
    this.pos = to;
  }

  result(): string {
    return this.last === 0 ? this.s : this.out + this.s.slice(this.last);
  }
}

/** Length of a mask (of this context's replacement) already at `at`, 0 if none. */
function maskedAt(ctx: ScanContext, s: string, at: number): number {
  return maskLengthAt(s, at, ctx.replacement, ctx.showRule);
}

/**
 * SCAN has no `g` flag (V8 cannot count backtracks of a global regex with look-behind), so
 * each search runs on the rest of the string (an O(1) slice) from `pos`. Every step moves
 * `pos` past the match.
 */
function scanWith(ctx: ScanContext, s: string): string {
  const w = new Rewrite(s);
  for (;;) {
    const m = SCAN.exec(w.pos === 0 ? s : s.slice(w.pos));
    if (m === null) break;
    const g = m.groups!;
    const at = w.pos + m.index;
    const end = at + m[0].length;
    w.pos = end;
    if (g.pem !== undefined) redactPem(ctx, w, at, end);
    else if (g.url !== undefined) redactUrlAt(ctx, w, at, end);
    else if (g.xml !== undefined) redactXmlValue(ctx, w, g.tag!, end);
    else if (g.kv !== undefined) redactKeyValue(ctx, w, m, at, end);
    else if (g.scheme !== undefined) redactSchemeCredential(ctx, w, m[0], end);
    else if (g.tok !== undefined) redactToken(ctx, w, g.tok, at, end);
  }
  return w.result();
}

/** A private key block, up to its END line (or the end of the text). */
function redactPem(ctx: ScanContext, w: Rewrite, at: number, end: number): void {
  const s = w.s;
  const endMarker = s.indexOf('-----END', end);
  let stop = s.length;
  if (endMarker >= 0) {
    const close = s.indexOf('-----', endMarker + 8);
    stop = close >= 0 ? close + 5 : s.length;
  }
  w.put(at, stop, ctx.mask('pem'));
}

/** A URL in text, as far as it extends. */
function redactUrlAt(ctx: ScanContext, w: Rewrite, at: number, end: number): void {
  URL_EXTENT.lastIndex = end;
  const ext = URL_EXTENT.exec(w.s);
  const stop = end + (ext ? ext[0].length : 0);
  const u = w.s.slice(at, stop);
  const r = redactUrl(ctx, u);
  if (r !== u) w.put(at, stop, r);
  else w.pos = stop;
}

/** The content of an element with a sensitive name; otherwise its attributes are scanned as key=value. */
function redactXmlValue(ctx: ScanContext, w: Rewrite, tag: string, end: number): void {
  const s = w.s;
  if (!ctx.keys.isSensitive(tag.slice(tag.lastIndexOf(':') + 1))) return;
  const gt = s.indexOf('>', end);
  if (gt < 0 || s.charCodeAt(gt - 1) === 47 /* self-closing */) return;
  const lt = s.indexOf('<', gt + 1);
  const stop = lt >= 0 ? lt : s.length;
  if (stop > gt + 1 && maskedAt(ctx, s, gt + 1) === 0) w.put(gt + 1, stop, ctx.mask('key'));
  else w.pos = stop;
}

/** `key=value`, `key: value`, `"key": "value"`: the value goes when the key is sensitive. */
function redactKeyValue(ctx: ScanContext, w: Rewrite, m: RegExpExecArray, at: number, end: number): void {
  const s = w.s;
  const g = m.groups!;
  const k = g.k!;
  // `a=1&key=x`: query-string context, so the parameter rule applies (key, code, sig)
  const prev = at > 0 ? s.charCodeAt(at - 1) : 0;
  const param = m[0].includes('=') && (prev === 63 || prev === 38 || /^[^\s&]*&/.test(s.slice(end, end + 200)));
  // a random-looking run before `=` is base64 padding or a token, not a key name
  if ((k.length >= 32 && secretTokenRule(k) === 'entropy') || !ctx.keys.isSensitive(k, param ? 'param' : 'key')) {
    const r = redactTokenRun(k, ctx.mask, ctx.entropy !== false);
    if (r !== k) w.put(at, at + k.length, r);
    // else continue right after the separator: the value is scanned on its own
    return;
  }
  const already = maskedAt(ctx, s, end);
  if (already > 0) w.pos = end + already;
  else redactValueAfterKey(ctx, w, m, k, end);
}

/** The value after a sensitive key that ends at `end`: quoted, bracketed, to the end of the line, or one word. */
function redactValueAfterKey(ctx: ScanContext, w: Rewrite, m: RegExpExecArray, k: string, end: number): void {
  const s = w.s;
  const K = ctx.mask('key');
  const q2 = m.groups!.q2;
  if (q2 !== undefined) {
    const quote = q2[q2.length - 1]!;
    let close = closingQuote(s, end, quote, q2.length === 2);
    if (close < 0) close = s.length;
    else if (q2.length === 2) close--; // \"...\" (JSON inside a JSON string)
    const nl = s.indexOf('\n', end);
    const stop = Math.min(close, nl >= 0 ? nl : s.length, end + 4096);
    if (stop > end) w.put(end, stop, K);
  } else if (m[0].endsWith(':') && s.startsWith('//', end)) {
    // "x://" is a URL scheme, not a key
    w.pos = end;
  } else if (s.charCodeAt(end) === 123 || s.charCodeAt(end) === 91) {
    // "credentials": {...} inside text: the whole bracketed value goes
    w.put(end, bracketEnd(s, end), K);
  } else {
    const v = wholeLineKey(k) && m[0].includes(':') ? LINE_VALUE : UNQUOTED_VALUE; // "Cookie: a=b; c=d"
    v.lastIndex = end;
    const vm = v.exec(s);
    if (vm) w.put(end, end + Math.min(vm[0].length, MAX_VALUE), K);
  }
}

/** What sets a Bearer credential apart from prose ("Bearer authentication required"): a
 *  digit, a lower-to-upper case change or a separator between token characters, as the
 *  bearer-credential entry of secret-patterns.json asks of the collector. */
const BEARER_EVIDENCE = /[0-9]|[a-z][A-Z]|[._~+/-][A-Za-z0-9]/;

/** The credential after `Bearer`, `Basic` or `Token`, unless it is a plain word. */
function redactSchemeCredential(ctx: ScanContext, w: Rewrite, scheme: string, end: number): void {
  const s = w.s;
  SCHEME_CREDENTIAL.lastIndex = end;
  const cm = SCHEME_CREDENTIAL.exec(s);
  if (!cm) return;
  const cred = cm[0];
  const stop = end + cred.length;
  const next = stop < s.length ? s.charCodeAt(stop) : 0;
  const bearer = scheme.toLowerCase().startsWith('bearer');
  let coreLen = cred.length;
  while (coreLen > 0 && cred.charCodeAt(coreLen - 1) === 61) coreLen--;
  const core = cred.slice(0, coreLen);
  // "basic information", "token expired": plain words are not credentials; and
  // "token password=x" is a key=value pair, scanned as such from the next word on
  const padded = coreLen < cred.length;
  const whole =
    next === 0 ||
    next === 32 ||
    next === 9 ||
    next === 10 ||
    next === 13 ||
    next === 44 ||
    next === 59 ||
    next === 41 ||
    next === 93 ||
    next === 125 ||
    next === 60 ||
    next === 38 ||
    next === 92 ||
    (!padded && (next === 34 || next === 39));
  const evidence = bearer ? BEARER_EVIDENCE.test(core) : /[0-9A-Z+/_\-.~]/.test(core);
  if (whole && !cred.startsWith(ctx.replacement.slice(1)) && (evidence || padded)) {
    w.put(end, stop, ctx.mask('scheme'));
  }
}

/** A token-like run: provider keys, JWTs, random-looking strings (tokens.ts). */
function redactToken(ctx: ScanContext, w: Rewrite, t: string, at: number, end: number): void {
  const s = w.s;
  // the local part of an e-mail address (`3f9a...c1@reply.example.com`) is an address,
  // unless a `:` before it makes it the password of `user:password@host`
  if (
    s.charCodeAt(end) === 64 &&
    (at === 0 || s.charCodeAt(at - 1) !== 58) &&
    EMAIL_DOMAIN.test(s.slice(end + 1, end + 256))
  )
    return;
  const r = redactTokenRun(t, ctx.mask, ctx.entropy !== false);
  if (r !== t) w.put(at, end, r);
}

/**
 * The closing quote of a value opened just before `from`: the next `quote` not escaped by
 * a backslash, or (escapedForm) the next `\"` itself.
 */
function closingQuote(s: string, from: number, quote: string, escapedForm: boolean): number {
  for (let j = from; ;) {
    const q = s.indexOf(quote, j);
    if (q < 0) return -1;
    let b = 0;
    while (q - 1 - b >= from && s.charCodeAt(q - 1 - b) === 92) b++;
    if (escapedForm ? b % 2 === 1 : b % 2 === 0) return q;
    j = q + 1;
  }
}

/** End (exclusive) of the {...} or [...] opening at `open`, quotes respected; capped at MAX_VALUE. */
function bracketEnd(s: string, open: number): number {
  const limit = Math.min(s.length, open + MAX_VALUE);
  let depth = 0;
  let quote = 0;
  for (let i = open; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
  }
  return limit;
}

function safeDecode(s: string): string {
  if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    // Expected: not valid percent-encoding, so the value is scanned as it stands.
    return s;
  }
}

/**
 * `a=1&token=x` -> `a=1&token=REDACTED`. Names stay; a value goes when its name is
 * sensitive (parameter rule: also `key`, `code`, `sig`, ...) or the decoded value holds a
 * secret by the text rules. `sep` is `&` for query strings and form bodies.
 */
export function redactParams(ctx: ScanContext, q: string, mask: (rule: RedactionRule) => string, base: string): string {
  if (q === '') return q;
  const parts = q.split('&');
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const eq = p.indexOf('=');
    if (eq < 0) {
      const rule = secretTokenRule(safeDecode(p));
      if (rule !== undefined) {
        parts[i] = mask(rule);
        changed = true;
      }
      continue;
    }
    const value = p.slice(eq + 1);
    if (value === '' || maskLengthAt(value, 0, base, ctx.showRule) === value.length) continue;
    const name = safeDecode(p.slice(0, eq));
    const rule = ctx.keys.isSensitive(name, 'param') ? 'key' : textRule(ctx, safeDecode(value));
    if (rule !== undefined) {
      parts[i] = p.slice(0, eq + 1) + mask(rule);
      changed = true;
    }
  }
  return changed ? parts.join('&') : q;
}

/** The first rule that hides something in free text `s`, or undefined when nothing is hidden. */
function textRule(ctx: ScanContext, s: string): RedactionRule | undefined {
  if (!ctx.extraPatterns.length && !mightHoldSecret(s)) return undefined;
  if (!ctx.showRule) return redactText(ctx, s) !== s ? 'key' : undefined;
  let first: RedactionRule | undefined;
  const probe: ScanContext = {
    ...ctx,
    mask: (r) => ((first ??= r), ctx.mask(r)),
    urlMask: (r) => ((first ??= r), ctx.urlMask(r)),
  };
  return redactText(probe, s) !== s ? (first ?? 'pattern') : undefined;
}

const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:/;

const RUN16 = /(?<![A-Za-z0-9+_\-.])[A-Za-z0-9+_\-.]{16,}/;

function isTokenRun(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (GATE[c] !== 1 && c !== 46)) return false;
  }
  return true;
}

/** replace() over token runs of 16+, without a global regex (see scanWith). */
function replaceRuns(s: string, fn: (run: string) => string): string {
  let out = '';
  let last = 0;
  for (let pos = 0; ;) {
    const m = RUN16.exec(pos === 0 ? s : s.slice(pos));
    if (m === null) break;
    const at = pos + m.index;
    pos = at + m[0].length;
    const r = fn(m[0]);
    if (r !== m[0]) {
      out += s.slice(last, at) + r;
      last = pos;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Path segments after which the next segment is a credential (`/hooks/<token>`, `/token/<token>`). */
const PATH_CREDENTIAL_WORDS = new Set(['hook', 'hooks', 'webhook', 'webhooks']);

function credentialPathWord(ctx: ScanContext, seg: string): boolean {
  return (
    seg.length > 0 &&
    seg.length <= 32 &&
    (PATH_CREDENTIAL_WORDS.has(seg.toLowerCase()) || ctx.keys.isSensitive(seg, 'param'))
  );
}

/** A long segment of token characters with a digit: an id or a credential, by what precedes it. */
function tokenLike(seg: string): boolean {
  return seg.length >= 16 && isTokenRun(seg) && /\d/.test(seg);
}

function redactPath(ctx: ScanContext, path: string): string {
  if (path.length < 16) return path;
  const segs = path.split('/');
  let changed = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.length < 16) continue;
    const d = safeDecode(seg);
    let r = seg;
    const rule = i > 0 && credentialPathWord(ctx, segs[i - 1]!) && tokenLike(d) ? 'key' : secretTokenRule(d);
    if (rule !== undefined) r = ctx.urlMask(rule);
    else if (!isTokenRun(seg)) {
      // tokens inside a segment, e.g. /bot123:AAH.../ or /hooks/T0/B0/xyz
      r = replaceRuns(seg, (t) => {
        const inner = secretTokenRule(t);
        return inner === undefined ? t : ctx.urlMask(inner);
      });
    }
    if (r !== seg) {
      segs[i] = r;
      changed = true;
    }
  }
  return changed ? segs.join('/') : path;
}

/**
 * A URL (absolute or relative): user info -> `REDACTED:REDACTED@` (OTel semconv), secret
 * query and fragment values -> `REDACTED` (names kept), key-like path segments -> `REDACTED`.
 * Keeps everything else byte for byte; never throws.
 */
export function redactUrl(ctx: ScanContext, u: string): string {
  if (typeof u !== 'string') return u;
  try {
    const R = ctx.urlMask('userinfo');
    let i = 0;
    let out = '';
    const sm = SCHEME_PREFIX.exec(u);
    if (sm) i = sm[0].length;
    if (u.startsWith('//', i)) {
      let authEnd = u.length;
      for (let j = i + 2; j < u.length; j++) {
        const c = u.charCodeAt(j);
        if (c === 47 || c === 63 || c === 35) {
          authEnd = j;
          break;
        }
      }
      const authority = u.slice(i + 2, authEnd);
      const at = authority.lastIndexOf('@');
      out = u.slice(0, i + 2);
      if (at >= 0) {
        const userinfo = authority.slice(0, at);
        out += (userinfo.includes(':') ? `${R}:${R}` : R) + authority.slice(at);
      } else out += authority;
      i = authEnd;
    } else {
      out = u.slice(0, i);
    }
    const hash = u.indexOf('#', i);
    const qm = u.indexOf('?', i);
    const pathEnd = qm >= 0 && (hash < 0 || qm < hash) ? qm : hash >= 0 ? hash : u.length;
    out += redactPath(ctx, u.slice(i, pathEnd));
    if (qm >= 0 && (hash < 0 || qm < hash)) {
      const qEnd = hash >= 0 ? hash : u.length;
      out += '?' + redactParams(ctx, u.slice(qm + 1, qEnd), ctx.urlMask, ctx.urlReplacement);
    }
    if (hash >= 0) {
      const frag = u.slice(hash + 1);
      // OAuth implicit flow puts tokens in the fragment: treat name=value pairs like a query
      out +=
        '#' + (frag.includes('=') ? redactParams(ctx, frag, ctx.urlMask, ctx.urlReplacement) : redactPath(ctx, frag));
    }
    return ctx.extraPatterns.length ? applyExtra(ctx, out) : out;
  } catch (err) {
    reportFailure('debug', 'redacting the parts of a URL failed; replaced it whole', err);
    return ctx.urlMask('unparsable');
  }
}

/** A bare query string, e.g. the `url.query` attribute (a leading `?` is kept). */
export function redactQuery(ctx: ScanContext, q: string): string {
  if (typeof q !== 'string') return q;
  try {
    const lead = q.startsWith('?') ? '?' : '';
    const r = lead + redactParams(ctx, q.slice(lead.length), ctx.urlMask, ctx.urlReplacement);
    return ctx.extraPatterns.length ? applyExtra(ctx, r) : r;
  } catch (err) {
    reportFailure('debug', 'redacting the parameters of a query string failed; replaced it whole', err);
    return ctx.urlMask('unparsable');
  }
}
