import {
  context,
  logs,
  ROOT_CONTEXT,
  SeverityNumber,
  trace,
  type AnyValue,
  type Attributes,
  type Context,
  type Logger,
  type LogRecord,
  type Span,
} from '@opentelemetry/api';
import { ATTR_EVENT_NAME, SCOPE_NAME, SCOPE_VERSION } from './attributes.js';
import type { RecordBody } from './deferred-body.js';
import type { DirectRecords } from './direct-records.js';
import { markPreRedacted, PRE_REDACTED_ROOT } from './pre-redacted.js';
import { uniqueRecordTime } from './record-time.js';

const SEVERITY_TEXT: Partial<Record<SeverityNumber, string>> = {
  [SeverityNumber.INFO]: 'INFO',
  [SeverityNumber.WARN]: 'WARN',
  [SeverityNumber.ERROR]: 'ERROR',
};

/**
 * Emits the SDK's log records as OpenTelemetry events (event name + `event.name`
 * attribute) through the global logger provider, linked to a span's context; or, once
 * `direct` has learned that provider, straight into its processors (direct-records.ts).
 */
export class Emitter {
  private cachedLogger: Logger | undefined;
  private cachedFrom: unknown;
  private direct: DirectRecords | undefined;

  constructor(private readonly loggerOverride?: Logger) {}

  /** Sends records straight to the processors `direct` holds, for the provider it learns. */
  routeDirectly(direct: DirectRecords): void {
    this.direct = direct;
  }

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

  /**
   * `preRedactedBody`: the body was built only from redactor output (see pre-redacted.ts).
   * A DeferredBody travels as the record's body object: the logs SDK keeps bodies as they
   * are, and our exporter wrapper (deferred-body.ts) or our own record (direct-records.ts)
   * renders it.
   */
  emit(
    eventName: string,
    span: Span | Context | undefined,
    severity: SeverityNumber,
    body: RecordBody,
    attributes: Attributes,
    preRedactedBody = false
  ): void {
    let ctx: Context | undefined;
    if (span === undefined) ctx = undefined;
    else if ('spanContext' in span) ctx = trace.setSpan(preRedactedBody ? PRE_REDACTED_ROOT : ROOT_CONTEXT, span);
    else ctx = preRedactedBody ? markPreRedacted(span) : span;
    attributes[ATTR_EVENT_NAME] = eventName;
    const timestamp = uniqueRecordTime();
    const severityText = SEVERITY_TEXT[severity];
    const logger = this.logger();
    const direct = this.direct;
    if (direct?.accepts(this.cachedFrom)) {
      direct.emit(logger, {
        eventName,
        timestamp,
        severityNumber: severity,
        severityText,
        body,
        attributes,
        context: ctx ?? context.active(),
      });
      return;
    }
    const record: LogRecord = {
      eventName,
      timestamp,
      severityNumber: severity,
      severityText,
      body: body as AnyValue,
      attributes,
    };
    if (ctx) record.context = ctx;
    direct?.expect(this.cachedFrom);
    try {
      logger.emit(record);
    } finally {
      direct?.expect(undefined);
    }
  }
}
