/**
 * Request record bodies are built when their batch is exported (deferred-body.ts): the
 * exported record carries the redacted JSON text, a dropped record is never built, and
 * with `export: false` the body is text already when the application's processors see it.
 */
import { context, logs, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BatchLogRecordProcessor,
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { buildingDeferredBodies, DeferredBody } from '../src/deferred-body.js';
import { integrationLogsComponents } from '../src/index.js';
import { startToolServer, type ToolServer } from './support/tool-server.js';

let tool: ToolServer;
beforeAll(async () => {
  tool = await startToolServer();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(async () => {
  await tool.close();
  context.disable();
});

/** Runs one fetch with a secret header and body inside a scope, with the given components' providers. */
async function oneRequest(
  components: ReturnType<typeof integrationLogsComponents>,
  lp: LoggerProvider
): Promise<TracerProvider> {
  const tp = new TracerProvider({ spanProcessors: components.spanProcessors });
  trace.setGlobalTracerProvider(tp);
  logs.setGlobalLoggerProvider(lp);
  for (const i of components.instrumentations) i.setTracerProvider(tp);
  components.enable();
  await components.integrationLogs.action({ tool: 'personio', operation: 'create' }, async () => {
    const res = await fetch(`${tool.url}/v1/employees`, {
      method: 'POST',
      headers: { authorization: 'Bearer deferred-secret-token-1234567890', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', password: 'hunter2-deferred' }),
    });
    await res.text();
  });
  return tp;
}

function cleanUp(components: ReturnType<typeof integrationLogsComponents>): void {
  components.disable();
  trace.disable();
  logs.disable();
  propagation.disable();
}

test('the exported request record has its redacted JSON body as text', async () => {
  const logExporter = new InMemoryLogRecordExporter();
  const components = integrationLogsComponents({
    spanExporter: new InMemorySpanExporter(),
    logExporter,
    instrumentHttp: false,
    scheduledDelayMs: 60_000,
  });
  const lp = new LoggerProvider({ processors: components.logRecordProcessors });
  try {
    const tp = await oneRequest(components, lp);
    await tp.forceFlush();
    await lp.forceFlush();
    const rec = logExporter.getFinishedLogRecords().find((r) => r.eventName === 'integration.request')!;
    expect(typeof rec.body).toBe('string');
    const body = JSON.parse(rec.body as string);
    expect(body.request.method).toBe('POST');
    expect(body.request.headers.authorization).toBe('[REDACTED]');
    expect(JSON.parse(body.request.body)).toEqual({ name: 'Ada', password: '[REDACTED]' });
    expect(body.response.status).toBeGreaterThanOrEqual(200);
    // everything else is read through from the emitted record
    expect(rec.attributes['integration.tool']).toBe('personio');
    expect(rec.spanContext?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(rec.hrTime[0]).toBeGreaterThan(0);
    expect(JSON.stringify(logExporter.getFinishedLogRecords().map((r) => r.body))).not.toMatch(
      /deferred-secret|hunter2/
    );
    await tp.shutdown();
  } finally {
    cleanUp(components);
    await lp.shutdown();
  }
});

test('with export: false, the application’s own processors get the body as text at emit', async () => {
  const own = new InMemoryLogRecordExporter();
  const components = integrationLogsComponents({ export: false, instrumentHttp: false });
  const lp = new LoggerProvider({
    processors: [...components.logRecordProcessors, new SimpleLogRecordProcessor({ exporter: own })],
  });
  try {
    const tp = await oneRequest(components, lp);
    const rec = own.getFinishedLogRecords().find((r) => r.eventName === 'integration.request')!;
    expect(typeof rec.body).toBe('string');
    expect(rec.body).toContain('[REDACTED]');
    expect(rec.body).not.toMatch(/deferred-secret|hunter2/);
    await tp.shutdown();
  } finally {
    cleanUp(components);
    await lp.shutdown();
  }
});

test('a deferred body is built once, and a failing build yields a placeholder, not an exception', () => {
  let builds = 0;
  const b = new DeferredBody(() => {
    builds++;
    return '{"x":1}';
  });
  expect(b.render()).toBe('{"x":1}');
  expect(JSON.stringify({ body: b })).toBe(JSON.stringify({ body: '{"x":1}' }));
  expect(String(b)).toBe('{"x":1}');
  expect(builds).toBe(1);
  const failing = new DeferredBody(() => {
    throw new Error('boom');
  });
  expect(JSON.parse(failing.render())).toEqual({
    request: null,
    response: null,
    error: 'record body could not be built',
  });
});

test('records dropped from a full queue are never built', async () => {
  let builds = 0;
  const exported: ReadableLogRecord[] = [];
  const inner = new InMemoryLogRecordExporter();
  const exporter = buildingDeferredBodies({
    export: (records, cb) => {
      exported.push(...records);
      inner.export(records, cb);
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush(),
  });
  const lp = new LoggerProvider({
    processors: [
      new BatchLogRecordProcessor({ exporter, maxQueueSize: 2, maxExportBatchSize: 2, scheduledDelayMillis: 60_000 }),
    ],
  });
  const logger = lp.getLogger('t');
  for (let i = 0; i < 10; i++) {
    logger.emit({ body: new DeferredBody(() => `{"n":${++builds}}`) as unknown as string });
  }
  await lp.forceFlush();
  expect(exported.length).toBeLessThan(10);
  expect(builds).toBe(exported.length);
  expect(exported.every((r) => typeof r.body === 'string')).toBe(true);
  await lp.shutdown();
});
