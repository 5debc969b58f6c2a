/**
 * Generated secrets: credential-like keys in every spelling, secrets with no telltale shape,
 * and shaped ones (JWTs, provider tokens of every format in secret-patterns.json). The
 * property tests put them in generated places; the collector's redaction test
 * (provisioning/test/collector-redaction.test.ts) sends them past the SDK.
 */
import fc from 'fast-check';
import { SECRET_VALUE_PATTERNS, type SecretPattern } from '@integration-logs/instrumentation/redaction-rules';

export const TERMS = [
  ['password'],
  ['passwd'],
  ['secret'],
  ['client', 'secret'],
  ['access', 'token'],
  ['refresh', 'token'],
  ['id', 'token'],
  ['token'],
  ['api', 'key'],
  ['apikey'],
  ['private', 'key'],
  ['secret', 'key'],
  ['authorization'],
  ['auth'],
  ['cookie'],
  ['session'],
  ['session', 'id'],
  ['iban'],
  ['ssn'],
  ['card', 'number'],
  ['credit', 'card'],
  ['cvv'],
  ['pin'],
  ['social', 'security', 'number'],
  ['credentials'],
  ['passphrase'],
  ['otp'],
];
export const PREFIXES = [[], [], ['user'], ['new'], ['x'], ['db'], ['my'], ['oauth']];
export const SUFFIXES = [[], [], ['value'], ['id'], ['hash'], ['2']];
export const SPELLINGS: ((w: string[]) => string)[] = [
  (w) => w.join('_'),
  (w) => w.join('-'),
  (w) => w.join('.'),
  (w) => w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join(''),
  (w) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(''),
  (w) => w.join('_').toUpperCase(),
  (w) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join('-'),
];
export const sensitiveKey = fc
  .tuple(
    fc.constantFrom(...TERMS),
    fc.constantFrom(...PREFIXES),
    fc.constantFrom(...SUFFIXES),
    fc.constantFrom(...SPELLINGS)
  )
  .map(([t, p, s, spell]) => spell([...p, ...t, ...s]));

/** Every key sensitiveKey can generate. */
export function allSensitiveKeys(): string[] {
  const keys = new Set<string>();
  for (const t of TERMS)
    for (const p of PREFIXES)
      for (const s of SUFFIXES) for (const spell of SPELLINGS) keys.add(spell([...p, ...t, ...s]));
  return [...keys];
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A secret with no telltale shape: only its key or position makes it secret. */
export const plainSecret = fc
  .tuple(chars('abcdefghijklmnopqrstuvwxyz', 4, 8), chars(ALNUM, 6, 16))
  .map(([a, b]) => `${a}Q${b}`);
export const jwt = fc
  .tuple(chars(ALNUM, 4, 12), chars(ALNUM + '-_', 20, 60))
  .map(([sub, sig]) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub })}.${sig}`);
const providerKey = fc.oneof(
  chars(ALNUM, 24, 40).map((s) => `sk_live_${s}`),
  chars(ALNUM, 36, 36).map((s) => `ghp_${s}`),
  chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16).map((s) => `AKIA${s}`),
  chars(ALNUM, 24, 32).map((s) => `xoxb-1234567890-${s}`),
  chars(ALNUM + '-_', 35, 35).map((s) => `AIza${s}`)
);

/** The token formats of the shared list (rules `prefix` and `jwt`). */
export const TOKEN_FORMATS: readonly SecretPattern[] = SECRET_VALUE_PATTERNS.filter(
  (p) => p.rule === 'prefix' || p.rule === 'jwt'
);

/** Tokens of one listed format, 16+ characters (the SDK judges runs of 16 or more). */
export function tokenOf(format: SecretPattern): fc.Arbitrary<string> {
  const whole = new RegExp(`^(?:${format.regex.replace(/^\\b/, '')})$`);
  return fc.stringMatching(whole).filter((s) => s.length >= 16);
}

/** Hex: a hash or an id on its own, a secret only where a key or position says so. */
export const hexSecret = chars('0123456789abcdef', 40, 64).filter((s) => /[a-f]/.test(s) && /\d/.test(s));
export const shapedSecret = fc.oneof(jwt, providerKey, ...TOKEN_FORMATS.map(tokenOf));
export const anySecret = fc.oneof(plainSecret, shapedSecret, hexSecret);
