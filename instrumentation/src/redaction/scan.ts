/**
 * Free text and URLs. One combined, linear-time regex finds the places where a secret can
 * start (a URL, an XML tag, `key: value` / `key=value`, an auth scheme, a private-key block,
 * a long token-like run); a small callback decides and skips past what it redacted.
 *
 * ReDoS: every quantifier that can be followed by a failing test is bounded, and runs start
 * only after a character outside their class (look-behind), so each position is tried a
 * bounded number of times.
 */
import type { KeyMatcher } from './keys.js';
import { isSecretToken, redactTokenRun } from './tokens.js';

export interface ScanContext {
  keys: KeyMatcher;
  /** Replacement in text and bodies, default `[REDACTED]`. */
  replacement: string;
  /** Replacement inside URLs (contract: `REDACTED`). */
  urlReplacement: string;
  /** User patterns, global copies. */
  extraPatterns: RegExp[];
}

const SCAN = new RegExp(
  [
    '(?<pem>-----BEGIN[A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----)',
    '(?<url>(?<![A-Za-z0-9+.\\-])[A-Za-z][A-Za-z0-9+.\\-]{1,31}:\\/\\/)',
    '(?<xml><(?<tag>[A-Za-z_][\\w.:\\-]{0,99}))',
    '(?<kv>(?<![\\w.\\-$@])(?<k>[A-Za-z_][\\w.\\-]{0,99})(?<q1>\\\\?["\'])?[ \\t]{0,4}[:=](?!\\/\\/)[ \\t]{0,4}(?<q2>\\\\?["\'])?)',
    '(?<scheme>\\b(?:bearer|basic|token)[ \\t]{1,4})',
    '(?<tok>(?<![A-Za-z0-9+/_\\-.])[A-Za-z0-9+/_\\-.]{16,}={0,3})',
  ].join('|'),
  'gi',
);

const SCHEME_CREDENTIAL = /[A-Za-z0-9\-._~+/]{8,4096}=*/y;
const UNQUOTED_VALUE = /(?:(?:bearer|basic|token|digest)[ \t]+)?[^\s"'&,;<>\\]{1,4096}/iy;
const LINE_VALUE = /[^\r\n"\\]{1,4096}/y;
const URL_EXTENT = /[^\s"'<>\\`]{0,8192}/y;
const SCHEME_HINT = /\b(?:bearer|basic|token)[ \t]/i;

/** Header-like keys whose value runs to the end of the line (`Cookie: a=b; c=d`). */
function wholeLineKey(k: string): boolean {
  const l = k.toLowerCase();
  return l === 'cookie' || l === 'set-cookie';
}

/** Character classes for the pre-check: 1 token char, 2 trigger, 3 colon, 4 blank. */
const GATE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_.\-]/.test(ch)) GATE[c] = 1;
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
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 0;
    const g = c < 128 ? GATE[c]! : 0;
    if (g === 1) continue;
    const run = i - runStart;
    // a long run may be a token, unless it is a UUID (ids are everywhere in API bodies)
    if (run >= 16 && !(run === 36 && isUuidAt(s, runStart))) return true;
    if (run > maxRun) maxRun = run;
    runStart = i + 1;
    if (g === 0) continue;
    if (g === 2) return true;
    if (g === 3) {
      const p = i > from ? s.charCodeAt(i - 1) : 0;
      const q = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (!(p >= 48 && p <= 57 && q >= 48 && q <= 57)) return true;
    } else space = true;
  }
  return space && maxRun >= 8 && SCHEME_HINT.test(from === 0 && to === s.length ? s : s.slice(from, to));
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** 8-4-4-4-12 hex digits starting at `at`. */
export function isUuidAt(s: string, at: number): boolean {
  if (at + 36 > s.length) return false;
  for (let j = 0; j < 36; j++) {
    const c = s.charCodeAt(at + j);
    if (j === 8 || j === 13 || j === 18 || j === 23) {
      if (c !== 45) return false;
    } else if (!isHex(c)) return false;
  }
  return true;
}

/** A whole value that is one URL (`https://...`, no spaces): the URL rules, no full scan. */
export function isPlainUrl(s: string): boolean {
  const sep = s.indexOf('://');
  if (sep < 2 || sep > 32) return false;
  for (let i = 0; i < sep; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)))) return false;
  }
  for (let i = sep + 3; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 92 || c === 96) return false;
  }
  return true;
}

function applyExtra(ctx: ScanContext, s: string): string {
  for (const re of ctx.extraPatterns) {
    re.lastIndex = 0;
    s = s.replace(re, ctx.replacement);
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
const scanners: RegExp[] = [];
let nesting = 0;

function scan(ctx: ScanContext, s: string): string {
  if (nesting >= MAX_NESTING) return s.length >= 8 ? ctx.replacement : s; // absurdly nested: drop it
  const re = (scanners[nesting] ??= new RegExp(SCAN));
  re.lastIndex = 0;
  nesting++;
  try {
    return scanWith(re, ctx, s);
  } finally {
    nesting--;
  }
}

function scanWith(re: RegExp, ctx: ScanContext, s: string): string {
  const R = ctx.replacement;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  const put = (from: number, to: number, replacement: string): void => {
    out += s.slice(last, from) + replacement;
    last = to;
    re.lastIndex = to;
  };
  while ((m = re.exec(s)) !== null) {
    const g = m.groups!;
    const at = m.index;
    const end = at + m[0].length;
    if (g.pem !== undefined) {
      const endMarker = s.indexOf('-----END', end);
      let stop = s.length;
      if (endMarker >= 0) {
        const close = s.indexOf('-----', endMarker + 8);
        stop = close >= 0 ? close + 5 : s.length;
      }
      put(at, stop, R);
    } else if (g.url !== undefined) {
      URL_EXTENT.lastIndex = end;
      const ext = URL_EXTENT.exec(s);
      const stop = end + (ext ? ext[0].length : 0);
      const u = s.slice(at, stop);
      const r = redactUrl(ctx, u);
      if (r !== u) put(at, stop, r);
      else re.lastIndex = stop;
    } else if (g.xml !== undefined) {
      const tag = g.tag!;
      const local = tag.slice(tag.lastIndexOf(':') + 1);
      if (ctx.keys.isSensitive(local)) {
        const gt = s.indexOf('>', end);
        if (gt >= 0 && s.charCodeAt(gt - 1) !== 47 /* self-closing */) {
          const lt = s.indexOf('<', gt + 1);
          const stop = lt >= 0 ? lt : s.length;
          if (stop > gt + 1 && !s.startsWith(R, gt + 1)) put(gt + 1, stop, R);
          else re.lastIndex = stop;
        }
      }
      // not sensitive: go on after the tag name, so attributes are scanned as key=value
    } else if (g.kv !== undefined) {
      const k = g.k!;
      if (!ctx.keys.isSensitive(k)) {
        const r = redactTokenRun(k, R);
        if (r !== k) put(at, at + k.length, r);
        // else continue right after the separator: the value is scanned on its own
        continue;
      }
      if (s.startsWith(R, end)) {
        re.lastIndex = end + R.length;
        continue;
      }
      const q2 = g.q2;
      if (q2 !== undefined) {
        const quote = q2[q2.length - 1]!;
        let close = s.indexOf(quote, end);
        if (close < 0) close = s.length;
        else if (q2.length === 2 && s.charCodeAt(close - 1) === 92) close--; // \"...\"
        const nl = s.indexOf('\n', end);
        const stop = Math.min(close, nl >= 0 ? nl : s.length, end + 4096);
        if (stop > end) put(end, stop, R);
      } else {
        const v = wholeLineKey(k) ? LINE_VALUE : UNQUOTED_VALUE;
        v.lastIndex = end;
        const vm = v.exec(s);
        if (vm) put(end, end + vm[0].length, R);
      }
    } else if (g.scheme !== undefined) {
      SCHEME_CREDENTIAL.lastIndex = end;
      const cm = SCHEME_CREDENTIAL.exec(s);
      if (cm) {
        const cred = cm[0];
        const bearer = /^bearer/i.test(m[0]);
        // "basic information", "token expired": plain words are not credentials
        if (!cred.startsWith(R.slice(1)) && (bearer || /[0-9A-Z+/=_\-.~]/.test(cred))) {
          put(end, end + cred.length, R);
        } else {
          re.lastIndex = end + cred.length;
        }
      }
    } else if (g.tok !== undefined) {
      const t = g.tok;
      const r = redactTokenRun(t, R);
      if (r !== t) put(at, end, r);
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

function safeDecode(s: string): string {
  if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * `a=1&token=x` -> `a=1&token=REDACTED`. Names stay; a value goes when its name is
 * sensitive (parameter rule: also `key`, `code`, `sig`, ...) or the decoded value holds a
 * secret by the text rules. `sep` is `&` for query strings and form bodies.
 */
export function redactParams(ctx: ScanContext, q: string, replacement: string): string {
  if (q === '') return q;
  const parts = q.split('&');
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const eq = p.indexOf('=');
    if (eq < 0) {
      if (isSecretToken(safeDecode(p))) {
        parts[i] = replacement;
        changed = true;
      }
      continue;
    }
    const value = p.slice(eq + 1);
    if (value === '' || value === replacement) continue;
    const name = safeDecode(p.slice(0, eq));
    let secret = ctx.keys.isSensitive(name, 'param');
    if (!secret) {
      const decoded = safeDecode(value);
      secret = redactText(ctx, decoded) !== decoded;
    }
    if (secret) {
      parts[i] = p.slice(0, eq + 1) + replacement;
      changed = true;
    }
  }
  return changed ? parts.join('&') : q;
}

const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.\-]{0,31}:/;

function redactPath(ctx: ScanContext, path: string): string {
  if (path.length < 16) return path;
  const segs = path.split('/');
  let changed = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.length < 16) continue;
    const d = safeDecode(seg);
    let r: string;
    if (isSecretToken(d)) r = ctx.urlReplacement;
    else {
      // tokens inside a segment, e.g. /bot123:AAH.../ or /hooks/T0/B0/xyz
      r = seg.replace(/(?<![A-Za-z0-9+_\-.])[A-Za-z0-9+_\-.]{16,}/g, (t) => (isSecretToken(t) ? ctx.urlReplacement : t));
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
    const R = ctx.urlReplacement;
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
      out += '?' + redactParams(ctx, u.slice(qm + 1, qEnd), R);
    }
    if (hash >= 0) {
      const frag = u.slice(hash + 1);
      // OAuth implicit flow puts tokens in the fragment: treat name=value pairs like a query
      out += '#' + (frag.includes('=') ? redactParams(ctx, frag, R) : redactPath(ctx, frag));
    }
    return ctx.extraPatterns.length ? applyExtra(ctx, out) : out;
  } catch {
    return ctx.urlReplacement;
  }
}

/** A bare query string, e.g. the `url.query` attribute (a leading `?` is kept). */
export function redactQuery(ctx: ScanContext, q: string): string {
  if (typeof q !== 'string') return q;
  try {
    const lead = q.startsWith('?') ? '?' : '';
    const r = lead + redactParams(ctx, q.slice(lead.length), ctx.urlReplacement);
    return ctx.extraPatterns.length ? applyExtra(ctx, r) : r;
  } catch {
    return ctx.urlReplacement;
  }
}
