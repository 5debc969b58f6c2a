/**
 * Does a run of token characters look like a credential? Known provider formats by prefix,
 * JWTs, long hex, and long strings whose character classes change as often as random
 * text does (an identifier such as `employeeDocumentAttachment2` does not). UUIDs and
 * 32-hex ids (trace ids, MD5) are ids, not secrets.
 *
 * Every regex here is anchored and made of single character-class runs: linear time.
 */

const PROVIDER_PREFIX = new RegExp(
  '^(?:' +
    [
      '(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{8}', // Stripe secret / restricted keys
      'whsec_[0-9A-Za-z]{8}', // Stripe webhook secrets
      'sk-(?:proj-|ant-|live-|svcacct-)?[0-9A-Za-z_-]{20}', // OpenAI / Anthropic style
      'gh[pousr]_[0-9A-Za-z]{20}', // GitHub tokens
      'github_pat_[0-9A-Za-z_]{20}',
      'xox[abposre]-[0-9A-Za-z-]{8}', // Slack
      'xapp-[0-9A-Za-z-]{8}',
      '(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}', // AWS access key ids
      'AIza[0-9A-Za-z_-]{30}', // Google API keys
      'ya29\\.[0-9A-Za-z_-]{16}', // Google OAuth access tokens
      'glpat-[0-9A-Za-z_-]{16}', // GitLab
      'shp(?:at|ss|ca|pa)_[0-9a-fA-F]{16}', // Shopify
      'sq0(?:atp|csp)-[0-9A-Za-z_-]{16}', // Square
      'SG\\.[0-9A-Za-z_-]{16}', // SendGrid
      'npm_[0-9A-Za-z]{30}', // npm
      'pypi-[0-9A-Za-z_-]{16}', // PyPI
      'hf_[0-9A-Za-z]{30}', // Hugging Face
      'dop_v1_[0-9a-f]{32}', // DigitalOcean
      'key-[0-9a-zA-Z]{32}', // Mailgun
      'SK[0-9a-fA-F]{32}', // Twilio API key sids
      'eyJ[0-9A-Za-z_-]{5,}\\.eyJ[0-9A-Za-z_-]{5,}', // JWT / JWS (header and payload are JSON objects)
    ].join('|') +
    ')',
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

const enum K {
  Sep,
  Lower,
  Upper,
  Digit,
}

function kind(c: number): K {
  if (c >= 97 && c <= 122) return K.Lower;
  if (c >= 65 && c <= 90) return K.Upper;
  if (c >= 48 && c <= 57) return K.Digit;
  return K.Sep;
}

/** High entropy by a cheap proxy: long, several classes, frequent class changes. */
function looksRandom(t: string): boolean {
  if (t.length < 32) return false;
  if (HEX.test(t)) return t.length >= 40 && /[a-f]/i.test(t) && /[0-9]/.test(t);
  if (UUID.test(t)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let changes = 0;
  let pairs = 0;
  let prev = K.Sep;
  for (let i = 0; i < t.length; i++) {
    const k = kind(t.charCodeAt(i));
    if (k === K.Lower) lower++;
    else if (k === K.Upper) upper++;
    else if (k === K.Digit) digit++;
    if (k !== K.Sep && prev !== K.Sep) {
      pairs++;
      if (k !== prev) changes++;
    }
    prev = k;
  }
  if (pairs < 24 || lower + upper === 0) return false;
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
