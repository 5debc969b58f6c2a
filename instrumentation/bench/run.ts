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
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, InMemorySpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { startIntegrationLogs } from '../src/index.js';
import type { BenchRow } from './types.js';

const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
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

type Setup = { name: string; run: (url: string, n: number) => Promise<Cost> };

const none: Setup = { name: 'none', run: (url, n) => load(url, n, (fn) => fn()) };

const bareUndici: Setup = {
  name: 'bare undici',
  async run(url, n) {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({ spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })] });
    const cm = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(cm);
    trace.setGlobalTracerProvider(provider);
    const inst = new UndiciInstrumentation();
    inst.setTracerProvider(provider);
    inst.enable();
    const tracer = provider.getTracer('bench');
    try {
      return await load(url, n, (fn) => tracer.startActiveSpan('sync bench', async (span) => {
        await fn();
        span.end();
      }));
    } finally {
      inst.disable();
      await provider.shutdown();
      exporter.reset();
      trace.disable();
      context.disable();
    }
  },
};

const integrationLogs: Setup = {
  name: 'integration-logs',
  async run(url, n) {
    const spanExporter = new InMemorySpanExporter();
    const logExporter = new InMemoryLogRecordExporter();
    const il = startIntegrationLogs({ serviceName: 'bench', spanExporter, logExporter, instrumentHttp: false });
    try {
      return await load(url, n, (fn) => il.sync({ tool: 'bench', integrationId: 'int-1', operation: 'delta' }, fn));
    } finally {
      await il.shutdown();
      spanExporter.reset();
      logExporter.reset();
    }
  },
};

async function ratios(url: string): Promise<BenchRow[]> {
  const setups = [none, bareUndici, integrationLogs];
  const costs = new Map<string, Cost[]>(setups.map((s) => [s.name, []]));
  for (const s of setups) await s.run(url, 300); // warm up every path
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of r % 2 ? [...setups].reverse() : setups) costs.get(s.name)!.push(await s.run(url, REQUESTS_PER_ROUND));
  }
  const cpu = (name: string) => median(costs.get(name)!.map((c) => c.cpuMs));
  const wall = (name: string) => median(costs.get(name)!.map((c) => c.wallMs));
  const us = (ms: number) => `${((ms * 1000) / REQUESTS_PER_ROUND).toFixed(0)}`;
  const line = (name: string) => `${name} ${us(cpu(name))} µs CPU / ${us(wall(name))} µs wall per req`;
  const detail = `CPU time of the client process, median of ${ROUNDS} interleaved rounds x ${REQUESTS_PER_ROUND} fetches (concurrency ${CONCURRENCY}, loopback server in another process): ${line('integration-logs')}; ${line('bare undici')}; ${line('none')}; wall ratio ${(wall('integration-logs') / wall('bare undici')).toFixed(2)}`;
  return [
    { name: '(a) request in scope vs bare instrumentation-undici', ratio: cpu('integration-logs') / cpu('bare undici'), target: '<= 1.05', detail },
    { name: '(b) request in scope vs no instrumentation', ratio: cpu('integration-logs') / cpu('none'), target: 'report', detail: `same runs as (a); wall ratio ${(wall('integration-logs') / wall('none')).toFixed(2)}` },
  ];
}

async function rssCollectorDown(url: string): Promise<BenchRow> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const il = startIntegrationLogs({ serviceName: 'bench-down', endpoint: `http://127.0.0.1:${port}`, exportTimeoutMs: 2000, instrumentHttp: false });
  try {
    await load(url, 2000, (fn) => il.sync({ tool: 'bench', operation: 'warmup' }, fn));
    gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const scopes = RSS_REQUESTS / 100;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (done < scopes) {
          done++;
          await il.sync({ tool: 'bench', integrationId: `int-${done % 100}`, operation: 'delta' }, async () => {
            for (let i = 0; i < 100; i++) await (await fetch(`${url}/v1/employees/${i}`)).text();
          });
        }
      }),
    );
    clearInterval(sampler);
    gc?.();
    const after = process.memoryUsage().rss;
    peak = Math.max(peak, after);
    const mb = (b: number) => b / 1024 / 1024;
    return {
      name: '(d) RSS growth, 100k requests, collector down (MB)',
      ratio: mb(after - before),
      target: '<= 50',
      detail: `${RSS_REQUESTS} fetches in ${scopes} scopes; rss ${mb(before).toFixed(0)} -> ${mb(after).toFixed(0)} MB (peak ${mb(peak).toFixed(0)}), ${il.droppedCount} spans/records dropped and counted`,
    };
  } finally {
    await il.shutdown();
  }
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
