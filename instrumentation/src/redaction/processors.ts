/**
 * OpenTelemetry processors that redact before anything is exported.
 *
 * Spans: sdk-trace 3.1 calls `onEnding(span)` on every processor before the span is frozen
 * and before any `onEnd`, so attributes can still be replaced there, whatever the order of
 * processors. Logs: `onEmit` gets a writable record; the processors run in order, so put
 * the redacting one before the exporting one.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadWriteLogRecord, LogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { Span } from '@opentelemetry/sdk-trace';
import { reportFailure } from '../diagnostics.js';
import { EndingSpanProcessor } from '../ending-span-processor.js';
import { CyclingMemo } from './cycling-memo.js';
import type { Redactor } from './index.js';

type Attrs = Record<string, unknown>;

function redactMap(redactor: Redactor, attrs: Attrs | undefined, set: (k: string, v: unknown) => void): void {
  if (!attrs) return;
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v === undefined || v === null || typeof v === 'boolean') continue;
    let r: unknown;
    try {
      r = redactor.attributeFor(k, v);
    } catch (err) {
      reportFailure('debug', 'redacting an attribute failed; replaced its value with [REDACTED]', err);
      r = '[REDACTED]';
    }
    if (r !== v && !sameArray(r, v)) set(k, r);
  }
}

function sameArray(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Span names are few by convention (`GET /v1/employees/{id}`); their scans are kept, up to this many. */
const SPAN_NAME_MEMO_SIZE = 1024;

export class RedactingSpanProcessor extends EndingSpanProcessor {
  private readonly redactedNames = new CyclingMemo<string>(SPAN_NAME_MEMO_SIZE);

  constructor(private readonly redactor: Redactor) {
    super();
  }

  private redactedName(name: string): string {
    return this.redactedNames.get(name) ?? this.redactedNames.set(name, this.redactor.text(name));
  }

  // A failure leaves attributes as they were, which is why the collector's redaction is
  // kept as a second line.
  protected rewrite(span: Span): void {
    const r = this.redactor;
    redactMap(r, span.attributes as Attrs, (k, v) => span.setAttribute(k, v as never));
    for (const ev of span.events) {
      const attrs = ev.attributes as Attrs | undefined;
      if (attrs) redactMap(r, attrs, (k, v) => (attrs[k] = v));
    }
    for (const link of span.links) {
      const attrs = link.attributes as Attrs | undefined;
      if (attrs) redactMap(r, attrs, (k, v) => (attrs[k] = v));
    }
    const status = span.status as { message?: string };
    if (typeof status.message === 'string') {
      const m = r.text(status.message);
      if (m !== status.message) status.message = m;
    }
    const name = this.redactedName(span.name);
    if (name !== span.name) span.updateName(name);
  }
}

export class RedactingLogRecordProcessor implements LogRecordProcessor {
  constructor(private readonly redactor: Redactor) {}

  onEmit(record: ReadWriteLogRecord, _context?: Context): void {
    const r = this.redactor;
    try {
      const body = record.body;
      if (typeof body === 'string') {
        const b = r.body(body);
        if (b !== body) record.setBody(b);
      } else if (body !== null && typeof body === 'object') {
        record.setBody(r.attribute(body) as never);
      }
      redactMap(r, record.attributes as Attrs, (k, v) => record.setAttribute(k, v as never));
    } catch (err) {
      try {
        record.setBody('[REDACTED]');
        reportFailure('warn', 'redacting a log record failed; replaced its body with [REDACTED]', err);
      } catch (setErr) {
        // read-only record: nothing more can be done here
        reportFailure(
          'warn',
          'redacting a log record failed and its body could not be replaced; it may leave unredacted',
          setErr
        );
      }
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
