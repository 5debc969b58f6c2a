import { diag } from '@opentelemetry/api';

export type ExportSignal = 'traces' | 'logs';
export type ExportErrorHook = (error: Error, signal: ExportSignal) => void;

/** One console warning per process: several SDK instances (or restarts) must not repeat it. */
const CONSOLE_WARNED = Symbol.for('integration-logs.export-console-warned');
type GlobalWithFlag = typeof globalThis & { [CONSOLE_WARNED]?: boolean };

/** The API's global registry; `diag.setLogger()` registers there and `diag.disable()` removes it. */
const OTEL_API = Symbol.for('opentelemetry.js.api.1');

function diagLoggerIsSet(): boolean {
  const api = (globalThis as Record<symbol, { diag?: unknown } | undefined>)[OTEL_API];
  return api?.diag !== undefined;
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(error === undefined ? 'export failed' : String(error));
}

/** The most telling message: the exporters wrap connection errors, whose cause names the code. */
function reason(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  // The HTTP exporter's messages may carry their own "Error: " prefix.
  const message = (error.message || (cause instanceof Error ? cause.message : '') || error.name).replace(
    /^Error: /,
    ''
  );
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * Tells the user when telemetry stops reaching the collector, once per burst of failures
 * per signal (a successful export ends the burst): always through the OpenTelemetry diag
 * logger, through `onExportError` when given, and otherwise, when no diag logger is set,
 * with a single console warning per process and a single "recovered" line after it.
 */
export class ExportNotices {
  private readonly failing = new Set<ExportSignal>();
  /** Set when this instance printed the process's console warning: it owes the recovery line. */
  private consoleWarnedAbout: string | undefined;

  constructor(
    /** Where each signal goes, already free of credentials. */
    private readonly destinations: Record<ExportSignal, string>,
    private readonly hook?: ExportErrorHook
  ) {}

  failure(signal: ExportSignal, error: unknown): void {
    if (this.failing.has(signal)) return;
    this.failing.add(signal);
    const err = asError(error);
    const message = `integration-logs: cannot export to ${this.destinations[signal]}: ${reason(err)}; telemetry is being dropped until it is reachable`;
    diag.warn(message);
    if (this.hook) return this.callHook(err, signal);
    const flag = globalThis as GlobalWithFlag;
    if (flag[CONSOLE_WARNED] || diagLoggerIsSet()) return;
    flag[CONSOLE_WARNED] = true;
    this.consoleWarnedAbout = this.destinations[signal];
    console.warn(message);
  }

  success(signal: ExportSignal): void {
    if (!this.failing.delete(signal)) return;
    const message = `integration-logs: export to ${this.destinations[signal]} recovered`;
    diag.info(message);
    if (this.consoleWarnedAbout !== undefined && this.failing.size === 0) {
      console.warn(`integration-logs: export to ${this.consoleWarnedAbout} recovered`);
      this.consoleWarnedAbout = undefined;
    }
  }

  private callHook(error: Error, signal: ExportSignal): void {
    try {
      const result: unknown = this.hook!(error, signal);
      // An async hook that rejects must not become an unhandled rejection.
      if (result && typeof (result as Promise<unknown>).then === 'function')
        (result as Promise<unknown>).then(undefined, (e: unknown) =>
          diag.warn('integration-logs: onExportError failed', e)
        );
    } catch (e) {
      diag.warn('integration-logs: onExportError threw', e);
    }
  }
}
