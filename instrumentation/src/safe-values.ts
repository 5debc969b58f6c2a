import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { reportFailure } from './diagnostics.js';

/**
 * JSON.stringify that never throws: circular references become "[Circular]", BigInts
 * become strings, and output is cut at `maxChars` (user data must not grow a record
 * without bound).
 */
export function safeJson(value: unknown, maxChars = 16_384): string {
  const seen = new WeakSet<object>();
  let out: string | undefined;
  try {
    out = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[Circular]';
        seen.add(v);
      }
      return v;
    });
  } catch (err) {
    reportFailure('debug', 'serializing a value as JSON failed; recorded it as [unserializable]', err);
    out = JSON.stringify(`[unserializable: ${(err as Error)?.name ?? 'Error'}]`);
  }
  if (out === undefined) out = 'null';
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Keeps user-supplied attributes inside what OpenTelemetry accepts: primitives and
 * homogeneous arrays of primitives pass, anything else (objects, circular structures,
 * functions) is turned into bounded JSON text.
 */
export function sanitizeAttributes(attrs: Record<string, unknown> | undefined): Attributes {
  const out: Attributes = {};
  if (!attrs || typeof attrs !== 'object') return out;
  for (const key of Object.keys(attrs)) {
    const v = attrs[key];
    if (v === undefined || v === null) continue;
    if (isPrimitive(v)) out[key] = v;
    else if (Array.isArray(v) && v.every(isPrimitive) && new Set(v.map((x) => typeof x)).size <= 1)
      out[key] = v as AttributeValue;
    else if (typeof v === 'bigint') out[key] = v.toString();
    else if (typeof v === 'function' || typeof v === 'symbol') continue;
    else out[key] = safeJson(v, 4096);
  }
  return out;
}

export function errorType(err: unknown): string {
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    const name = (err as { name?: unknown }).name;
    if (typeof name === 'string' && name && name !== 'Error') return name;
    const ctor = (err as object).constructor?.name;
    if (ctor && ctor !== 'Object') return ctor;
  }
  return typeof err === 'string' ? 'Error' : '_OTHER';
}

export function isAbortError(err: unknown): boolean {
  return (
    !!err &&
    typeof err === 'object' &&
    ((err as { name?: unknown }).name === 'AbortError' || (err as { code?: unknown }).code === 'ABORT_ERR')
  );
}
