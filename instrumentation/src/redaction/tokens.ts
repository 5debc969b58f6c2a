/**
 * Does a run of token characters look like a credential? Known provider formats by prefix,
 * JWTs, long hex, and long strings whose character classes change as often as random
 * text does (an identifier such as `employeeDocumentAttachment2` does not). UUIDs and
 * 32-hex ids (trace ids, MD5) are ids, not secrets.
 *
 * Every regex here is anchored and made of single character-class runs: linear time.
 */

import { CharClass, charClass } from './char-class.js';

const PROVIDER_PREFIX = new RegExp(
  '^(?:' +
    [
      '(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{8}', // Stripe secret / restricted keys
      'whsec_[0-9A-Za-z]{8}', // Stripe webhook secrets
      'sk-(?:proj-|ant-|live-|svcacct-)[0-9A-Za-z_-]{16}', // OpenAI / Anthropic style
      'sk-[0-9A-Za-z]{16}',
      'gh[pousr]_[0-9A-Za-z]{16}', // GitHub tokens
      'github_pat_[0-9A-Za-z_]{16}',
      'xox[abposre]-[0-9A-Za-z-]{8}', // Slack
      'xapp-[0-9A-Za-z-]{8}',
      '(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}', // AWS access key ids
      'AIza[0-9A-Za-z_-]{16}', // Google API keys
      'ya29\\.[0-9A-Za-z_-]{16}', // Google OAuth access tokens
      'glpat-[0-9A-Za-z_-]{16}', // GitLab
      'shp(?:at|ss|ca|pa)_[0-9a-fA-F]{16}', // Shopify
      'sq0(?:atp|csp)-[0-9A-Za-z_-]{16}', // Square
      'SG\\.[0-9A-Za-z_-]{16}', // SendGrid
      'npm_[0-9A-Za-z]{16}', // npm
      'pypi-[0-9A-Za-z_-]{16}', // PyPI
      'hf_[0-9A-Za-z]{16}', // Hugging Face
      'dop_v1_[0-9a-f]{16}', // DigitalOcean
      'key-[0-9a-f]{16}', // Mailgun
      'SK[0-9a-fA-F]{16}', // Twilio API key sids
      'eyJ[0-9A-Za-z_-]{5,}\\.eyJ[0-9A-Za-z_-]{5,}', // JWT / JWS (header and payload are JSON objects)
    ].join('|') +
    ')',
);

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
  if (pairs < 24 || lower + upper === 0) return false;
  if (hexOnly) return t.length >= 40 && digit > 0; // shorter hex: trace ids, MD5 hashes
  const ratio = changes / pairs;
  // random base62/base36/hex change class every 2-3 chars; camelCase words every 5-6
  if (digit >= 4) return ratio >= 0.2;
  if (digit > 0) return ratio >= 0.3;
  return lower > 0 && upper > 0 && ratio >= 0.45;
}

function secretWhole(t: string): boolean {
  return PROVIDER_PREFIX.test(t) || looksRandom(t);
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

export function redactTokenRun(run: string, replacement: string): string {
  if (run.length < 16) return run;
  const core = run.slice(0, trimmedLength(run, '.='));
  // host names, file names and absolute paths are judged per segment (below); base64
  // (which may hold '/') and provider formats (JWTs hold '.') as a whole
  const pathLike = core.indexOf('.') >= 0 || core.charCodeAt(0) === 47;
  if (PROVIDER_PREFIX.test(core) || (!pathLike && looksRandom(core))) {
    // keep a sentence's full stop
    return replacement + run.slice(trimmedLength(run, '.'));
  }
  if (!pathLike && core.indexOf('/') < 0) return run;
  const parts = run.split(/([./])/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const p = parts[i]!;
    if (p.length >= 16 && secretWhole(p.slice(0, trimmedLength(p, '=')))) {
      parts[i] = replacement;
      changed = true;
    }
  }
  return changed ? parts.join('') : run;
}

/** Is this whole value (a path segment, a bare query parameter) a credential? */
export function isSecretToken(t: string): boolean {
  return t.length >= 16 && redactTokenRun(t, '\u0000') !== t;
}
