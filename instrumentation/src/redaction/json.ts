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

/** Output so far plus the rest after a syntax error, or at the end of input (whatever `sensitive`). */
function finish(ctx: ScanContext, src: string, out: string, last: number, at: number, sensitive: boolean): string {
  if (at >= src.length) return last === 0 ? src : out + src.slice(last);
  return out + src.slice(last, at) + (sensitive ? ctx.mask('key') : redactText(ctx, src.slice(at)));
}

type KeyMemo = NonNullable<ScanContext['keyMemo']>;
/** JSON keys kept in the memo (direct-mapped), for the redactor's lifetime. */
const KEY_SLOTS = 512;
/** One more slot, for the result of a key that is not kept (escaped or longer than 128). */
const UNKEPT = KEY_SLOTS;

/**
 * The memo slot that holds what the key at src[open..close] (its quotes) hides, and its own
 * text when that must be rewritten. Keys repeat (arrays of records): comparing a slot in
 * place avoids slicing and hashing every key. Kept small, so V8 inlines it into the loop.
 */
function keySlot(ctx: ScanContext, memo: KeyMemo, src: string, open: number, close: number, escaped: boolean): number {
  const len = close - open - 1;
  const slot = len > 0 ? (len * 31 + src.charCodeAt(open + 1) * 7 + src.charCodeAt(close - 1)) & (KEY_SLOTS - 1) : 0;
  const known = memo.keys[slot];
  if (!escaped && known !== undefined && known.length === len && src.startsWith(known, open + 1)) return slot;
  return learnKey(ctx, memo, src, open, close, escaped, len <= 128 && !escaped ? slot : UNKEPT);
}

/** A key not in the memo: what it hides, and its text when it is a secret itself (maps keyed by token or session id). */
function learnKey(
  ctx: ScanContext,
  memo: KeyMemo,
  src: string,
  open: number,
  close: number,
  escaped: boolean,
  slot: number
): number {
  const raw = src.slice(open + 1, close);
  const key = escaped ? decodeJsonString(raw) : raw;
  const red = mightHoldSecret(key) || ctx.extraPatterns.length > 0 ? redactText(ctx, key) : key;
  memo.keys[slot] = slot === UNKEPT ? undefined : key;
  memo.flags[slot] = hideFor(ctx.keys, key);
  memo.text[slot] = red !== key ? JSON.stringify(red) : undefined;
  return slot;
}

/** The replacement for the string value at src[open..close] (its quotes), or undefined to keep it. */
function stringReplacement(
  ctx: ScanContext,
  src: string,
  open: number,
  close: number,
  sens: boolean,
  hide: Hide,
  nest: number,
  escaped: boolean,
  quotedR: string
): string | undefined {
  if (sens && !(hide & Hide.ButProse && isProse(src.slice(open + 1, close))))
    return close > open + 1 ? quotedR : undefined;
  const extra = ctx.extraPatterns.length > 0;
  // short strings and UUIDs hold no secret
  if (!extra && (close - open <= 5 || (close - open === 37 && isUuidAt(src, open + 1)))) return undefined;
  const candidate = escaped || mightHoldSecret(src, open + 1, close);
  return candidate || extra ? changedString(ctx, src, open, close, hide, nest, escaped, candidate) : undefined;
}

/** A string value redacted (as a candidate for secrets, or for the user's patterns only): its JSON text, or undefined when unchanged. */
function changedString(
  ctx: ScanContext,
  src: string,
  open: number,
  close: number,
  hide: Hide,
  nest: number,
  escaped: boolean,
  candidate: boolean
): string | undefined {
  const raw = src.slice(open + 1, close);
  const val = escaped ? decodeJsonString(raw) : raw;
  const red = candidate ? redactKeyedString(ctx, val, nest, hide) : redactText(ctx, val);
  return red !== val ? JSON.stringify(red) : undefined;
}

/** The rest of a body cut off inside the string opening at `open`, redacted as far as it goes. */
function cutOffString(
  ctx: ScanContext,
  src: string,
  open: number,
  sens: boolean,
  nest: number,
  escaped: boolean
): string {
  if (sens) return '"' + ctx.mask('key');
  const raw = src.slice(open + 1);
  const val = escaped ? decodeJsonString(raw) : raw;
  const red = redactStringValue(ctx, val, nest);
  return red === val ? src.slice(open) : '"' + JSON.stringify(red).slice(1, -1);
}

function isNumberStart(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57);
}

/** The end of the number or true/false/null starting at `start`, or -1 when it is not JSON. */
function literalEnd(src: string, start: number, n: number): number {
  let i = start;
  while (i < n) {
    const d = src.charCodeAt(i);
    if ((d >= 48 && d <= 57) || (d >= 97 && d <= 122) || d === 45 || d === 43 || d === 46 || d === 69) i++;
    else break;
  }
  if (i === start) return -1;
  if (isNumberStart(src.charCodeAt(start))) return i;
  const tok = src.slice(start, i);
  return tok === 'true' || tok === 'false' || tok === 'null' ? i : -1;
}

/** Skips whitespace and the brackets that close containers on `stack` (popping them); returns where the next token starts. */
function closeContainers(src: string, i: number, n: number, stack: number[]): number {
  for (;;) {
    i = skipWs(src, i, n);
    if (i >= n || stack.length === 0) return i;
    const d = src.charCodeAt(i);
    const top = stack[stack.length - 1]!;
    if (!((d === 125 && !(top & ARRAY)) || (d === 93 && top & ARRAY))) return i;
    stack.pop();
    i++;
  }
}

/** What follows a value (and the brackets closed after it) at `i`. */
const NEXT_MEMBER = 0;
const NEXT_ELEMENT = 1;
/** Several top-level values (NDJSON) go on. */
const NEXT_TOP_LEVEL = 2;
const NOT_JSON = 3;

function following(src: string, i: number, stack: number[]): number {
  const d = src.charCodeAt(i);
  if (stack.length === 0) return d === 123 || d === 91 ? NEXT_TOP_LEVEL : NOT_JSON;
  if (d !== 44) return NOT_JSON;
  return stack[stack.length - 1]! & ARRAY ? NEXT_ELEMENT : NEXT_MEMBER;
}

// Hot loop: plain locals only (no closures), so V8 keeps them in registers; the steps it
// calls are small enough for V8 to inline.
export function redactJson(ctx: ScanContext, src: string, nest = 0): string {
  const n = src.length;
  const quotedR = JSON.stringify(ctx.mask('key'));
  const stack: number[] = [];
  const memo = (ctx.keyMemo ??= {
    keys: new Array(KEY_SLOTS + 1),
    flags: new Array(KEY_SLOTS + 1),
    text: new Array(KEY_SLOTS + 1),
  });
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
      const e = i < n && src.charCodeAt(i) === 34 ? stringEnd(src, i) : -1;
      if (e < 0) return finish(ctx, src, out, last, i, parentSensitive);
      if (nextBackslash >= 0 && nextBackslash < i) nextBackslash = src.indexOf('\\', i);
      const slot = keySlot(ctx, memo, src, i, e, nextBackslash >= 0 && nextBackslash < e);
      if (memo.text[slot] !== undefined) {
        out += src.slice(last, i) + memo.text[slot];
        last = e + 1;
      }
      hide = parentSensitive ? Hide.All : memo.flags[slot]!;
      sens = (hide & Hide.Text) !== 0;
      i = skipWs(src, e + 1, n);
      if (i >= n || src.charCodeAt(i) !== 58) return finish(ctx, src, out, last, i, parentSensitive);
      i++;
    }

    // ---- a value
    i = skipWs(src, i, n);
    if (i >= n) return finish(ctx, src, out, last, n, false);
    const start = i;
    const c = src.charCodeAt(i);
    let replacement: string | undefined;
    if (c === 123 || c === 91) {
      stack.push((c === 91 ? ARRAY : 0) | (sens || stack.length >= MAX_DEPTH ? SENSITIVE : 0));
      hide = sens ? Hide.All : Hide.None;
      i = skipWs(src, i + 1, n);
      if (i >= n || src.charCodeAt(i) !== (c === 123 ? 125 : 93)) {
        if (c === 123) expectKey = true;
        else sens = (stack[stack.length - 1]! & SENSITIVE) !== 0;
        continue;
      } // else empty: closed below like any value
    } else if (c === 34) {
      const e = stringEnd(src, i);
      if (nextBackslash >= 0 && nextBackslash < i) nextBackslash = src.indexOf('\\', i);
      if (e < 0) return out + src.slice(last, i) + cutOffString(ctx, src, i, sens, nest, nextBackslash >= 0);
      const escaped = nextBackslash >= 0 && nextBackslash < e;
      replacement = stringReplacement(ctx, src, i, e, sens, hide, nest, escaped, quotedR);
      i = e + 1;
    } else {
      i = literalEnd(src, start, n);
      if (i < 0) return finish(ctx, src, out, last, start, sens);
      if (sens && hide & Hide.Numbers && isNumberStart(c)) replacement = quotedR;
    }
    if (replacement !== undefined) {
      out += src.slice(last, start) + replacement;
      last = i;
    }

    // ---- after a value: , ] } or (top level) another value
    i = closeContainers(src, i, n, stack);
    if (i >= n) return finish(ctx, src, out, last, n, false);
    const next = following(src, i, stack);
    const top = stack.length > 0 ? stack[stack.length - 1]! : 0;
    if (next === NOT_JSON) return finish(ctx, src, out, last, i, (top & SENSITIVE) !== 0);
    if (next !== NEXT_TOP_LEVEL) i++; // past the comma
    if (next === NEXT_MEMBER) expectKey = true;
    else {
      sens = (top & SENSITIVE) !== 0; // at top level: false
      hide = sens ? Hide.All : Hide.None;
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
        const x = redactValue(
          ctx,
          (v as Record<string, unknown>)[k],
          inner === Hide.All ? inner : hideFor(ctx.keys, k),
          depth + 1
        );
        const name = redactText(ctx, k); // a key can be a secret itself
        if (name === '__proto__')
          Object.defineProperty(o, name, { value: x, enumerable: true, writable: true, configurable: true });
        else o[name] = x;
      }
      return o;
    }
    default:
      return v;
  }
}
