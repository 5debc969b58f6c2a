import { diag } from '@opentelemetry/api';

/**
 * What an error was and where it was raised, without its message: errors raised while
 * reading user data (JSON.parse, URL parsing, a hostile toString) may quote that data,
 * and it may hold the very secrets being redacted. Stack frames name only code.
 */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frame = err.stack
    ?.split('\n')
    .find((line) => line.startsWith('    at '))
    ?.trim();
  return frame ? `${err.name} ${frame}` : err.name;
}

/**
 * Reports a failure the SDK recovered from through the OpenTelemetry diag logger
 * (`diag.setLogger`, or `OTEL_LOG_LEVEL` with NodeSDK). `what` says what failed and what
 * was done instead. Never throws: neither a hostile error object nor a throwing logger
 * may break the integration code that the failure was kept from.
 */
export function reportFailure(level: 'debug' | 'warn', what: string, err: unknown): void {
  try {
    diag[level](`integration-logs: ${what} (${describeError(err)})`);
  } catch {
    // Nowhere left to report to: the failure was already recovered from.
  }
}
