import type { AnyValue } from '@opentelemetry/api';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { reportFailure } from './diagnostics.js';

const NOT_BUILT = '{"request":null,"response":null,"error":"record body could not be built"}';

/**
 * The body of an `integration.request` record, built when its batch is exported instead of
 * when the request ends: header normalisation, redaction, body decoding and the JSON then
 * run in one batch, off the caller's path, and records dropped from a full queue are never
 * built. It holds only the inputs (the redacted URL, raw headers, bodies captured up to
 * `maxBodyBytes`), bounded like the queue that holds the record. Whatever reads it gets
 * only redactor output: `render()`, `toJSON()` and `toString()` all build the same text.
 */
export class DeferredBody {
  #build: (() => string) | undefined;
  #text: string | undefined;

  constructor(build: () => string) {
    this.#build = build;
  }

  render(): string {
    if (this.#text === undefined) {
      try {
        this.#text = this.#build!();
      } catch (err) {
        reportFailure(
          'warn',
          'building the body of a request record failed; exported it without request and response',
          err
        );
        this.#text = NOT_BUILT;
      }
      this.#build = undefined; // release the captured inputs
    }
    return this.#text;
  }

  toJSON(): string {
    return this.render();
  }

  toString(): string {
    return this.render();
  }
}

/** A record body: a value, or a request record's body built at export. */
export type RecordBody = AnyValue | DeferredBody;

/**
 * The record as exported: the fields of ReadableLogRecord (what exporters read), with a
 * deferred body replaced by its text. A plain copy: cheaper than a prototype wrapper.
 */
function withBuiltBody(r: ReadableLogRecord): ReadableLogRecord {
  const body: RecordBody = r.body;
  if (!(body instanceof DeferredBody)) return r;
  return {
    hrTime: r.hrTime,
    hrTimeObserved: r.hrTimeObserved,
    spanContext: r.spanContext,
    severityText: r.severityText,
    severityNumber: r.severityNumber,
    body: body.render(),
    eventName: r.eventName,
    resource: r.resource,
    instrumentationScope: r.instrumentationScope,
    attributes: r.attributes,
    droppedAttributesCount: r.droppedAttributesCount,
  };
}

/** Wraps the exporter behind our batch processor: deferred bodies are built right before export. */
export function buildingDeferredBodies(inner: LogRecordExporter): LogRecordExporter {
  return {
    export: (records, resultCallback) => inner.export(records.map(withBuiltBody), resultCallback),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
