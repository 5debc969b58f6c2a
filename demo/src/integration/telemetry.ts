// Starts the SDK for the demo and tells the user, once, when nothing receives the telemetry.
import { startIntegrationLogs, type IntegrationLogsSdk } from '@integration-logs/instrumentation';
import { envString } from '../shared/env.js';

export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

export interface TelemetryOptions {
  serviceName?: string;
  /** OTLP/HTTP base URL; default OTEL_EXPORTER_OTLP_ENDPOINT, then http://localhost:4318. */
  endpoint?: string;
  /** Delay between batch exports (ms). */
  scheduledDelayMs?: number;
  /** Told when exports start failing; without it the SDK prints its own warning. */
  onExportError?: (error: Error) => void;
}

export function otlpEndpoint(explicit?: string): string {
  return explicit ?? envString('OTEL_EXPORTER_OTLP_ENDPOINT', DEFAULT_OTLP_ENDPOINT);
}

export function startTelemetry(options: TelemetryOptions = {}): IntegrationLogsSdk {
  return startIntegrationLogs({
    serviceName: options.serviceName ?? envString('OTEL_SERVICE_NAME', 'demo-integration'),
    serviceVersion: '0.1.0',
    // OTEL_RESOURCE_ATTRIBUTES still wins over this (the SDK's rule).
    environment: envString('DEMO_ENVIRONMENT', 'demo'),
    endpoint: otlpEndpoint(options.endpoint),
    ...(options.scheduledDelayMs !== undefined ? { scheduledDelayMs: options.scheduledDelayMs } : {}),
    ...(options.onExportError ? { onExportError: options.onExportError } : {}),
  });
}

/**
 * The SDK's `onExportError` hook for the demo: one notice the first time exports fail (no
 * collector listening, wrong URL). The SDK drops and counts what it cannot export, so the
 * demo keeps running either way; repeating the notice for every burst of failures (and for
 * both signals) would only bury the demo's own output.
 */
export function exportNotice(endpoint: string, log: (line: string) => void): (error: Error) => void {
  let told = false;
  return (error) => {
    if (told) return;
    told = true;
    log(
      `cannot export telemetry to ${endpoint} (${error.message.replace(/^Error: /, '')}; is an OpenTelemetry collector listening there?). ` +
        'The demo keeps running and drops telemetry it cannot send; this is said only once.'
    );
  };
}
