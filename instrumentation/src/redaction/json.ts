/**
 * JSON bodies without JSON.parse: one forward pass over the text that copies it unchanged
 * except for the values it redacts, so numbers, key order and escapes survive exactly and
 * the cost stays close to a plain parse. No recursion: containers live on an explicit
 * stack, so any depth is safe; below MAX_DEPTH every leaf is redacted (conservative).
 *
 * - a value under a sensitive key (at any depth, including every leaf of an object or array
 *   under it) becomes "[REDACTED]" (strings and numbers; booleans and null stay); directly
 *   under the key, numbers and prose follow the key's kind (keys.ts);
 * - other strings are scanned as free text; a string that holds JSON is redacted as JSON;
 * - truncated input (a body cut at the size limit) is redacted as far as it goes;
 * - after a syntax error the rest is scanned as free text, or replaced whole when the error
 *   is inside a sensitive value.
 */
import type { KeyMatcher } from './keys.js';
import { mightHoldSecret, redactText, redactTextUnchecked, type ScanContext } from './scan.js';
import { isUuidAt } from './tokens.js';

export const MAX_DEPTH = 64;
/** JSON inside a string inside JSON ... is followed this many levels, then scanned as text. */
const MAX_NESTED_JSON = 3;

/** Stack entries: the container's own sensitivity, and whether it is an array. */
const SENSITIVE = 1;
const ARRAY = 2;

/** What a key's sensitivity means for the value directly under it (see keys.ts). */
export const enum Hide {
  None = 0,
  /** strings (and objects and arrays, every leaf) */
  Text = 1,
  /** numbers too */
  Numbers = 2,
  /** except prose strings */
  ButProse = 4,
  /** under a sensitive container: everything */
  All = Text | Numbers,
  /**
   * Not hidden, and a lone token directly under the key (`"id": "<opaque>"`) is data unless
   * its shape is evidence on its own (a provider prefix, a JWT): random-looking is not enough
   * without a credential-like key. Keys of the parameter rule (`key`, `code`, `signature`)
   * keep the entropy rule.
   */
  LoneTokenIsData = 8,
}

export function hideFor(keys: KeyMatcher, key: string): Hide {
  if (!keys.isSensitive(key)) return keys.isSensitive(key, 'param') ? Hide.None : Hide.LoneTokenIsData;
  return Hide.Text | (keys.hidesNumbers(key) ? Hide.Numbers : 0) | (keys.showsProse(key) ? Hide.ButProse : 0);
}

const LONE_TOKEN = /^[A-Za-z0-9+/_\-.]{16,}={0,3}$/;

/** A value under a key that makes it data when it is one token (see Hide.LoneTokenIsData). */
function redactKeyedString(ctx: ScanContext, s: string, nest: number, hide: Hide): string {
  const red = redactCandidate(ctx, s, nest);
  // most values come out unchanged: only a changed lone token is looked at again, entropy off
  if (red === s || !(hide & Hide.LoneTokenIsData) || s.length > 4096 || !LONE_TOKEN.test(s)) return red;
  return redactCandidate((ctx.asData ??= { ...ctx, entropy: false }), s, nest);
}

/** Words and spaces ("Morning session, room 4"): data, not a credential. */
function isProse(s: string): boolean {
  return s.length <= 200 && /^[\p{L}\d][\p{L}\d ,.'()&-]* [\p{L}\d ,.'()&-]*$/u.test(s);
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function decodeJsonString(raw: string): string {
  try {
    return JSON.parse('"' + raw + '"') as string;
  } catch {
    // Expected: an invalid escape in malformed or cut-off JSON, so the raw text is scanned.
    return raw;
  }
}

/** A string value found in a body or object: JSON inside it, or free text. */
export function redactStringValue(ctx: ScanContext, s: string, nest: number): string {
  if (!mightHoldSecret(s)) return ctx.extraPatterns.length ? redactText(ctx, s) : s;
  return redactCandidate(ctx, s, nest);
}

/** A string that passed mightHoldSecret. */
function redactCandidate(ctx: ScanContext, s: string, nest: number): string {
  let i = 0;
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  const c = s.charCodeAt(i);
  if ((c === 123 || c === 91) && nest < MAX_NESTED_JSON) return redactJson(ctx, s, nest + 1);
  return redactTextUnchecked(ctx, s);
}

/** Index of the closing quote of the string opening at `open`, or -1 when cut off. */
function stringEnd(src: string, open: number): number {
  let j = open + 1;
  for (;;) {
    const q = src.indexOf('"', j);
    if (q < 0) return -1;
    let b = 0;
    while (src.charCodeAt(q - 1 - b) === 92) b++;
    if ((b & 1) === 0) return q;
    j = q + 1;
  }
}

function skipWs(src: string, i: number, n: number): number {
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}

/** Output so far plus the rest after a syntax error (or the end of input). */
function finish(ctx: ScanContext, src: string, out: string, last: number, at: number, sensitive: boolean): string {
  if (at >= src.length) return last === 0 ? src : out + src.slice(last);
  return out + src.slice(last, at) + (sensitive ? ctx.mask('key') : redactText(ctx, src.slice(at)));
}

// Hot loop: plain locals only (no closures), so V8 keeps them in registers.
export function redactJson(ctx: ScanContext, src: string, nest = 0): string {
  const n = src.length;
  const R = ctx.mask('key');
  const quotedR = JSON.stringify(R);
  const keys = ctx.keys;
  const extra = ctx.extraPatterns.length > 0;
  const stack: number[] = [];
  const memo = (ctx.keyMemo ??= { keys: new Array(512), flags: new Array(512), text: new Array(512) });
  const keyMemo = memo.keys;
  const keyMemoResult = memo.flags;
  const keyMemoText = memo.text;
  let out = '';
  let last = 0;
  let i = 0;
  let nextBackslash = src.indexOf('\\'); // position of the next backslash (-1: none left)
  let sens = false; // sensitivity of the value about to be read
  let hide: Hide = Hide.None; // and what of it is hidden
  let expectKey = false; // inside an object, before a member

  for (;;) {
    if (expectKey) {
      // ---- "key":
      expectKey = false;
      const parentSensitive = (stack[stack.length - 1]! & SENSITIVE) !== 0;
      i = skipWs(src, i, n);
      if (i >= n) return finish(ctx, src, out, last, n, false);
      if (src.charCodeAt(i) !== 34) return finish(ctx, src, out, last, i, parentSensitive);
      const e = stringEnd(src, i);
      if (e < 0) return finish(ctx, src, out, last, i, parentSensitive);
      if (nextBackslash >= 0 && nextBackslash < i) nextBackslash = src.indexOf('\\', i);
      let keyHide: Hide;
      let keyText: string | undefined; // set when the key itself must be rewritten
      if (nextBackslash >= 0 && nextBackslash < e) {
        const key = decodeJsonString(src.slice(i + 1, e));
        keyHide = hideFor(keys, key);
        const red = redactText(ctx, key);
        if (red !== key) keyText = JSON.stringify(red);
      } else {
        // keys repeat (arrays of records): a direct-mapped memo compared in place avoids
        // slicing and hashing every key
        const len = e - i - 1;
        const slot = len > 0 ? (len * 31 + src.charCodeAt(i + 1) * 7 + src.charCodeAt(e - 1)) & 511 : 0;
        const known = keyMemo[slot];
        if (known !== undefined && known.length === len && src.startsWith(known, i + 1)) {
          keyHide = keyMemoResult[slot]!;
          keyText = keyMemoText[slot];
        } else {
          const key = src.slice(i + 1, e);
          keyHide = hideFor(keys, key);
          // a key can be a secret itself (maps keyed by token or session id)
          const red = mightHoldSecret(key) || extra ? redactText(ctx, key) : key;
          keyText = red !== key ? JSON.stringify(red) : undefined;
          if (len <= 128) {
            // bounded: 512 slots of short keys, kept for the redactor's lifetime
            keyMemo[slot] = key;
            keyMemoResult[slot] = keyHide;
            keyMemoText[slot] = keyText;
          }
        }
      }
      if (keyText !== undefined) {
        out += src.slice(last, i) + keyText;
        last = e + 1;
      }
      i = skipWs(src, e + 1, n);
      if (i >= n) return finish(ctx, src, out, last, n, false);
      if (src.charCodeAt(i) !== 58) return finish(ctx, src, out, last, i, parentSensitive);
      i++;
      hide = parentSensitive ? Hide.All : keyHide;
      sens = (hide & Hide.Text) !== 0;
    }

    // ---- a value
    i = skipWs(src, i, n);
    if (i >= n) return finish(ctx, src, out, last, n, false);
    const c = src.charCodeAt(i);
    if (c === 123 || c === 91) {
      stack.push((c === 91 ? ARRAY : 0) | (sens || stack.length >= MAX_DEPTH ? SENSITIVE : 0));
      hide = sens ? Hide.All : Hide.None;
      i = skipWs(src, i + 1, n);
      if (i >= n) return finish(ctx, src, out, last, n, false);
      const d = src.charCodeAt(i);
      if ((c === 123 && d === 125) || (c === 91 && d === 93)) {
        stack.pop();
        i++;
      } else {
        if (c === 123) expectKey = true;
        else sens = (stack[stack.length - 1]! & SENSITIVE) !== 0;
        continue;
      }
    } else if (c === 34) {
      const e = stringEnd(src, i);
      if (nextBackslash >= 0 && nextBackslash < i) nextBackslash = src.indexOf('\\', i);
      if (e < 0) {
        // cut off inside a string
        if (sens) return out + src.slice(last, i) + '"' + R;
        const raw = src.slice(i + 1);
        const val = nextBackslash >= 0 ? decodeJsonString(raw) : raw;
        const red = redactStringValue(ctx, val, nest);
        return red === val ? finish(ctx, src, out, last, n, false) : out + src.slice(last, i) + '"' + JSON.stringify(red).slice(1, -1);
      }
      if (sens && !(hide & Hide.ButProse && isProse(src.slice(i + 1, e)))) {
        if (e > i + 1) {
          out += src.slice(last, i) + quotedR;
          last = e + 1;
        }
      } else if ((e - i > 5 && !(e - i === 37 && isUuidAt(src, i + 1))) || extra) {
        const escaped = nextBackslash >= 0 && nextBackslash < e;
        if (escaped || mightHoldSecret(src, i + 1, e)) {
          const raw = src.slice(i + 1, e);
          const val = escaped ? decodeJsonString(raw) : raw;
          const red = redactKeyedString(ctx, val, nest, hide);
          if (red !== val) {
            out += src.slice(last, i) + JSON.stringify(red);
            last = e + 1;
          }
        } else if (extra) {
          const raw = src.slice(i + 1, e);
          const red = redactText(ctx, raw);
          if (red !== raw) {
            out += src.slice(last, i) + JSON.stringify(red);
            last = e + 1;
          }
        }
      }
      i = e + 1;
    } else {
      // number or literal
      const start = i;
      while (i < n) {
        const d = src.charCodeAt(i);
        if ((d >= 48 && d <= 57) || (d >= 97 && d <= 122) || d === 45 || d === 43 || d === 46 || d === 69) i++;
        else break;
      }
      if (i === start) return finish(ctx, src, out, last, start, sens);
      const first = src.charCodeAt(start);
      if (first === 45 || (first >= 48 && first <= 57)) {
        if (sens && hide & Hide.Numbers) {
          out += src.slice(last, start) + quotedR;
          last = i;
        }
      } else {
        const tok = src.slice(start, i);
        if (tok !== 'true' && tok !== 'false' && tok !== 'null') return finish(ctx, src, out, last, start, sens);
      }
    }

    // ---- after a value: , ] } or (top level) another value
    for (;;) {
      i = skipWs(src, i, n);
      if (i >= n) return finish(ctx, src, out, last, n, false);
      const d = src.charCodeAt(i);
      if (stack.length === 0) {
        // several top-level values (NDJSON) go on; anything else is not JSON
        if (d === 123 || d === 91) {
          sens = false;
          hide = Hide.None;
          break;
        }
        return finish(ctx, src, out, last, i, false);
      }
      const top = stack[stack.length - 1]!;
      if (d === 44) {
        i++;
        if (top & ARRAY) {
          sens = (top & SENSITIVE) !== 0;
          hide = sens ? Hide.All : Hide.None;
        } else expectKey = true;
        break;
      }
      if ((d === 125 && !(top & ARRAY)) || (d === 93 && top & ARRAY)) {
        stack.pop();
        i++;
        continue;
      }
      return finish(ctx, src, out, last, i, (top & SENSITIVE) !== 0);
    }
  }
}

/**
 * A JavaScript value (log body or attribute): a redacted copy, the input is never mutated.
 * `hide` says what of it is hidden (from its key, see hideFor). Depth is bounded; cycles end there.
 */
export function redactValue(ctx: ScanContext, v: unknown, hide: Hide = Hide.None, depth = 0): unknown {
  switch (typeof v) {
    case 'string':
      if (!(hide & Hide.Text) || v === '' || (hide & Hide.ButProse && isProse(v))) {
        return mightHoldSecret(v) ? redactKeyedString(ctx, v, 0, hide) : redactStringValue(ctx, v, 0);
      }
      return ctx.mask('key');
    case 'number':
    case 'bigint':
      return hide & Hide.Numbers ? ctx.mask('key') : v;
    case 'object': {
      if (v === null) return v;
      if (depth >= MAX_DEPTH) return ctx.mask('unparsable');
      const inner = hide & Hide.Text ? Hide.All : Hide.None;
      if (Array.isArray(v)) return v.map((x) => redactValue(ctx, x, inner, depth + 1));
      if (ArrayBuffer.isView(v)) return hide & Hide.Text ? ctx.mask('key') : v;
      if (v instanceof Date) return v;
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const x = redactValue(ctx, (v as Record<string, unknown>)[k], inner === Hide.All ? inner : hideFor(ctx.keys, k), depth + 1);
        const name = redactText(ctx, k); // a key can be a secret itself
        if (name === '__proto__') Object.defineProperty(o, name, { value: x, enumerable: true, writable: true, configurable: true });
        else o[name] = x;
      }
      return o;
    }
    default:
      return v;
  }
}
