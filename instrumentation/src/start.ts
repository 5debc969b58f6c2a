import { context, diag, logs, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { integrationLogsComponents, type ComponentsOptions } from './components.js';
import { reportFailure } from './diagnostics.js';
import type { ExportStats } from './export-stats.js';
import type { IntegrationLogs } from './integration-logs.js';

export type StartOptions = Omit<ComponentsOptions, 'export'>;

export interface IntegrationLogsSdk extends IntegrationLogs {
  /** Exports what is queued; resolves (never rejects) within the export timeout. */
  forceFlush(): Promise<void>;
  /** Flushes, stops instrumenting and unregisters the global providers. Never rejects. */
  shutdown(): Promise<void>;
  /** Spans and log records lost so far (queue full or export failed). */
  readonly droppedCount: number;
  readonly stats: ExportStats;
}

const LOG_RECORD_LIMIT_VARIABLES = [
  'OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
];

const RUNNING = Symbol.for('integration-logs.sdk');
type GlobalWithSdk = typeof globalThis & { [RUNNING]?: IntegrationLogsSdk };

/** The SDK started in this process (by code or by `--import .../register`), if any. */
export function getIntegrationLogs(): IntegrationLogsSdk | undefined {
  return (globalThis as GlobalWithSdk)[RUNNING];
}

/**
 * Starts OpenTelemetry (NodeSDK: resource from OTEL_* env, AsyncLocalStorage context,
 * W3C propagation) with the integration-logs processors, instrumentations and OTLP/HTTP
 * exporters, and returns the operation API.
 */
export function startIntegrationLogs(options: StartOptions = {}): IntegrationLogsSdk {
  const existing = getIntegrationLogs();
  if (existing) {
    diag.warn('integration-logs: already started in this process; returning the running instance');
    return existing;
  }
  const components = integrationLogsComponents({ ...options, export: true });
  const resourceAttrs: Record<string, string> = {};
  if (options.serviceVersion) resourceAttrs[ATTR_SERVICE_VERSION] = options.serviceVersion;
  if (options.environment) resourceAttrs['deployment.environment.name'] = options.environment;
  const sdk = new NodeSDK({
    ...(options.serviceName ? { serviceName: options.serviceName } : {}),
    resource: resourceFromAttributes(resourceAttrs),
    spanProcessors: components.spanProcessors,
    logRecordProcessors: components.logRecordProcessors,
    instrumentations: components.instrumentations,
    // Request metrics come from the collector's spanmetrics connector. NodeSDK would
    // otherwise start an OTLP metrics exporter by default; only do so when asked.
    ...(process.env.OTEL_METRICS_EXPORTER ? {} : { metricReaders: [] }),
  });
  sdk.start();
  // The logger provider holds only our processors, and attribute limits only from these.
  if (!LOG_RECORD_LIMIT_VARIABLES.some((v) => process.env[v])) components.routeRecordsDirectly();

  // The global tracer provider is a proxy without forceFlush; flush the provider behind it.
  const tracerProvider =
    (trace.getTracerProvider() as { getDelegate?: () => unknown }).getDelegate?.() ?? trace.getTracerProvider();
  const loggerProvider = logs.getLoggerProvider();
  // An exporter retries within its timeout; with a hanging collector, flush and shutdown
  // would wait for every retry of every batch. Bound them so exit is never held hostage.
  const limitMs = (options.exportTimeoutMs ?? 10_000) + 2_000;
  const bounded = (p: Promise<unknown> | undefined) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, limitMs);
      timer.unref();
      void Promise.resolve(p)
        // Export failures were reported as they happened (export-notices.ts).
        .catch((err: unknown) => reportFailure('debug', 'a flush or shutdown of the providers failed; went on', err))
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    });
  const flush = async () => {
    const p = tracerProvider as { forceFlush?: () => Promise<void> };
    const lp = loggerProvider as { forceFlush?: () => Promise<void> };
    // allSettled: a failed export of one signal must not end the wait for the other.
    await bounded(Promise.allSettled([p.forceFlush?.(), lp.forceFlush?.()]));
  };
  let shutdownPromise: Promise<void> | undefined;
  const il = components.integrationLogs as IntegrationLogsSdk;
  Object.defineProperty(il, 'droppedCount', { get: () => components.stats.droppedCount });
  Object.assign(il, {
    stats: components.stats,
    forceFlush: () => flush().catch((err: unknown) => reportFailure('warn', 'forceFlush failed; went on', err)),
    shutdown: () =>
      (shutdownPromise ??= (async () => {
        // Give an in-flight scheduled export the chance to finish, then flush the rest.
        try {
          await flush();
          await bounded(sdk.shutdown());
        } catch (err) {
          reportFailure('warn', 'shutdown did not complete cleanly', err);
        } finally {
          components.disable();
          trace.disable();
          logs.disable();
          propagation.disable();
          context.disable();
          if (getIntegrationLogs() === il) delete (globalThis as GlobalWithSdk)[RUNNING];
        }
      })()),
  });
  (globalThis as GlobalWithSdk)[RUNNING] = il;
  return il;
}
