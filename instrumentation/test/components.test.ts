/** Adding the SDK's processors and instrumentations to an application's own NodeSDK. */
import { context, logs, propagation, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { integrationLogsComponents } from '../src/index.js';
import { startToolServer, type ToolServer } from './support/tool-server.js';

let rx: OtlpReceiver;
let tool: ToolServer;
beforeAll(async () => {
  rx = await startOtlpReceiver();
  tool = await startToolServer();
});
afterAll(async () => {
  await tool.close();
  await rx.close();
});

test('components work inside an existing NodeSDK, and redaction also covers the app’s own exporter', async () => {
  const components = integrationLogsComponents({ endpoint: rx.url, scheduledDelayMs: 50 });
  const own = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    serviceName: 'own-sdk-app',
    spanProcessors: [...components.spanProcessors, new SimpleSpanProcessor({ exporter: own })],
    logRecordProcessors: components.logRecordProcessors,
    instrumentations: components.instrumentations,
    metricReaders: [],
  });
  sdk.start();
  try {
    let traceId = '';
    await components.integrationLogs.sync({ tool: 'bamboohr', integrationId: 'int-own' }, async (op) => {
      traceId = op.traceId;
      await (await fetch(`${tool.url}/v1/employees?access_token=own-secret-token-123`)).text();
    });
    await rx.waitFor(
      () =>
        rx.logsByEvent('integration.operation').some((l) => l.traceId === traceId) &&
        rx.spans.filter((s) => s.traceId === traceId).length >= 2
    );
    const spans = rx.spans.filter((s) => s.traceId === traceId);
    expect(spans.map((s) => s.name).sort()).toEqual(['GET /v1/employees', 'sync bamboohr']);
    expect(spans[0]!.resource['service.name']).toBe('own-sdk-app');
    expect(rx.logsByEvent('integration.request').some((l) => l.traceId === traceId)).toBe(true);
    // the app's own exporter sees the same, already redacted spans
    const mine = own.getFinishedSpans().find((s) => s.name === 'GET /v1/employees')!;
    expect(mine.attributes['url.full']).toBe(`${tool.url}/v1/employees?access_token=REDACTED`);
    expect(mine.attributes['integration.tool']).toBe('bamboohr');
    expect(rx.rawBodies.join('')).not.toContain('own-secret-token-123');
  } finally {
    await sdk.shutdown();
    components.disable();
    trace.disable();
    logs.disable();
    propagation.disable();
    context.disable();
  }
});

test('export: false leaves exporting to the application', async () => {
  const components = integrationLogsComponents({ export: false });
  // request finalizer, redaction, label bounding; no batch processor
  expect(components.spanProcessors).toHaveLength(3);
  expect(components.logRecordProcessors).toHaveLength(1);
  expect(components.instrumentations.map((i) => i.instrumentationName).sort()).toEqual([
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-undici',
  ]);
  components.disable();
});
