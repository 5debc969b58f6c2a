/**
 * The names of the redaction rules. With `showRule`, a hidden value reads
 * `[REDACTED:<rule>]` (in URLs `REDACTED:<rule>`), so a user can tell which rule hid it
 * and relax or extend that one; the value itself is never carried.
 */
export type RedactionRule =
  /** the value of a credential-like key, parameter, form field or XML element */
  | 'key'
  /** a header value the header table does not show */
  | 'header'
  /** the credential after `Bearer`, `Basic` or `Token` */
  | 'scheme'
  /** a known provider token format (`sk_live_`, `ghp_`, `AKIA`, ...) */
  | 'prefix'
  | 'jwt'
  /** a long random-looking token */
  | 'entropy'
  /** a private-key block */
  | 'pem'
  /** user and password in a URL */
  | 'userinfo'
  /** a user-supplied `extraPatterns` entry */
  | 'pattern'
  /** input the redactor could not parse or follow (absurd nesting, an internal failure) */
  | 'unparsable';

/** `[REDACTED]` -> `[REDACTED:key]`; other replacements get `:key` appended. */
export function labelled(replacement: string, rule: RedactionRule): string {
  return replacement.endsWith(']') ? `${replacement.slice(0, -1)}:${rule}]` : `${replacement}:${rule}`;
}

/** Replacement strings per rule, computed once per redactor. */
export function masksFor(replacement: string, showRule: boolean): (rule: RedactionRule) => string {
  if (!showRule) return () => replacement;
  const cache = new Map<RedactionRule, string>();
  return (rule) => {
    let m = cache.get(rule);
    if (m === undefined) cache.set(rule, (m = labelled(replacement, rule)));
    return m;
  };
}

/** Length of the mask (any rule) that starts at `at` in `s`, or 0 when there is none. */
export function maskLengthAt(s: string, at: number, replacement: string, showRule: boolean): number {
  if (!showRule) return s.startsWith(replacement, at) ? replacement.length : 0;
  const open = replacement.endsWith(']') ? replacement.slice(0, -1) : replacement;
  if (!s.startsWith(open, at)) return 0;
  if (s.startsWith(replacement, at)) return replacement.length;
  const colon = at + open.length;
  if (s.charCodeAt(colon) !== 58) return 0;
  let j = colon + 1;
  while (j < s.length && j - colon <= 12 && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
  if (replacement.endsWith(']')) return s.charCodeAt(j) === 93 ? j + 1 - at : 0;
  return j - at;
}
