import { logs, ROOT_CONTEXT, SeverityNumber, trace, type AnyValue, type Attributes, type Context, type Logger, type Span } from '@opentelemetry/api';
import { ATTR_EVENT_NAME, SCOPE_NAME, SCOPE_VERSION } from './attributes.js';

const SEVERITY_TEXT: Partial<Record<SeverityNumber, string>> = {
  [SeverityNumber.INFO]: 'INFO',
  [SeverityNumber.WARN]: 'WARN',
  [SeverityNumber.ERROR]: 'ERROR',
};

/**
 * Emits the SDK's log records as OpenTelemetry events (event name + `event.name`
 * attribute) through the global logger provider, linked to a span's context.
 */
export class Emitter {
  private cachedLogger: Logger | undefined;
  private cachedFrom: unknown;

  constructor(private readonly loggerOverride?: Logger) {}

  private logger(): Logger {
    if (this.loggerOverride) return this.loggerOverride;
    // The global provider can be registered after we are constructed (user's NodeSDK
    // started later); re-resolve when it changes.
    const provider = logs.getLoggerProvider();
    if (provider !== this.cachedFrom || !this.cachedLogger) {
      this.cachedFrom = provider;
      this.cachedLogger = provider.getLogger(SCOPE_NAME, SCOPE_VERSION);
    }
    return this.cachedLogger;
  }

  emit(eventName: string, span: Span | Context | undefined, severity: SeverityNumber, body: AnyValue, attributes: Attributes): void {
    const ctx = span === undefined ? undefined : 'spanContext' in span ? trace.setSpan(ROOT_CONTEXT, span) : span;
    attributes[ATTR_EVENT_NAME] = eventName;
    this.logger().emit({
      eventName,
      severityNumber: severity,
      severityText: SEVERITY_TEXT[severity],
      body,
      attributes,
      ...(ctx ? { context: ctx } : {}),
    });
  }
}
