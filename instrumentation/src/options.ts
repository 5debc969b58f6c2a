import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { RedactionOptions } from './redaction/index.js';

export interface IntegrationLogsOptions {
  /** `service.name`; default from OTEL_SERVICE_NAME. */
  serviceName?: string;
  /** `service.version`. */
  serviceVersion?: string;
  /** `deployment.environment.name`. */
  environment?: string;
  /** Bytes of each request/response body kept in `integration.request` records (default 16384). */
  maxBodyBytes?: number;
  /** Record request and response bodies (default true); headers and metadata are always recorded. */
  captureBodies?: boolean;
  /** Extra keys, patterns and allow-listed headers for redaction (always on). */
  redaction?: RedactionOptions;
  /** Inactivity gap that starts a new connection-flow session (default 30 min). */
  sessionGapMs?: number;
  /** OTLP/HTTP base URL, e.g. `http://collector:4318`; default from OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint?: string;
  /** Extra OTLP headers; default from OTEL_EXPORTER_OTLP_HEADERS. */
  headers?: Record<string, string>;
  /** Timeout of one OTLP export request (default OTEL_EXPORTER_OTLP_TIMEOUT or 10 s). */
  exportTimeoutMs?: number;
  /** Bounded queue per signal; telemetry beyond it is dropped and counted (default 2048). */
  maxQueueSize?: number;
  /** Delay between batch exports (default 1000 ms). */
  scheduledDelayMs?: number;
  /**
   * Called when exports of a signal start failing (collector down, refusing, timing out),
   * at most once per burst of failures: a successful export of that signal ends the burst.
   * Errors it throws are swallowed. Without it (and without an OpenTelemetry diag logger)
   * the SDK prints one console warning per process, and one line when exports recover.
   */
  onExportError?: (error: Error, signal: 'traces' | 'logs') => void;
  /** Replace the OTLP exporters (tests, benchmarks, other backends). */
  spanExporter?: SpanExporter;
  logExporter?: LogRecordExporter;
  /** Instrument fetch/undici (default true) and node:http(s) (default true). */
  instrumentUndici?: boolean;
  instrumentHttp?: boolean;
  /**
   * Requests made outside any operation scope: `ignore` (default) records nothing for
   * them unless another span is active; `record` makes them root CLIENT spans with an
   * `integration.request` record (the `--import register` default, so an unchanged
   * application still shows its requests).
   */
  requestsOutsideScopes?: 'ignore' | 'record';
  /** Response/request headers copied to span attributes (values still pass redaction). */
  spanHeaders?: string[];
}

export const DEFAULT_MAX_BODY_BYTES = 16_384;
export { DEFAULT_SESSION_GAP_MS } from '@integration-logs/semantic-conventions';
export const DEFAULT_MAX_QUEUE_SIZE = 2048;
export const DEFAULT_SCHEDULED_DELAY_MS = 1000;
/**
 * Rate-limit headers are left out: their facts are on every request span already, as
 * `integration.ratelimit.*` (one attribute per fact; add them here to keep the raw header too).
 */
export const DEFAULT_SPAN_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'x-request-id',
  'request-id',
];
