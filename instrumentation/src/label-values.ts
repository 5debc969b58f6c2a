/**
 * Attributes Loki indexes as labels (`event.name`, `integration.log_type`,
 * `integration.tool`): a value it cannot index costs the stream's records (a lone UTF-16
 * surrogate is not valid UTF-8 and gets a 400), and long values bloat the index. Such
 * values are kept valid and bounded wherever the SDK sets them and again in the last-line
 * processors, for values set by application code.
 */
import type { Span } from '@opentelemetry/sdk-trace';
import { LOKI_INDEX_LABELS, MAX_LABEL_VALUE_BYTES } from '@integration-logs/semantic-conventions';
import { EndingSpanProcessor } from './ending-span-processor.js';

declare global {
  // ES2024, in Node since 20; declared here so packages that compile these sources against
  // an ES2023 lib (the demo) type-check too.
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/**
 * `v` as valid UTF-8 of at most MAX_LABEL_VALUE_BYTES, as the collector's labelvalues
 * processor keeps it: a lone surrogate becomes `?`, and so does U+FFFD, the usual
 * stand-in, which Loki's label parser refuses (dropping the stream's records).
 */
export function labelValue(v: unknown): string {
  let s = typeof v === 'string' ? v : String(v);
  if (!s.isWellFormed()) s = s.toWellFormed();
  if (s.includes('\ufffd')) s = s.replaceAll('\ufffd', '?');
  // at most 3 bytes per UTF-16 code unit: short values need no count
  if (s.length * 3 <= MAX_LABEL_VALUE_BYTES || Buffer.byteLength(s) <= MAX_LABEL_VALUE_BYTES) return s;
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes + n > MAX_LABEL_VALUE_BYTES) break;
    bytes += n;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** Rewrites the label-bound attributes of `attrs` that need it, through `set`. */
export function boundLabelAttributes(
  attrs: Readonly<Record<string, unknown>> | undefined,
  set: (key: string, value: string) => void
): void {
  if (!attrs) return;
  for (const key of LOKI_INDEX_LABELS) {
    const v = attrs[key];
    if (v === undefined || v === null) continue;
    const bounded = labelValue(v);
    if (bounded !== v) set(key, bounded);
  }
}

/** Keeps span label-bound attributes indexable; place it after the redacting span processor. */
export class LabelBoundSpanProcessor extends EndingSpanProcessor {
  protected rewrite(span: Span): void {
    boundLabelAttributes(span.attributes, (k, v) => span.setAttribute(k, v));
  }
}
