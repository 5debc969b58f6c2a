/**
 * Does a run of token characters look like a credential? A shape alone needs evidence:
 * a known provider prefix (rule `prefix`), a JWT (`jwt`), or a long string whose character
 * classes change as often as random text does (`entropy`; an identifier such as
 * `employeeDocumentAttachment2` does not). Shapes that are ids or digests, however random
 * they look, are not credentials by shape: hex with or without dashes (UUIDs, trace ids,
 * SHA-1/SHA-256 hashes, `Root=1-5759e988-...`), a word prefix before such an id
 * (`evt_<uuid>`), subresource-integrity digests (`sha384-<base64>`), base64 ids that
 * decode to a type name and a number (GraphQL/Relay global ids) and Google place ids.
 * Under a credential-like key any of them is still hidden, by the key rule.
 *
 * Every regex here is anchored and made of single character-class runs: linear time; the
 * one unanchored search (EMBEDDED_PROVIDER) runs on runs of bounded length only.
 */

import { CharClass, charClass } from './char-class.js';
import SECRET_PATTERNS from './secret-patterns.json';

/**
 * One entry of secret-patterns.json, the one list of secret-value patterns: the collector's
 * redaction processor has exactly these regexes as its `blocked_values`
 * (provisioning/collector/config.yaml), so both lines of defence know the same formats.
 * The regexes are in the subset that reads the same in JavaScript and Go RE2.
 */
export interface SecretPattern {
  name: string;
  /** The SDK rule that hides what the regex matches (see RedactionRule). */
  rule: 'prefix' | 'jwt' | 'scheme' | 'pem' | 'userinfo';
  regex: string;
  description: string;
}
export const SECRET_VALUE_PATTERNS = SECRET_PATTERNS as readonly SecretPattern[];

/**
 * The token formats of the list (rules `prefix` and `jwt`); `scheme`, `pem` and `userinfo`
 * are structural rules of scan.ts. The leading `\b` is the collector's boundary: here a run
 * is judged from its start, and a token glued after a separator (`_sk_live_...`) counts too.
 */
const PROVIDER_FORMATS = SECRET_VALUE_PATTERNS.filter((p) => p.rule === 'prefix' || p.rule === 'jwt')
  .map((p) => p.regex.replace(/^\\b/, ''))
  .join('|');
const PROVIDER_PREFIX = new RegExp(`^(?:${PROVIDER_FORMATS})`);
/** A provider token glued after a separator inside a longer run (`<traceparent>-sk_live_...`). */
const EMBEDDED_PROVIDER = new RegExp(`[-_=+/:](?:${PROVIDER_FORMATS})`);

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

/** Hex digits and dashes only, at least one digit: ids and digests, never a secret by shape. */
function isHexId(t: string, from = 0): boolean {
  let digit = false;
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 45) continue;
    if (!isHex(c)) return false;
    if (c <= 57) digit = true;
  }
  return digit && t.length - from >= 8;
}

/** `evt_<uuid>`, `req-<hex>`, `Root=1-<hex>-<hex>`: a short word, a separator, a hex id. */
function isPrefixedHexId(t: string): boolean {
  for (let i = 1; i < Math.min(t.length, 17); i++) {
    const c = t.charCodeAt(i);
    if (c === 95 || c === 45) return isHexId(t, i + 1);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  }
  return false;
}

/** `sha256-`, `sha384-`, `sha512-` digests (subresource integrity, CSP hashes). */
const DIGEST_PREFIX = /^sha(?:256|384|512)-/;
/** What a base64 global id decodes to: `gid://shop/Product/123`, `Organization:42`, `04:User583231`. */
const DECODED_ID =
  /^(?:gid:\/\/[\w.-]{1,40}(?:\/[\w.-]{1,40}){1,4}|\d{1,3}:[A-Z][A-Za-z]{1,40}\d{1,20}|[A-Z][A-Za-z]{1,40}:(?:\d{1,20}|[\da-f-]{8,40}))$/;
const BASE64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** A base64 (or base64url) value that decodes to an id, not to random bytes. */
function isEncodedId(t: string): boolean {
  if (t.length > 200 || !BASE64.test(t)) return false;
  const bytes = Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
  if (t.startsWith('ChIJ') || t.startsWith('GhIJ')) return true; // Google place ids
  // longer place ids: a protobuf message that starts with a length-prefixed address text
  const b0 = bytes[0];
  const len = bytes[1] ?? 0;
  if ((b0 === 0x0a || b0 === 0x12 || b0 === 0x1a) && len >= 12 && bytes.length >= 2 + len) {
    let printable = true;
    for (let i = 2; i < 2 + len && printable; i++) printable = bytes[i]! >= 0x20 && bytes[i] !== 0x7f;
    if (printable) return true;
  }
  for (const b of bytes) if (b < 0x20 || b >= 0x7f) return false;
  return DECODED_ID.test(bytes.toString('latin1'));
}

/** Shapes that are ids or digests by construction (see the module comment). */
function isKnownIdShape(t: string): boolean {
  return isHexId(t) || isPrefixedHexId(t) || DIGEST_PREFIX.test(t) || isEncodedId(t);
}

/** High entropy by a cheap proxy: long, several classes, frequent class changes. */
function looksRandom(t: string): boolean {
  if (t.length < 32) return false;
  if (t.length === 36 && isUuidAt(t, 0)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let changes = 0;
  let pairs = 0;
  let prev = CharClass.Other;
  let hexOnly = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (hexOnly && !isHex(c)) hexOnly = false;
    const k = charClass(c);
    if (k === CharClass.Lower) lower++;
    else if (k === CharClass.Upper) upper++;
    else if (k === CharClass.Digit) digit++;
    if (k !== CharClass.Other && prev !== CharClass.Other) {
      pairs++;
      if (k !== prev) changes++;
    }
    prev = k;
  }
  if (pairs < 24 || lower + upper === 0 || hexOnly) return false;
  const ratio = changes / pairs;
  // random base62/base36/hex change class every 2-3 chars; camelCase words every 5-6
  const random = digit >= 4 ? ratio >= 0.2 : digit > 0 ? ratio >= 0.3 : lower > 0 && upper > 0 && ratio >= 0.45;
  // checked last: it may decode base64, and most tokens are not random-looking at all
  return random && !isKnownIdShape(t);
}

export type ShapeRule = 'prefix' | 'jwt' | 'entropy';

/** Which shape rule, if any, makes a whole token a credential. */
function shapeOf(t: string): ShapeRule | undefined {
  if (PROVIDER_PREFIX.test(t)) return t.startsWith('eyJ') ? 'jwt' : 'prefix';
  return looksRandom(t) ? 'entropy' : undefined;
}

/**
 * Classifies a run of `[A-Za-z0-9+/_.-]` (plus `=` padding). Paths and host names are
 * judged per segment so `cdn.example.com/avatars/...` stays while a key inside a path goes.
 * Returns the run with secret parts replaced, or the same string when nothing matched.
 */
/** Length of s without trailing characters from `chars` (a loop: `/[.=]+$/` is quadratic). */
function trimmedLength(s: string, chars: string): number {
  let e = s.length;
  while (e > 0 && chars.includes(s[e - 1]!)) e--;
  return e;
}

export function redactTokenRun(run: string, mask: (rule: ShapeRule) => string, entropy = true): string {
  if (run.length < 16) return run;
  const core = run.slice(0, trimmedLength(run, '.='));
  // host names, file names and absolute paths are judged per segment (below); base64
  // (which may hold '/') and provider formats (JWTs hold '.') as a whole
  const pathLike = core.indexOf('.') >= 0 || core.charCodeAt(0) === 47;
  const whole = PROVIDER_PREFIX.test(core)
    ? core.startsWith('eyJ')
      ? 'jwt'
      : 'prefix'
    : entropy && !pathLike && looksRandom(core)
      ? 'entropy'
      : undefined;
  if (whole !== undefined) {
    // keep a sentence's full stop
    return mask(whole) + run.slice(trimmedLength(run, '.'));
  }
  if (!pathLike && core.length <= 512 && EMBEDDED_PROVIDER.test(core))
    return mask('prefix') + run.slice(trimmedLength(run, '.'));
  // not path-like: a base64 value with '/' in it is judged whole, as an id shape or not
  if (!pathLike && (core.indexOf('/') < 0 || isKnownIdShape(core))) return run;
  const parts = run.split(/([./])/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const p = parts[i]!;
    let rule = p.length >= 16 ? shapeOf(p.slice(0, trimmedLength(p, '='))) : undefined;
    if (rule === 'entropy' && !entropy) rule = undefined;
    if (rule !== undefined) {
      parts[i] = mask(rule);
      changed = true;
    }
  }
  return changed ? parts.join('') : run;
}

/** The shape rule that makes this whole value (a path segment, a bare query parameter) a credential. */
export function secretTokenRule(t: string): ShapeRule | undefined {
  if (t.length < 16) return undefined;
  let rule: ShapeRule | undefined;
  redactTokenRun(t, (r) => ((rule ??= r), '\u0000'));
  return rule;
}
