import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { BatchLogRecordProcessor, type LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { buildingDeferredBodies } from './deferred-body.js';
import { DirectRecords } from './direct-records.js';
import { Emitter } from './emitter.js';
import { countingLogExporter, countingSpanExporter, ExportStats } from './export-stats.js';
import { ExportNotices, type ExportSignal } from './export-notices.js';
import { FlowSessions } from './flow-sessions.js';
import { IntegrationLogs } from './integration-logs.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_QUEUE_SIZE,
  DEFAULT_SCHEDULED_DELAY_MS,
  DEFAULT_SESSION_GAP_MS,
  DEFAULT_SPAN_HEADERS,
  type IntegrationLogsOptions,
} from './options.js';
import {
  createRedactor,
  RedactingLogRecordProcessor,
  RedactingSpanProcessor,
  type Redactor,
} from './redaction/index.js';
import { LabelBoundSpanProcessor } from './label-values.js';
import { LastLineLogRedaction } from './log-redaction.js';
import { createLogExporter, createSpanExporter } from './otlp-exporters.js';
import { RequestCaptures } from './request-capture.js';

export interface ComponentsOptions extends IntegrationLogsOptions {
  /**
   * Include a batch processor with an OTLP/HTTP exporter (default true). Set false when
   * your NodeSDK exports elsewhere: then put our processors before your own batch
   * processor, so request records are finalized and redaction runs first.
   */
  export?: boolean;
}

export interface IntegrationLogsComponents {
  /** Request finalizer, redaction, then (unless export: false) the batch exporter; keep this order. */
  spanProcessors: SpanProcessor[];
  /** Redaction, then (unless export: false) the batch exporter. */
  logRecordProcessors: LogRecordProcessor[];
  /** undici (fetch) and node:http(s) client instrumentations, wired to record requests. */
  instrumentations: Instrumentation[];
  /** The operation API (scopes, flow events). */
  integrationLogs: IntegrationLogs;
  redactor: Redactor;
  stats: ExportStats;
  /** Stops watching requests (instrumentations and diagnostics channels). */
  disable(): void;
  /** Starts watching requests again after `disable()`. */
  enable(): void;
  /**
   * Only for a logger provider built with exactly `logRecordProcessors` and no attribute
   * limits (startIntegrationLogs): the SDK's records then go straight to those processors,
   * with that provider's resource and scope, skipping its generic record copy.
   */
  routeRecordsDirectly(): void;
}

function trimSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

/** Where the OTLP/HTTP exporter sends a signal: the exporters' own precedence of option and env. */
function otlpUrl(endpoint: string | undefined, signal: ExportSignal): string {
  if (endpoint) return `${trimSlash(endpoint)}/v1/${signal}`;
  const specific = process.env[`OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`]?.trim();
  if (specific) return specific;
  return `${trimSlash(process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || 'http://localhost:4318')}/v1/${signal}`;
}

/** Export stats; with our exporters, also the notices that tell the user where exports fail. */
function exportStats(options: ComponentsOptions, redactor: Redactor): ExportStats {
  if (options.export === false) return new ExportStats();
  const destinations = {
    traces: options.spanExporter ? 'the span exporter' : redactor.url(otlpUrl(options.endpoint, 'traces')),
    logs: options.logExporter ? 'the log record exporter' : redactor.url(otlpUrl(options.endpoint, 'logs')),
  };
  return new ExportStats(new ExportNotices(destinations, options.onExportError));
}

/** The undici (fetch) and node:http(s) client instrumentations, wired to record requests. */
function clientInstrumentations(
  options: ComponentsOptions,
  captures: RequestCaptures,
  recordOutside: boolean,
  spanHeaders: string[]
): Instrumentation[] {
  const instrumentations: Instrumentation[] = [];
  if (options.instrumentUndici !== false) {
    instrumentations.push(
      new UndiciInstrumentation({
        requireParentforSpans: !recordOutside,
        requestHook: captures.undiciRequestHook,
        responseHook: captures.undiciResponseHook as never,
      })
    );
  }
  if (options.instrumentHttp !== false) {
    instrumentations.push(
      new HttpInstrumentation({
        disableIncomingRequestInstrumentation: true, // incoming webhooks get their SERVER span from il.incomingWebhook
        requireParentforOutgoingSpans: !recordOutside,
        requestHook: captures.httpRequestHook,
        responseHook: captures.httpResponseHook,
        headersToSpanAttributes: { client: { requestHeaders: spanHeaders, responseHeaders: spanHeaders } },
      })
    );
    // node:http(s) are often loaded before we start (by the app or an HTTP client
    // library). Requiring them now lets the instrumentation patch the shared module
    // objects in place, so clients that already hold them are covered too. It must be
    // require(): the instrumentation hooks the CommonJS loader, not import.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('node:http');
    require('node:https');
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return instrumentations;
}

/** The batch processors with the OTLP/HTTP (or given) exporters, counting what is lost in `stats`. */
function batchProcessors(
  options: ComponentsOptions,
  stats: ExportStats
): { span: SpanProcessor; log: LogRecordProcessor } {
  const base = options.endpoint ? trimSlash(options.endpoint) : undefined;
  const common = {
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.exportTimeoutMs !== undefined ? { timeoutMillis: options.exportTimeoutMs } : {}),
  };
  const spanExporter =
    options.spanExporter ?? createSpanExporter({ ...common, ...(base ? { url: `${base}/v1/traces` } : {}) });
  const logExporter =
    options.logExporter ?? createLogExporter({ ...common, ...(base ? { url: `${base}/v1/logs` } : {}) });
  const batch = {
    maxQueueSize: options.maxQueueSize ?? DEFAULT_MAX_QUEUE_SIZE,
    maxExportBatchSize: Math.min(512, options.maxQueueSize ?? DEFAULT_MAX_QUEUE_SIZE),
    scheduledDelayMillis: options.scheduledDelayMs ?? DEFAULT_SCHEDULED_DELAY_MS,
    exportTimeoutMillis: (options.exportTimeoutMs ?? 10_000) + 1000,
    selfObsMeterProvider: stats.queueMeterProvider,
  };
  return {
    span: new BatchSpanProcessor({ ...batch, exporter: countingSpanExporter(spanExporter, stats) }),
    log: new BatchLogRecordProcessor({
      ...batch,
      exporter: countingLogExporter(buildingDeferredBodies(logExporter), stats),
    }),
  };
}

/**
 * Everything the SDK adds to an OpenTelemetry setup, for users who run their own
 * NodeSDK: `new NodeSDK({ spanProcessors, logRecordProcessors, instrumentations })`.
 */
export function integrationLogsComponents(options: ComponentsOptions = {}): IntegrationLogsComponents {
  const redactor = createRedactor(options.redaction);
  const emitter = new Emitter();
  const stats = exportStats(options, redactor);
  const maxBodyBytes = Math.max(0, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const recordOutside = options.requestsOutsideScopes === 'record';
  const spanHeaders = options.spanHeaders ?? DEFAULT_SPAN_HEADERS;
  const captures = new RequestCaptures({
    maxBodyBytes,
    captureBodies: options.captureBodies !== false,
    redactor,
    emitter,
    recordOutside,
    // with our batch processor, request record bodies are built at export (deferred-body.ts)
    deferBodies: options.export !== false,
    // undici spans get header attributes from the header maps the record is built from
    spanHeaders,
  });
  captures.enable();
  const instrumentations = clientInstrumentations(options, captures, recordOutside, spanHeaders);

  const spanProcessors: SpanProcessor[] = [
    captures.processor,
    new RedactingSpanProcessor(redactor),
    new LabelBoundSpanProcessor(),
  ];
  let direct: DirectRecords | undefined;
  const logRecordProcessors: LogRecordProcessor[] = [
    new LastLineLogRedaction(new RedactingLogRecordProcessor(redactor), redactor, (r) => direct?.seen(r)),
  ];
  if (options.export !== false) {
    const batch = batchProcessors(options, stats);
    spanProcessors.push(batch.span);
    logRecordProcessors.push(batch.log);
  }

  const integrationLogs = new IntegrationLogs({
    emitter,
    redactor,
    sessions: new FlowSessions(options.sessionGapMs ?? DEFAULT_SESSION_GAP_MS),
    maxBodyBytes,
    captureBodies: options.captureBodies !== false,
  });
  return {
    spanProcessors,
    logRecordProcessors,
    instrumentations,
    integrationLogs,
    redactor,
    stats,
    disable() {
      captures.disable();
      for (const i of instrumentations) i.disable();
    },
    enable() {
      captures.enable();
      for (const i of instrumentations) i.enable();
    },
    routeRecordsDirectly() {
      direct ??= new DirectRecords(logRecordProcessors);
      emitter.routeDirectly(direct);
    },
  };
}
