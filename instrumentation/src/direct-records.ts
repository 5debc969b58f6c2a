import {
  trace,
  type AnyValue,
  type Attributes,
  type Context,
  type HrTime,
  type Logger,
  type SeverityNumber,
  type SpanContext,
} from '@opentelemetry/api';
import { millisToHrTime, type InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import { SCOPE_NAME } from './attributes.js';
import { DeferredBody, type RecordBody } from './deferred-body.js';

/** What the emitter hands over for one record. */
export interface OwnRecordInput {
  eventName: string;
  timestamp: HrTime;
  severityNumber: SeverityNumber;
  severityText: string | undefined;
  body: RecordBody;
  attributes: Attributes;
  context: Context | undefined;
}

/**
 * A log record the SDK built itself, as the logs SDK's own record would be: same fields,
 * resource and scope. A deferred body is rendered when an exporter first reads `body`.
 */
class OwnLogRecord implements ReadWriteLogRecord {
  hrTimeObserved: HrTime = millisToHrTime(Date.now());
  hrTime: HrTime;
  spanContext?: SpanContext;
  severityText?: string;
  severityNumber?: SeverityNumber;
  eventName?: string;
  droppedAttributesCount = 0;
  #body: RecordBody;

  constructor(
    input: OwnRecordInput,
    readonly resource: Resource,
    readonly instrumentationScope: InstrumentationScope,
    readonly attributes: Attributes
  ) {
    this.hrTime = input.timestamp;
    const spanContext = input.context && trace.getSpanContext(input.context);
    if (spanContext && trace.isSpanContextValid(spanContext)) this.spanContext = spanContext;
    this.severityNumber = input.severityNumber;
    this.severityText = input.severityText;
    this.eventName = input.eventName;
    this.#body = input.body;
  }

  get body(): AnyValue {
    const b = this.#body;
    return b instanceof DeferredBody ? b.render() : b;
  }

  set body(body: AnyValue) {
    this.#body = body;
  }

  setAttribute(key: string, value?: AnyValue): this {
    if (value !== undefined) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    return this;
  }

  setBody(body: AnyValue): this {
    this.#body = body;
    return this;
  }

  setEventName(eventName: string): this {
    this.eventName = eventName;
    return this;
  }

  setSeverityNumber(severityNumber: SeverityNumber): this {
    this.severityNumber = severityNumber;
    return this;
  }

  setSeverityText(severityText: string): this {
    this.severityText = severityText;
    return this;
  }
}

/**
 * The SDK's own records straight into its log processors (last-line redaction, then the
 * batch processor), skipping the logger provider's generic record: attribute validation
 * and copies cost more than the rest of a request record. Only for a provider that holds
 * exactly these processors and no attribute limits (startIntegrationLogs); its resource and
 * our scope are learned from one of our records that went the generic way (`expect`, then
 * `seen` from the redacting processor).
 */
export class DirectRecords {
  #provider: unknown;
  #resource: Resource | undefined;
  #scope: InstrumentationScope | undefined;
  #expected: unknown;

  constructor(private readonly processors: readonly LogRecordProcessor[]) {}

  /** The provider the next generic record is emitted through (undefined after it). */
  expect(provider: unknown): void {
    this.#expected = provider;
  }

  /** Called by the first processor with each record it sees. */
  readonly seen = (record: ReadWriteLogRecord): void => {
    if (this.#expected === undefined || record.instrumentationScope.name !== SCOPE_NAME) return;
    this.#provider = this.#expected;
    this.#resource = record.resource;
    this.#scope = record.instrumentationScope;
  };

  /** Whether records for `provider` can go straight to the processors. */
  accepts(provider: unknown): boolean {
    return this.#resource !== undefined && provider === this.#provider;
  }

  /** As `logger.emit` would, for a provider `accepts` approved. */
  emit(logger: Logger, input: OwnRecordInput): void {
    const { context } = input;
    if (!logger.enabled({ context, severityNumber: input.severityNumber, eventName: input.eventName })) return;
    const attributes = input.attributes;
    for (const key of Object.keys(attributes)) if (attributes[key] === undefined) delete attributes[key];
    const record = new OwnLogRecord(input, this.#resource!, this.#scope!, attributes);
    for (const p of this.processors) p.onEmit(record, context);
  }
}
