/**
 * JSON bodies without JSON.parse: one forward pass over the text that copies it unchanged
 * except for the values it redacts, so numbers, key order and escapes survive exactly and
 * the cost stays close to a plain parse. No recursion: containers live on an explicit
 * stack, so any depth is safe; below MAX_DEPTH every leaf is redacted (conservative).
 *
 * - a value under a sensitive key (at any depth, including every leaf of an object or array
 *   under it) becomes "[REDACTED]" (strings and numbers; booleans and null stay);
 * - other strings are scanned as free text; a string that holds JSON is redacted as JSON;
 * - truncated input (a body cut at the size limit) is redacted as far as it goes;
 * - after a syntax error the rest is scanned as free text, or replaced whole when the error
 *   is inside a sensitive value.
 */
import { mightHoldSecret, redactText, type ScanContext } from './scan.js';

export const MAX_DEPTH = 64;
/** JSON inside a string inside JSON ... is followed this many levels, then scanned as text. */
const MAX_NESTED_JSON = 3;

const SENSITIVE = 1;
const ARRAY = 2;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function decodeJsonString(raw: string): string {
  try {
    return JSON.parse('"' + raw + '"') as string;
  } catch {
    return raw;
  }
}

/** A string value found in a body or object: JSON inside it, or free text. */
export function redactStringValue(ctx: ScanContext, s: string, nest: number): string {
  if (!mightHoldSecret(s)) return ctx.extraPatterns.length ? redactText(ctx, s) : s;
  let i = 0;
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  const c = s.charCodeAt(i);
  if ((c === 123 || c === 91) && nest < MAX_NESTED_JSON) return redactJson(ctx, s, nest + 1);
  return redactText(ctx, s);
}

export function redactJson(ctx: ScanContext, src: string, nest = 0): string {
  const n = src.length;
  const R = ctx.replacement;
  const quotedR = JSON.stringify(R);
  const keys = ctx.keys;
  const stack: number[] = [];
  let out = '';
  let last = 0;
  let i = 0;
  let nextBackslash = -2; // cached position of the next backslash (-1: none left)

  const replace = (from: number, to: number, text: string): void => {
    out += src.slice(last, from) + text;
    last = to;
  };
  const skipWs = (): void => {
    while (i < n && isWs(src.charCodeAt(i))) i++;
  };
  /** Index of the closing quote of the string opening at `open`, or -1 when cut off. */
  const stringEnd = (open: number): number => {
    let j = open + 1;
    for (;;) {
      const q = src.indexOf('"', j);
      if (q < 0) return -1;
      let b = 0;
      while (src.charCodeAt(q - 1 - b) === 92) b++;
      if ((b & 1) === 0) return q;
      j = q + 1;
    }
  };
  const hasBackslash = (from: number, to: number): boolean => {
    if (nextBackslash !== -1 && nextBackslash < from) nextBackslash = src.indexOf('\\', from);
    return nextBackslash >= 0 && nextBackslash < to;
  };
  /** The rest after a syntax error or the end of input. */
  const finish = (sensitive: boolean, at: number): string => {
    if (at >= n) return last === 0 ? src : out + src.slice(last);
    const rest = src.slice(at);
    return out + src.slice(last, at) + (sensitive ? R : redactText(ctx, rest));
  };

  let sens = false; // sensitivity of the value about to be read
  for (;;) {
    // ---- a value
    skipWs();
    if (i >= n) return finish(false, n);
    const c = src.charCodeAt(i);
    if (c === 123 || c === 91) {
      const deep = stack.length >= MAX_DEPTH;
      stack.push((c === 91 ? ARRAY : 0) | (sens || deep ? SENSITIVE : 0));
      i++;
      skipWs();
      if (i >= n) return finish(false, n);
      const d = src.charCodeAt(i);
      if ((c === 123 && d === 125) || (c === 91 && d === 93)) {
        stack.pop();
        i++;
      } else if (c === 91) {
        continue; // first element, same sensitivity
      } else {
        // fall through to the key reader below
        const r = readKey(stack[stack.length - 1]! & SENSITIVE ? true : false);
        if (r !== undefined) return r;
        continue;
      }
    } else if (c === 34) {
      const e = stringEnd(i);
      if (e < 0) {
        // cut off inside a string
        if (sens) return out + src.slice(last, i) + '"' + R;
        const raw = src.slice(i + 1);
        const red = redactStringValue(ctx, hasBackslash(i + 1, n) ? decodeJsonString(raw) : raw, nest);
        return red === raw ? finish(false, n) : out + src.slice(last, i) + '"' + JSON.stringify(red).slice(1, -1);
      }
      if (sens) {
        if (e > i + 1) replace(i, e + 1, quotedR);
      } else if (e - i > 5 || ctx.extraPatterns.length) {
        const raw = src.slice(i + 1, e);
        const escaped = hasBackslash(i + 1, e);
        if (escaped || mightHoldSecret(raw) || ctx.extraPatterns.length) {
          const val = escaped ? decodeJsonString(raw) : raw;
          const red = redactStringValue(ctx, val, nest);
          if (red !== val) replace(i, e + 1, JSON.stringify(red));
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
      if (i === start) return finish(sens, start);
      const tok = src.slice(start, i);
      if (tok === 'true' || tok === 'false' || tok === 'null') {
        // kept: no secret in a boolean
      } else if (/^-?[0-9]/.test(tok)) {
        if (sens) replace(start, i, quotedR);
      } else return finish(sens, start);
    }

    // ---- after a value
    for (;;) {
      skipWs();
      if (i >= n) return finish(false, n);
      if (stack.length === 0) {
        // several top-level values (NDJSON): go on; anything else is not JSON
        const d = src.charCodeAt(i);
        if (d === 123 || d === 91) {
          sens = false;
          break;
        }
        return finish(false, i);
      }
      const top = stack[stack.length - 1]!;
      const d = src.charCodeAt(i);
      if (d === 44) {
        i++;
        if (top & ARRAY) {
          sens = (top & SENSITIVE) !== 0;
          break;
        }
        const r = readKey((top & SENSITIVE) !== 0);
        if (r !== undefined) return r;
        break;
      }
      if ((d === 125 && !(top & ARRAY)) || (d === 93 && top & ARRAY)) {
        stack.pop();
        i++;
        continue;
      }
      return finish((top & SENSITIVE) !== 0, i);
    }
  }

  /** Reads `"key":` and sets `sens` for its value; returns a final result on error/end. */
  function readKey(parentSensitive: boolean): string | undefined {
    skipWs();
    if (i >= n) return finish(false, n);
    if (src.charCodeAt(i) !== 34) return finish(parentSensitive, i);
    const e = stringEnd(i);
    if (e < 0) return finish(parentSensitive, i);
    const raw = src.slice(i + 1, e);
    const key = hasBackslash(i + 1, e) ? decodeJsonString(raw) : raw;
    i = e + 1;
    skipWs();
    if (i >= n) return finish(false, n);
    if (src.charCodeAt(i) !== 58) return finish(parentSensitive, i);
    i++;
    sens = parentSensitive || keys.isSensitive(key);
    return undefined;
  }
}

/**
 * A JavaScript value (log body or attribute): a redacted copy, the input is never mutated.
 * Depth is bounded; cycles end there.
 */
export function redactValue(ctx: ScanContext, v: unknown, sensitive = false, depth = 0): unknown {
  switch (typeof v) {
    case 'string':
      return sensitive ? (v === '' ? v : ctx.replacement) : redactStringValue(ctx, v, 0);
    case 'number':
    case 'bigint':
      return sensitive ? ctx.replacement : v;
    case 'object': {
      if (v === null) return v;
      if (depth >= MAX_DEPTH) return ctx.replacement;
      if (Array.isArray(v)) return v.map((x) => redactValue(ctx, x, sensitive, depth + 1));
      if (ArrayBuffer.isView(v)) return sensitive ? ctx.replacement : v;
      if (v instanceof Date) return v;
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const x = redactValue(ctx, (v as Record<string, unknown>)[k], sensitive || ctx.keys.isSensitive(k), depth + 1);
        if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
        else o[k] = x;
      }
      return o;
    }
    default:
      return v;
  }
}
