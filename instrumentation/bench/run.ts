/**
 * `npm run bench`: ratios measured in one run, printed as a table.
 *  (a) request inside an operation scope (full SDK: capture, records, redaction, batch
 *      processors, in-memory exporters) vs the same request under a bare
 *      @opentelemetry/instrumentation-undici with the same in-memory span exporter;
 *  (b) the same vs no instrumentation at all;
 *  (c) redaction (from bench/redaction.ts);
 *  (d) RSS growth over 100k requests in scopes with the collector down.
 * Rounds of each setup are interleaved and the median round is compared, so drift in
 * machine load hits all setups alike.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { context, logs, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { InMemoryLogRecordExporter, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, InMemorySpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { integrationLogsComponents } from '../src/index.js';
import type { BenchRow } from './types.js';

const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CONCURRENCY = 4;
const RSS_REQUESTS = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);

async function startToolProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(__dirname, 'tool-server-process.js'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Cost {
  wallMs: number;
  /** CPU time (user + system) of this process: robust to other load on the machine. */
  cpuMs: number;
}

/** Runs `total` fetches with a fixed concurrency inside `wrap` (one scope per worker). */
async function load(url: string, total: number, wrap: (fn: () => Promise<void>) => Promise<void>): Promise<Cost> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      wrap(async () => {
        while (next < total) {
          const i = next++;
          const r = await fetch(`${url}/v1/employees/${i % 50}?page=${i % 7}`);
          await r.text();
        }
      }),
    ),
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Each setup is built once; a round switches one on (instrumentations and channel
 * subscriptions), runs its requests, and switches it off again, so rounds measure the
 * request path and not SDK start-up.
 */
interface Setup {
  name: string;
  on(): void;
  off(): void;
  wrap(fn: () => Promise<void>): Promise<void>;
}

function buildSetups(): { setups: Setup[]; close(): Promise<void> } {
  const cm = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(cm);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());

  // bare: instrumentation-undici with a batch processor and an in-memory exporter
  const bareExporter = new InMemorySpanExporter();
  const bareProvider = new TracerProvider({ spanProcessors: [new BatchSpanProcessor({ exporter: bareExporter })] });
  const bareInst = new UndiciInstrumentation();
  bareInst.disable();
  bareInst.setTracerProvider(bareProvider);
  const bareTracer = bareProvider.getTracer('bench');

  // ours: the SDK's components on the same kind of providers, with in-memory exporters
  const spanExporter = new InMemorySpanExporter();
  const logExporter = new InMemoryLogRecordExporter();
  const make = (captureBodies: boolean) => {
    const c = integrationLogsComponents({ spanExporter, logExporter, instrumentHttp: false, captureBodies });
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
    off() {
      c.disable();
      trace.disable();
      logs.disable();
      spanExporter.reset();
      logExporter.reset();
    },
    wrap: (fn) => c.integrationLogs.sync({ tool: 'bench', integrationId: 'int-1', operation: 'delta' }, fn),
  });
  const setups: Setup[] = [
    { name: 'none', on() {}, off() {}, wrap: (fn) => fn() },
    {
      name: 'bare undici',
      on: () => bareInst.enable(),
      off() {
        bareInst.disable();
        bareExporter.reset();
      },
      wrap: (fn) =>
        bareTracer.startActiveSpan('sync bench', async (span) => {
          await fn();
          span.end();
        }),
    },
    sdk('integration-logs', full, tracerProvider, loggerProvider),
    sdk('without bodies', noBodies, tracerProviderNoBodies, loggerProviderNoBodies),
  ];
  return {
    setups,
    async close() {
      await Promise.all([bareProvider.shutdown(), tracerProvider.shutdown(), tracerProviderNoBodies.shutdown(), loggerProvider.shutdown(), loggerProviderNoBodies.shutdown()]);
      context.disable();
      propagation.disable();
    },
  };
}

async function ratios(url: string): Promise<BenchRow[]> {
  const { setups, close } = buildSetups();
  const run = async (s: Setup, n: number) => {
    s.on();
    try {
      return await load(url, n, s.wrap);
    } finally {
      s.off();
    }
  };
  const costs = new Map<string, Cost[]>(setups.map((s) => [s.name, []]));
  for (const s of setups) await run(s, 500); // warm up every path
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of r % 2 ? [...setups].reverse() : setups) costs.get(s.name)!.push(await run(s, REQUESTS_PER_ROUND));
  }
  await close();
  const cpu = (name: string) => median(costs.get(name)!.map((c) => c.cpuMs));
  // Ratios per round (setups of one round ran back to back), then the median round.
  const ratio = (a: string, b: string) => median(costs.get(a)!.map((c, i) => c.cpuMs / costs.get(b)![i]!.cpuMs));
  const wall = (name: string) => median(costs.get(name)!.map((c) => c.wallMs));
  const us = (ms: number) => `${((ms * 1000) / REQUESTS_PER_ROUND).toFixed(0)}`;
  const line = (name: string) => `${name} ${us(cpu(name))} µs CPU / ${us(wall(name))} µs wall per req`;
  const detail = `CPU time of the client process, median of per-round ratios over ${ROUNDS} interleaved rounds x ${REQUESTS_PER_ROUND} fetches (concurrency ${CONCURRENCY}, loopback server in another process): ${line('integration-logs')}; ${line('bare undici')}; ${line('none')}; wall ratio ${(wall('integration-logs') / wall('bare undici')).toFixed(2)}`;
  return [
    { name: '(a) request in scope vs bare instrumentation-undici', ratio: ratio('integration-logs', 'bare undici'), target: '<= 1.05', detail },
    { name: "(a') same, captureBodies: false", ratio: ratio('without bodies', 'bare undici'), target: 'report', detail: `same runs as (a); ${line('without bodies')}` },
    { name: '(b) request in scope vs no instrumentation', ratio: ratio('integration-logs', 'none'), target: 'report', detail: `same runs as (a); wall ratio ${(wall('integration-logs') / wall('none')).toFixed(2)}` },
  ];
}

/** (d) runs in a fresh process, so earlier rows do not colour its memory figures. */
async function rssCollectorDown(url: string): Promise<BenchRow> {
  const child = fork(path.join(__dirname, 'rss-collector-down.js'), [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, TOOL_URL: url, BENCH_RSS_REQUESTS: String(RSS_REQUESTS), BENCH_CONCURRENCY: String(CONCURRENCY) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) return { name: '(d) RSS growth, collector down (MB)', ratio: Number.NaN, target: '<= 50', detail: `failed: exit ${code}` };
  return JSON.parse(out.trim().split('\n').pop()!) as BenchRow;
}

async function redactionRow(): Promise<BenchRow> {
  try {
    const mod = (await import('./redaction.js')) as { benchRedaction: () => Promise<BenchRow> };
    return await mod.benchRedaction();
  } catch (err) {
    return { name: '(c) redaction', ratio: Number.NaN, target: '<= 2', detail: `not available: ${(err as Error).message}` };
  }
}

function printTable(rows: BenchRow[]): void {
  const lines = [['benchmark', 'value', 'target', 'detail'], ...rows.map((r) => [r.name, Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : 'n/a', r.target, r.detail])];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join(' | '));
}

async function main() {
  const tool = await startToolProcess();
  try {
    const rows = [...(await ratios(tool.url)), await redactionRow(), await rssCollectorDown(tool.url)];
    printTable(rows);
  } finally {
    tool.child.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
