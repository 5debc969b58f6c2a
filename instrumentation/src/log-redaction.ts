import type { Context } from '@opentelemetry/api';
import type { LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import { reportFailure } from './diagnostics.js';
import { boundLabelAttributes } from './label-values.js';
import { isPreRedacted } from './pre-redacted.js';
import type { Redactor } from './redaction/index.js';

/** Attributes the SDK sets from redactor output on pre-redacted records. */
const ALREADY_REDACTED = new Set(['url.full', 'url.template', 'event.name']);

/**
 * The last-line log redaction, with one shortcut: an `integration.request` record's body
 * is built by the SDK from redactor output only (url, headers, bodies by content type),
 * so re-scanning it would only cost time on every request. Those records (marked in
 * their emit context, which user code cannot reach) keep the last line for their
 * attributes; every other record goes through the full redacting processor. Either way
 * the label-bound attributes are kept indexable last (label-values.ts).
 */
export class LastLineLogRedaction implements LogRecordProcessor {
  constructor(
    private readonly full: LogRecordProcessor,
    private readonly redactor: Redactor,
    /** Sees each record first (direct-records.ts learns the provider's resource from ours). */
    private readonly seen?: (record: ReadWriteLogRecord) => void
  ) {}

  onEmit(record: ReadWriteLogRecord, context?: Context): void {
    this.seen?.(record);
    this.redact(record, context);
    try {
      boundLabelAttributes(record.attributes, (k, v) => record.setAttribute(k, v));
    } catch (err) {
      // never break the emitter
      reportFailure('debug', 'bounding the label attributes of a log record failed; skipped', err);
    }
  }

  private redact(record: ReadWriteLogRecord, context?: Context): void {
    if (!isPreRedacted(context)) {
      this.full.onEmit(record, context);
      return;
    }
    try {
      const attrs = record.attributes as Record<string, unknown>;
      for (const key of Object.keys(attrs)) {
        if (ALREADY_REDACTED.has(key)) continue;
        const v = attrs[key];
        if (typeof v !== 'string' && !Array.isArray(v)) continue;
        const r = this.redactor.attributeFor(key, v);
        if (r !== v) record.setAttribute(key, r as never);
      }
    } catch (err) {
      reportFailure(
        'debug',
        'redacting the attributes of a request record failed; redacting the whole record instead',
        err
      );
      this.full.onEmit(record, context);
    }
  }

  forceFlush(): Promise<void> {
    return this.full.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.full.shutdown();
  }
}
