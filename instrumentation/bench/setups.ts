/**
 * The setups the overhead rows compare, built once per process, and the request load
 * they run. Shared by bench/run.ts (the table) and bench/profile.ts (one setup under
 * `node --cpu-prof`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  context,
  logs,
  propagation,
  ROOT_CONTEXT,
  SeverityNumber,
  SpanKind,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import {
  BatchLogRecordProcessor,
  InMemoryLogRecordExporter,
  LoggerProvider,
  type LogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  TracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { DirectRecords } from '../src/direct-records.js';
import { Emitter } from '../src/emitter.js';
import { integrationLogsComponents } from '../src/index.js';

export const CONCURRENCY = 4;

export async function startToolProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(__dirname, 'tool-server-process.js'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export interface Cost {
  wallMs: number;
  /** CPU time (user + system, all threads) of this process: robust to other load on the machine. */
  cpuMs: number;
}

/**
 * Each setup is built once; a round switches one on (instrumentations and channel
 * subscriptions), runs its requests, flushes what its batch processors still hold (so
 * export work is paid in the round that made it, not in a later round of another setup)
 * and switches it off again.
 */
export interface Setup {
  name: string;
  on(): void;
  /** Exports what the setup's batch processors hold; part of the measured round. */
  flush(): Promise<void>;
  off(): void;
  wrap(fn: () => Promise<void>): Promise<void>;
  /** Request spans and `integration.request` records exported since `on()` (read before `off()`). */
  exported(): { requestSpans: number; requestRecords: number };
}

const exportedBy = (spans: InMemorySpanExporter, records: InMemoryLogRecordExporter) => ({
  requestSpans: spans.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT).length,
  requestRecords: records.getFinishedLogRecords().filter((r) => r.eventName === 'integration.request').length,
});

/** Runs `total` fetches with a fixed concurrency inside `wrap` (one scope per worker), then flushes. */
export async function load(url: string, total: number, setup: Setup): Promise<Cost> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      setup.wrap(async () => {
        while (next < total) {
          const i = next++;
          const r = await fetch(`${url}/v1/employees/${i % 50}?page=${i % 7}`);
          await r.text();
        }
      })
    )
  );
  await setup.flush();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A typical `integration.request` body of the bench request, for the (a0) floor row. */
const TYPICAL_RECORD_BODY = JSON.stringify({
  request: {
    method: 'GET',
    url: 'http://127.0.0.1:40000/v1/employees/12?page=3',
    headers: {
      accept: '*/*',
      'accept-language': '*',
      'sec-fetch-mode': '[REDACTED]',
      'user-agent': 'node',
      'accept-encoding': 'gzip, deflate',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    body: null,
    bodyEncoding: 'utf8',
    bodySize: 0,
    bodyTruncated: false,
  },
  response: {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'x-ratelimit-remaining': '99',
      date: 'Thu, 26 Nov 2026 14:00:00 GMT',
      connection: 'keep-alive',
      'keep-alive': 'timeout=60',
      'content-length': '246',
    },
    body: JSON.stringify({
      data: Array.from({ length: 5 }, (_, i) => ({ id: 1000 + i, name: `Employee ${i}`, email: `e${i}@example.com` })),
    }),
    bodyEncoding: 'utf8',
    bodySize: 246,
    bodyTruncated: false,
  },
  durationMs: 1.2,
});

/**
 * (a0): emits one plain OpenTelemetry log record per request span, with the attribute
 * keys and a body of the size of our `integration.request` record, but nothing built,
 * captured or redacted: the floor any per-request record costs. `emit` sends it through
 * the logger provider (a0) or through the SDK's own record path (a0'): the emitter and
 * DirectRecords, straight into the provider's processors.
 */
function bareRecordPerSpan(emit: (span: ReadableSpan, attributes: Attributes) => void): SpanProcessor {
  return {
    onStart: () => {},
    onEnd: (span: ReadableSpan) => {
      if (span.kind !== SpanKind.CLIENT) return;
      const a = span.attributes;
      emit(span, {
        'integration.log_type': 'sync',
        'integration.tool': 'bench',
        'integration.id': 'int-1',
        'integration.operation': 'delta',
        'http.request.method': a['http.request.method'],
        'url.full': a['url.full'],
        'url.template': '/v1/employees/{id}',
        'integration.request.duration_ms': 1.2,
        'server.address': a['server.address'],
        'http.response.status_code': a['http.response.status_code'],
        'integration.ratelimit.remaining': '99',
      });
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

/** Hands each record to `direct.seen`, as the SDK's last-line redaction processor does. */
function learningProcessor(direct: DirectRecords): LogRecordProcessor {
  return {
    onEmit: (record) => direct.seen(record),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

export function buildSetups(): { setups: Setup[]; close(): Promise<void> } {
  const cm = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(cm);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());

  // bare: instrumentation-undici with a batch processor and an in-memory exporter; with
  // `record`, also the (a0) floor record per request span, through the logger provider or
  // through the SDK's own record path
  const bare = (name: string, record?: 'provider' | 'own'): { setup: Setup; close(): Promise<void> } => {
    const exporter = new InMemorySpanExporter();
    const logExporter = new InMemoryLogRecordExporter();
    const logProcessors: LogRecordProcessor[] = [
      new BatchLogRecordProcessor({ exporter: logExporter, scheduledDelayMillis: 1000 }),
    ];
    // the SDK's own record path: DirectRecords learns the provider's resource and scope from
    // the first log processor, as in the SDK
    const direct = record === 'own' ? new DirectRecords(logProcessors) : undefined;
    if (direct) logProcessors.unshift(learningProcessor(direct));
    const lp = new LoggerProvider({ processors: logProcessors });
    let emit: ((span: ReadableSpan, attributes: Attributes) => void) | undefined;
    if (record === 'provider') {
      const logger = lp.getLogger('bench-floor');
      emit = (span, attributes) =>
        logger.emit({
          eventName: 'integration.request',
          severityNumber: SeverityNumber.INFO,
          severityText: 'INFO',
          body: TYPICAL_RECORD_BODY,
          context: trace.setSpanContext(ROOT_CONTEXT, span.spanContext()),
          attributes: Object.assign(attributes, { 'event.name': 'integration.request' }),
        });
    } else if (direct) {
      const emitter = new Emitter();
      emitter.routeDirectly(direct);
      // the span ending here is the SDK's span object, as in the SDK's own emit
      emit = (span, attributes) =>
        emitter.emit(
          'integration.request',
          span as unknown as Span,
          SeverityNumber.INFO,
          TYPICAL_RECORD_BODY,
          attributes,
          true
        );
    }
    const spanProcessors: SpanProcessor[] = [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })];
    if (emit) spanProcessors.unshift(bareRecordPerSpan(emit));
    const provider = new TracerProvider({ spanProcessors });
    const inst = new UndiciInstrumentation();
    inst.disable();
    inst.setTracerProvider(provider);
    const tracer = provider.getTracer('bench');
    return {
      setup: {
        name,
        on() {
          // the SDK's emitter writes through the global logger provider
          if (record === 'own') logs.setGlobalLoggerProvider(lp);
          inst.enable();
        },
        flush: async () => {
          await provider.forceFlush();
          await lp.forceFlush();
        },
        off() {
          inst.disable();
          if (record === 'own') logs.disable();
          exporter.reset();
          logExporter.reset();
        },
        wrap: (fn) =>
          tracer.startActiveSpan('sync bench', async (span) => {
            await fn();
            span.end();
          }),
        exported: () => exportedBy(exporter, logExporter),
      },
      close: async () => {
        await provider.shutdown();
        await lp.shutdown();
      },
    };
  };

  // ours: the SDK's components (default options) on the same kind of providers, with in-memory exporters
  const spanExporter = new InMemorySpanExporter();
  const logExporter = new InMemoryLogRecordExporter();
  const make = (captureBodies: boolean) => {
    const c = integrationLogsComponents({ spanExporter, logExporter, instrumentHttp: false, captureBodies });
    c.routeRecordsDirectly(); // as startIntegrationLogs: the logger provider below holds only these processors
    c.disable();
    return c;
  };
  const full = make(true);
  const noBodies = make(false);
  const tracerProvider = new TracerProvider({ spanProcessors: full.spanProcessors });
  const tracerProviderNoBodies = new TracerProvider({ spanProcessors: noBodies.spanProcessors });
  const loggerProvider = new LoggerProvider({ processors: full.logRecordProcessors });
  const loggerProviderNoBodies = new LoggerProvider({ processors: noBodies.logRecordProcessors });

  const sdk = (name: string, c: typeof full, tp: TracerProvider, lp: LoggerProvider): Setup => ({
    name,
    on() {
      trace.setGlobalTracerProvider(tp);
      logs.setGlobalLoggerProvider(lp);
      for (const i of c.instrumentations) i.setTracerProvider(tp);
      c.enable();
    },
    flush: async () => {
      await tp.forceFlush();
      await lp.forceFlush();
    },
    off() {
      c.disable();
      trace.disable();
      logs.disable();
      spanExporter.reset();
      logExporter.reset();
    },
    wrap: (fn) => c.integrationLogs.sync({ tool: 'bench', integrationId: 'int-1', operation: 'delta' }, fn),
    exported: () => exportedBy(spanExporter, logExporter),
  });
  const bareUndici = bare('bare undici');
  const bareWithRecord = bare('bare undici + 1 log record', 'provider');
  const bareWithOwnRecord = bare('bare undici + 1 own record', 'own');
  const setups: Setup[] = [
    {
      name: 'none',
      on() {},
      flush: async () => {},
      off() {},
      wrap: (fn) => fn(),
      exported: () => ({ requestSpans: 0, requestRecords: 0 }),
    },
    bareUndici.setup,
    bareWithRecord.setup,
    bareWithOwnRecord.setup,
    sdk('integration-logs', full, tracerProvider, loggerProvider),
    sdk('without bodies', noBodies, tracerProviderNoBodies, loggerProviderNoBodies),
  ];
  return {
    setups,
    async close() {
      await Promise.all([
        bareUndici.close(),
        bareWithRecord.close(),
        bareWithOwnRecord.close(),
        tracerProvider.shutdown(),
        tracerProviderNoBodies.shutdown(),
        loggerProvider.shutdown(),
        loggerProviderNoBodies.shutdown(),
      ]);
      context.disable();
      propagation.disable();
    },
  };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Warms up every setup once, then runs `rounds` rounds of all of them: the order rotates
 * each round and is reversed every other round, so no setup always runs first or after the
 * same neighbour, and drift in machine load hits all setups alike. Before each round the
 * previous round's garbage (another setup's) is collected, unmeasured, so no setup pays for
 * another's; each round's own young-generation GC is measured. Returns each setup's results
 * in round order.
 */
export async function interleavedRounds<T>(
  setups: Setup[],
  rounds: number,
  run: (setup: Setup) => Promise<T>
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(setups.map((s) => [s.name, []]));
  const measure = (s: Setup) => {
    gc();
    return run(s);
  };
  for (const s of setups) await measure(s); // warm up every path
  for (let r = 0; r < rounds; r++) {
    const order = setups.map((_, i) => setups[(i + r) % setups.length]!);
    for (const s of r % 2 ? order.reverse() : order) results.get(s.name)!.push(await measure(s));
  }
  return results;
}

/** Runs one round of `setup`: switch on, `n` requests and a flush (measured), switch off. */
export async function round(url: string, setup: Setup, n: number): Promise<Cost> {
  setup.on();
  try {
    return await load(url, n, setup);
  } finally {
    setup.off();
  }
}
