import {
  createNoopMeter,
  type Counter,
  type Meter,
  type MeterProvider,
  type MetricAttributes,
  type MetricOptions,
} from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { ExportNotices, ExportSignal } from './export-notices.js';

/** What was lost on the way out: a collector that is down or slow costs data, never the caller's time. */
export class ExportStats {
  /** Spans and log records dropped because the bounded queue was full. */
  queueDropped = 0;
  /** Spans and log records in export batches that failed (collector down, 5xx, timeout). */
  exportFailed = 0;

  /**
   * For the batch processors' `selfObsMeterProvider` option: they report every item their
   * bounded queue drops there, as it happens.
   */
  readonly queueMeterProvider: MeterProvider = { getMeter: () => new QueueDropMeter((n) => (this.queueDropped += n)) };

  /** `notices` tells the user when exports start failing and when they recover. */
  constructor(private readonly notices?: ExportNotices) {}

  get droppedCount(): number {
    return this.queueDropped + this.exportFailed;
  }

  noteFailure(signal: ExportSignal, n: number, error: unknown): void {
    this.exportFailed += n;
    this.notices?.failure(signal, error);
  }

  noteSuccess(signal: ExportSignal): void {
    this.notices?.success(signal);
  }
}

/**
 * The batch processors' self-observability counters (semantic conventions
 * `otel.sdk.processor.span.processed`, `otel.sdk.processor.log.processed`) count an item
 * dropped at a full queue with `error.type` `queue_full`.
 */
const PROCESSED_COUNTERS = new Set(['otel.sdk.processor.span.processed', 'otel.sdk.processor.log.processed']);
const QUEUE_FULL = 'queue_full';

/** A meter that hands queue drops to `onDrop` and records nothing else. */
class QueueDropMeter implements Meter {
  private readonly noop = createNoopMeter();
  readonly createGauge = this.noop.createGauge.bind(this.noop);
  readonly createHistogram = this.noop.createHistogram.bind(this.noop);
  readonly createUpDownCounter = this.noop.createUpDownCounter.bind(this.noop);
  readonly createObservableGauge = this.noop.createObservableGauge.bind(this.noop);
  readonly createObservableCounter = this.noop.createObservableCounter.bind(this.noop);
  readonly createObservableUpDownCounter = this.noop.createObservableUpDownCounter.bind(this.noop);
  readonly addBatchObservableCallback = this.noop.addBatchObservableCallback.bind(this.noop);
  readonly removeBatchObservableCallback = this.noop.removeBatchObservableCallback.bind(this.noop);

  constructor(private readonly onDrop: (count: number) => void) {}

  createCounter<A extends MetricAttributes = MetricAttributes>(name: string, options?: MetricOptions): Counter<A> {
    if (!PROCESSED_COUNTERS.has(name)) return this.noop.createCounter(name, options);
    const onDrop = this.onDrop;
    return {
      add(value, attributes) {
        if (attributes?.[ATTR_ERROR_TYPE] === QUEUE_FULL) onDrop(value);
      },
    };
  }
}

type ExportFn<T> = (items: T[], cb: (r: ExportResult) => void) => void;

/** An export that counts the items of every failed batch, also when the exporter throws. */
function counted<T>(stats: ExportStats, signal: ExportSignal, exportFn: ExportFn<T>): ExportFn<T> {
  return (items, cb) => {
    const done = (result: ExportResult) => {
      if (result.code === ExportResultCode.SUCCESS) stats.noteSuccess(signal);
      else stats.noteFailure(signal, items.length, result.error);
      cb(result);
    };
    try {
      exportFn(items, done);
    } catch (e) {
      done({ code: ExportResultCode.FAILED, error: e instanceof Error ? e : new Error(String(e)) });
    }
  };
}

export function countingSpanExporter(inner: SpanExporter, stats: ExportStats): SpanExporter {
  return {
    export: counted<ReadableSpan>(stats, 'traces', inner.export.bind(inner)),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

export function countingLogExporter(inner: LogRecordExporter, stats: ExportStats): LogRecordExporter {
  return {
    export: counted<ReadableLogRecord>(stats, 'logs', inner.export.bind(inner)),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
