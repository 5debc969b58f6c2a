/**
 * A span processor that only rewrites spans in `onEnding` (sdk-trace 3.1 calls it on every
 * processor before the span is frozen and before any `onEnd`), with the rest of the
 * SpanProcessor interface as no-ops. Errors never reach the caller's `span.end()`.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { reportFailure } from './diagnostics.js';

export abstract class EndingSpanProcessor implements SpanProcessor {
  /** Rewrites the span's attributes, name or status; may throw (the throw is swallowed). */
  protected abstract rewrite(span: Span): void;

  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    try {
      this.rewrite(span);
    } catch (err) {
      // A failure leaves the span as it was: never break the caller's span.end().
      reportFailure('warn', `${this.constructor.name} failed to rewrite a span; left it as it was`, err);
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
