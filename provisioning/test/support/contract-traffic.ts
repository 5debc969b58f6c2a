// Contract-shaped telemetry (docs/telemetry.md) sent through the OpenTelemetry JS SDK's
// OTLP/HTTP exporters, as an instrumented integration sends it: an operation span per
// sync/action with a CLIENT span per request, an `integration.request` record per
// request and an `integration.operation` record per operation. It stands in for our SDK,
// so it uses the SDK's instrumentation scope: the collector's integrationlogs connector
// must then leave its spans to the records it wrote itself.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** The SDK's instrumentation scope (instrumentation/src/attributes.ts). */
export const SDK_SCOPE = '@integration-logs/instrumentation';

export type LogType = 'sync' | 'action' | 'passthrough' | 'incoming_webhook' | 'connection_flow';

export interface RequestSpec {
  method: string;
  urlTemplate: string;
  url: string;
  status: number;
  /** Extra request-span attributes (e.g. a header that should not be there). */
  attributes?: Attributes;
  /** Body of the `integration.request` record; defaults to a small JSON document. */
  body?: string;
}

export interface OperationSpec {
  logType: LogType;
  tool: string;
  integrationId?: string;
  operation?: string;
  outcome?: 'success' | 'partial' | 'failure';
  requests?: RequestSpec[];
  /** `integration.sync.model` records, one per model, as the SDK writes them at the end. */
  models?: Record<string, { read?: number; created?: number; updated?: number; deleted?: number; failed?: number }>;
}

export interface EmittedOperation {
  traceId: string;
  operationSpanId: string;
  requestSpanIds: string[];
}

export class ContractTraffic {
  private readonly tracerProvider: TracerProvider;
  private readonly loggerProvider: LoggerProvider;

  constructor(otlpHttpUrl: string, serviceName = 'hris-sync') {
    const resource = resourceFromAttributes({
      'service.name': serviceName,
      'service.version': '1.4.2',
      'deployment.environment.name': 'test',
    });
    this.tracerProvider = new TracerProvider({
      resource,
      spanProcessors: [
        new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: `${otlpHttpUrl}/v1/traces` }),
          scheduledDelayMillis: 200,
          maxQueueSize: 100_000,
        }),
      ],
    });
    this.loggerProvider = new LoggerProvider({
      resource,
      processors: [
        new BatchLogRecordProcessor({
          exporter: new OTLPLogExporter({ url: `${otlpHttpUrl}/v1/logs` }),
          scheduledDelayMillis: 200,
          maxQueueSize: 100_000,
        }),
      ],
    });
  }

  operation(spec: OperationSpec): EmittedOperation {
    const tracer = this.tracerProvider.getTracer(SDK_SCOPE);
    const logger = this.loggerProvider.getLogger(SDK_SCOPE);
    const common: Attributes = {
      'integration.log_type': spec.logType,
      'integration.tool': spec.tool,
      'integration.id': spec.integrationId ?? `${spec.tool}-acme`,
    };
    const outcome = spec.outcome ?? 'success';
    const root = tracer.startSpan(`${spec.logType} ${spec.tool}`, {
      kind: SpanKind.INTERNAL,
      attributes: {
        ...common,
        'integration.customer.id': 'acme',
        'integration.operation': spec.operation ?? 'delta',
      },
    });
    const parent = trace.setSpan(context.active(), root);
    const requestSpanIds: string[] = [];
    let count4xx = 0;
    for (const request of spec.requests ?? []) {
      const span: Span = tracer.startSpan(
        `${request.method} ${request.urlTemplate}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            ...common,
            'http.request.method': request.method,
            'url.full': request.url,
            'url.template': request.urlTemplate,
            'server.address': new URL(request.url).hostname,
            'http.response.status_code': request.status,
            ...(request.status >= 400 ? { 'error.type': String(request.status) } : {}),
            ...request.attributes,
          },
        },
        parent
      );
      if (request.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      if (request.status >= 400 && request.status < 500) count4xx++;
      logger.emit({
        eventName: 'integration.request',
        context: trace.setSpan(parent, span),
        attributes: {
          ...common,
          'event.name': 'integration.request',
          'http.request.method': request.method,
          'url.full': request.url,
          'url.template': request.urlTemplate,
          'http.response.status_code': request.status,
        },
        body:
          request.body ??
          JSON.stringify({
            request: { method: request.method, url: request.url, headers: {}, body: null },
            response: { status: request.status, headers: {}, body: '{"ok":true}' },
            durationMs: 12.5,
          }),
      });
      span.end();
      requestSpanIds.push(span.spanContext().spanId);
    }
    for (const [model, c] of Object.entries(spec.models ?? {})) {
      const counts = { read: 0, created: 0, updated: 0, deleted: 0, failed: 0, ...c };
      logger.emit({
        eventName: 'integration.sync.model',
        context: parent,
        attributes: {
          ...common,
          'event.name': 'integration.sync.model',
          'integration.sync.model': model,
          ...Object.fromEntries(Object.entries(counts).map(([kind, n]) => [`integration.sync.records.${kind}`, n])),
        },
        body: `${model}: ${counts.read} read, ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.failed} failed`,
      });
    }
    root.setAttribute('integration.outcome', outcome);
    if (outcome === 'failure') {
      root.setAttribute('error.type', 'SyncError');
      root.setStatus({ code: SpanStatusCode.ERROR });
    }
    logger.emit({
      eventName: 'integration.operation',
      context: parent,
      attributes: {
        ...common,
        'event.name': 'integration.operation',
        'integration.outcome': outcome,
        'integration.request.count': requestSpanIds.length,
        'integration.request.4xx_count': count4xx,
      },
      body: `${spec.logType} ${spec.tool}: ${outcome}, ${requestSpanIds.length} requests`,
    });
    root.end();
    return { traceId: root.spanContext().traceId, operationSpanId: root.spanContext().spanId, requestSpanIds };
  }

  async flush(): Promise<void> {
    await this.tracerProvider.forceFlush();
    await this.loggerProvider.forceFlush();
  }

  async shutdown(): Promise<void> {
    await this.tracerProvider.shutdown();
    await this.loggerProvider.shutdown();
  }
}
