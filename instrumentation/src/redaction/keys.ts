/**
 * The key rule: which object keys, query/form parameter names and header names hold secrets.
 *
 * A key is split into words at non-alphanumerics, camelCase humps and letter/digit changes
 * (`clientSecret`, `client_secret`, `client-secret`, `CLIENT.SECRET` -> client, secret). It is
 * sensitive when a word (or its singular), or two or three adjacent words joined, is a
 * sensitive term (`api`+`key` -> apikey), or when a word contains an unambiguous term
 * (`userpassword`, `xapikey`, `accesstoken`). Short terms (`token`, `auth`, `pin`, `ssn`,
 * `session`, `cookie`) match whole words only, so `tokenizer_version`, `author`,
 * `spinner` and `classname` stay visible while `token_type` or `total_tokens` are redacted.
 */

import { CharClass, charClass } from './char-class.js';

/** Whole-word terms (compared lower-case; a trailing "s" is also tried). */
const WORD_TERMS = [
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'token', 'auth', 'authorization',
  'credential', 'cookie', 'session', 'sessionid', 'jwt', 'bearer', 'apikey', 'privatekey', 'secretkey',
  'accesskey', 'signingkey', 'encryptionkey', 'clientsecret', 'iban', 'ssn', 'cvv', 'cvc', 'pin', 'pincode',
  'otp', 'totp', 'cardnumber', 'creditcard', 'ccnumber', 'cardno', 'accountnumber', 'securitycode',
  'socialsecuritynumber', 'xsrf', 'csrf',
];

/** Unambiguous terms that also count inside a longer word. */
const INNER_TERMS = [
  'password', 'passwd', 'passphrase', 'secret', 'apikey', 'privatekey', 'accesstoken', 'refreshtoken',
  'authtoken', 'idtoken', 'sessiontoken', 'sessionid', 'bearertoken', 'credential', 'creditcard',
  'cardnumber', 'authorization', 'csrftoken', 'xsrftoken',
];
/** Ordinary words that contain an inner term. */
const INNER_EXCEPTIONS = new Set(['secretary', 'secretaries', 'secretariat']);

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
}

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
  const paramWords = new Set([...words, ...PARAM_TERMS]);
  const inner = INNER_TERMS;

  const hasTerm = (set: Set<string>, w: string): boolean =>
    set.has(w) || (w.length > 3 && w.endsWith('s') && set.has(w.slice(0, -1)));

  const compute = (key: string, set: Set<string>): boolean => {
    for (const re of regexes) if (re.test(key)) return true;
    const ws = keyWords(key);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (hasTerm(set, w)) return true;
      if (w.length > 5 && !INNER_EXCEPTIONS.has(w)) {
        for (const t of inner) if (w.includes(t)) return true;
      }
      if (i + 1 < ws.length) {
        const two = w + ws[i + 1];
        if (hasTerm(set, two)) return true;
        if (i + 2 < ws.length && hasTerm(set, two + ws[i + 2])) return true;
      }
    }
    return false;
  };

  const keyCache = new Map<string, boolean>();
  const paramCache = new Map<string, boolean>();
  return {
    isSensitive(key: string, mode: KeyMode = 'key'): boolean {
      const cache = mode === 'param' ? paramCache : keyCache;
      let r = cache.get(key);
      if (r === undefined) {
        r = compute(key, mode === 'param' ? paramWords : words);
        if (cache.size < CACHE_LIMIT && key.length <= 128) cache.set(key, r);
      }
      return r;
    },
  };
}
