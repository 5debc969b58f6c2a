/**
 * The key rule: which object keys, query/form parameter names and header names hold secrets.
 *
 * A key is split into words at non-alphanumerics, camelCase humps and letter/digit changes
 * (`clientSecret`, `client_secret`, `client-secret`, `CLIENT.SECRET` -> client, secret). It is
 * sensitive when a word (or its singular), or two or three adjacent words joined, is a
 * sensitive term (`api`+`key` -> apikey), or when a word contains an unambiguous term
 * (`userpassword`, `xapikey`, `accesstoken`). Short terms (`token`, `auth`, `pin`, `ssn`,
 * `session`, `cookie`) match whole words only, so `tokenizer_version`, `author`,
 * `spinner` and `classname` stay visible.
 *
 * A key matches only where its value can hold a credential: a key whose first or last word
 * says it describes one rather than holds it (`token_type`, `credential_kind`,
 * `password_count`, `num_active_sessions`, `session_expires_at`, `token_url`) is not
 * sensitive; a number directly under a sensitive key is shown unless the term can be
 * numeric (pin, cvv, card and account numbers, ssn, otp, passwords, secrets); prose under
 * `session` ("Morning session") is shown. Everything under a sensitive object or array is
 * hidden, numbers included.
 */

import { CharClass, charClass } from './char-class.js';

/** Whole-word terms (compared lower-case; a trailing "s" is also tried). */
const WORD_TERMS = [
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'token',
  'auth',
  'authorization',
  'credential',
  'cookie',
  'session',
  'sessionid',
  'jwt',
  'bearer',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'signingkey',
  'encryptionkey',
  'clientsecret',
  'iban',
  'ssn',
  'cvv',
  'cvc',
  'pin',
  'pincode',
  'otp',
  'totp',
  'cardnumber',
  'creditcard',
  'ccnumber',
  'cardno',
  'accountnumber',
  'securitycode',
  'socialsecuritynumber',
  'xsrf',
  'csrf',
];

/** Unambiguous terms that also count inside a longer word. */
const INNER_TERMS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'privatekey',
  'accesstoken',
  'refreshtoken',
  'authtoken',
  'idtoken',
  'sessiontoken',
  'sessionid',
  'bearertoken',
  'credential',
  'creditcard',
  'cardnumber',
  'authorization',
  'csrftoken',
  'xsrftoken',
];
/** Ordinary words that contain an inner term. */
const INNER_EXCEPTIONS = new Set(['secretary', 'secretaries', 'secretariat']);

/** Terms whose value may be a number: a number directly under them is hidden. */
const NUMERIC_TERMS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'pin',
  'pincode',
  'otp',
  'totp',
  'cvv',
  'cvc',
  'ssn',
  'iban',
  'cardnumber',
  'creditcard',
  'ccnumber',
  'cardno',
  'accountnumber',
  'securitycode',
  'socialsecuritynumber',
  'clientsecret',
  'secretkey',
]);
/** Terms under which a prose value (words and spaces) is data, not a credential. */
const PROSE_TERMS = new Set(['session']);

/** A key that ends in one of these words describes a credential, it does not hold one. */
const DESCRIBING_LAST_WORDS = new Set([
  'count',
  'counts',
  'total',
  'type',
  'types',
  'kind',
  'kinds',
  'length',
  'size',
  'at',
  'date',
  'expires',
  'expiry',
  'expiration',
  'ttl',
  'timeout',
  'status',
  'enabled',
  'required',
  'method',
  'methods',
  'format',
  'version',
  'provider',
  'scope',
  'scopes',
  'policy',
  'name',
  'label',
  'url',
  'uri',
  'endpoint',
]);
/** A `token` next to one of these words is a paging or sync position (`nextPageToken`, `NextToken`, `syncToken`). */
const POSITION_WORDS = new Set([
  'page',
  'next',
  'sync',
  'continuation',
  'delta',
  'skip',
  'cursor',
  'pagination',
  'resume',
  'change',
]);

/** ...or starts with one of these (`num_active_sessions`, `max_tokens`, `is_password_set`). */
const DESCRIBING_FIRST_WORDS = new Set(['num', 'max', 'min', 'total', 'is', 'has', 'can', 'should']);

/** Extra whole-word terms for query/form parameter and header names (`?key=`, `?code=`, `X-Hub-Signature`). */
const PARAM_TERMS = ['key', 'code', 'sig', 'signature', 'assertion', 'verifier'];

export type KeyMode = 'key' | 'param';

/** Splits a key into lower-case words (see the module comment). */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let start = -1;
  let prev = CharClass.Other;
  const n = Math.min(key.length, 256);
  for (let i = 0; i < n; i++) {
    const c = charClass(key.charCodeAt(i));
    if (c === CharClass.Other) {
      if (start >= 0) words.push(key.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (
      (c === CharClass.Upper && prev === CharClass.Lower) ||
      (c === CharClass.Digit) !== (prev === CharClass.Digit)
    ) {
      words.push(key.slice(start, i).toLowerCase());
      start = i;
    } else if (c === CharClass.Lower && prev === CharClass.Upper && i - start > 1) {
      // "APIKey": the last capital starts the next word
      words.push(key.slice(start, i - 1).toLowerCase());
      start = i - 1;
    }
    prev = c;
  }
  if (start >= 0) words.push(key.slice(start, n).toLowerCase());
  return words;
}

/** Lower-cased, separator-free form used for user-added string keys. */
export function normalizeKey(key: string): string {
  return keyWords(key).join('');
}

export interface KeyMatcher {
  isSensitive(key: string, mode?: KeyMode): boolean;
  /** For a sensitive key: is a number directly under it hidden? */
  hidesNumbers(key: string): boolean;
  /** For a sensitive key: is a prose value directly under it shown? */
  showsProse(key: string): boolean;
}

/** Classification bits of a key, cached per key and mode. */
const SENSITIVE = 1;
const NUMERIC = 2;
const PROSE = 4;

/** Caches stop growing past this many distinct keys, so hostile input cannot grow memory. */
const CACHE_LIMIT = 10_000;

export function createKeyMatcher(extraKeys: readonly (string | RegExp)[] = []): KeyMatcher {
  const words = new Set(WORD_TERMS);
  const regexes: RegExp[] = [];
  for (const k of extraKeys) {
    if (typeof k === 'string') {
      const norm = normalizeKey(k);
      if (norm) words.add(norm);
    } else if (k instanceof RegExp) {
      // test() on a global/sticky regex moves lastIndex: keep a flag-free copy
      regexes.push(new RegExp(k.source, k.flags.replace(/[gy]/g, '')));
    }
  }
  const userWords = new Set(words);
  for (const t of WORD_TERMS) userWords.delete(t);
  const paramWords = new Set([...words, ...PARAM_TERMS]);
  const inner = INNER_TERMS;

  /** The term w stands for in set (itself or its singular), or undefined. */
  const termOf = (set: Set<string>, w: string): string | undefined =>
    set.has(w) ? w : w.length > 3 && w.endsWith('s') && set.has(w.slice(0, -1)) ? w.slice(0, -1) : undefined;

  const compute = (key: string, set: Set<string>): number => {
    for (const re of regexes) if (re.test(key)) return SENSITIVE | NUMERIC;
    const ws = keyWords(key);
    if (userWords.size > 0 && userWords.has(ws.join(''))) return SENSITIVE | NUMERIC;
    if (ws.length > 1 && (DESCRIBING_LAST_WORDS.has(ws[ws.length - 1]!) || DESCRIBING_FIRST_WORDS.has(ws[0]!)))
      return 0;
    const terms: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const t = termOf(set, w);
      if (t !== undefined) terms.push(t);
      if (w.length > 5 && !INNER_EXCEPTIONS.has(w)) {
        for (const x of inner) if (w.includes(x)) terms.push(x);
      }
      if (i + 1 < ws.length) {
        const two = w + ws[i + 1];
        const t2 = termOf(set, two);
        if (t2 !== undefined) terms.push(t2);
        const t3 = i + 2 < ws.length ? termOf(set, two + ws[i + 2]) : undefined;
        if (t3 !== undefined) terms.push(t3);
      }
    }
    if (terms.length === 0) return 0;
    if (terms.every((t) => t === 'token') && ws.some((w) => POSITION_WORDS.has(w))) return 0;
    let flags = SENSITIVE | PROSE;
    for (const t of terms) {
      if (NUMERIC_TERMS.has(t) || userWords.has(t)) flags |= NUMERIC;
      if (!PROSE_TERMS.has(t)) flags &= ~PROSE;
    }
    return flags;
  };

  const keyCache = new Map<string, number>();
  const paramCache = new Map<string, number>();
  const classify = (key: string, mode: KeyMode): number => {
    const cache = mode === 'param' ? paramCache : keyCache;
    let r = cache.get(key);
    if (r === undefined) {
      r = compute(key, mode === 'param' ? paramWords : words);
      if (cache.size < CACHE_LIMIT && key.length <= 128) cache.set(key, r);
    }
    return r;
  };
  return {
    isSensitive: (key, mode = 'key') => (classify(key, mode) & SENSITIVE) !== 0,
    hidesNumbers: (key) => (classify(key, 'key') & NUMERIC) !== 0,
    showsProse: (key) => (classify(key, 'key') & PROSE) !== 0,
  };
}
