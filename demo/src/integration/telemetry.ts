// Starts the SDK for the demo and tells the user, once, when nothing receives the telemetry.
import { startIntegrationLogs, type IntegrationLogsSdk } from '@integration-logs/instrumentation';

export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

export interface TelemetryOptions {
  serviceName?: string;
  /** OTLP/HTTP base URL; default OTEL_EXPORTER_OTLP_ENDPOINT, then http://localhost:4318. */
  endpoint?: string;
  /** Delay between batch exports (ms). */
  scheduledDelayMs?: number;
}

export function otlpEndpoint(explicit?: string): string {
  return explicit ?? (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || DEFAULT_OTLP_ENDPOINT);
}

export function startTelemetry(options: TelemetryOptions = {}): IntegrationLogsSdk {
  // NodeSDK otherwise starts an OTLP metrics exporter of its own (to the env endpoint or
  // localhost:4318) that nothing here reads; with no collector its retries hold shutdown.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  const attrs = process.env.OTEL_RESOURCE_ATTRIBUTES ?? '';
  return startIntegrationLogs({
    serviceName: options.serviceName ?? (process.env.OTEL_SERVICE_NAME?.trim() || 'demo-integration'),
    serviceVersion: '0.1.0',
    // OTEL_RESOURCE_ATTRIBUTES wins when it names the environment.
    ...(attrs.includes('deployment.environment.name=') ? {} : { environment: process.env.DEMO_ENVIRONMENT?.trim() || 'demo' }),
    endpoint: otlpEndpoint(options.endpoint),
    ...(options.scheduledDelayMs !== undefined ? { scheduledDelayMs: options.scheduledDelayMs } : {}),
  });
}

/**
 * Prints one notice when exports first fail (no collector listening, wrong URL). The SDK
 * drops and counts what it cannot export, so the demo keeps running either way; repeating
 * the notice for every failed batch would only bury the demo's own output.
 */
export function watchExports(sdk: IntegrationLogsSdk, endpoint: string, log: (line: string) => void, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    if (sdk.stats.exportFailed === 0) return;
    clearInterval(timer);
    log(
      `cannot export telemetry to ${endpoint} (is an OpenTelemetry collector listening there?). ` +
        'The demo keeps running and drops telemetry it cannot send; this is said only once.',
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
