import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BatchLogRecordProcessor, type LogRecordExporter, type ReadableLogRecord, type ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportNotices, ExportSignal } from './export-notices.js';

/** What was lost on the way out: a collector that is down or slow costs data, never the caller's time. */
export class ExportStats {
  /** Spans and log records dropped because the bounded queue was full. */
  queueDropped = 0;
  /** Spans and log records in export batches that failed (collector down, 5xx, timeout). */
  exportFailed = 0;

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

function counted<T>(stats: ExportStats, signal: ExportSignal, exportFn: (items: T[], cb: (r: ExportResult) => void) => void) {
  return (items: T[], cb: (r: ExportResult) => void) => {
    exportFn(items, (result) => {
      if (result.code === ExportResultCode.SUCCESS) stats.noteSuccess(signal);
      else stats.noteFailure(signal, items.length, result.error);
      cb(result);
    });
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

/** The SDK batch processors' private queue fields (absent if a release renames them: then nothing is counted). */
type Queue = { _finishedSpans?: unknown[]; _finishedLogRecords?: unknown[]; _maxQueueSize?: number };

/** Whether the processor is about to drop the item handed to it: its bounded queue is full. */
function queueFull(queue: unknown[] | undefined, max: number | undefined): boolean {
  return !!queue && max !== undefined && queue.length >= max;
}

/** BatchSpanProcessor that also counts what its bounded queue drops. */
export class CountingBatchSpanProcessor extends BatchSpanProcessor {
  constructor(
    options: ConstructorParameters<typeof BatchSpanProcessor>[0],
    private readonly stats: ExportStats,
  ) {
    super(options);
  }

  override onEnd(span: ReadableSpan): void {
    const q = this as unknown as Queue;
    if (queueFull(q._finishedSpans, q._maxQueueSize)) this.stats.queueDropped++;
    super.onEnd(span);
  }
}

/** BatchLogRecordProcessor that also counts what its bounded queue drops. */
export class CountingBatchLogRecordProcessor extends BatchLogRecordProcessor {
  constructor(
    options: ConstructorParameters<typeof BatchLogRecordProcessor>[0],
    private readonly stats: ExportStats,
  ) {
    super(options);
  }

  override onEmit(record: ReadWriteLogRecord): void {
    const q = this as unknown as Queue;
    if (queueFull(q._finishedLogRecords, q._maxQueueSize)) this.stats.queueDropped++;
    super.onEmit(record);
  }
}
