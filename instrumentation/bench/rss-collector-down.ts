/**
 * (d) of the benchmark: RSS and heap growth over many requests in scopes while the
 * collector is down (a closed port), with RSS printed every BENCH_RSS_STEP requests (to
 * stderr as it runs, and in the row's detail) so a plateau shows. Warms up first so the
 * allocator's initial growth, which plain fetch shows too, is not counted. The same load
 * without the SDK runs first in another process (BENCH_RSS_MODE=bare): its RSS after the
 * warm-up and after the measured requests. Prints one BenchRow as JSON (bare mode: the two
 * RSS figures).
 */
import { fork } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startIntegrationLogs } from '../src/index.js';
import type { BenchRow } from './types.js';

const url = process.env.TOOL_URL!;
const total = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);
const step = Number(process.env.BENCH_RSS_STEP ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const bare = process.env.BENCH_RSS_MODE === 'bare';
const WARMUP = 20_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

type Scope = (fn: () => Promise<void>) => Promise<void>;

async function requests(scope: Scope, n: number): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < n) {
        const batch = (started += 100);
        await scope(async () => {
          for (let i = 0; i < 100; i++) await (await fetch(`${url}/v1/employees/${i}?page=${batch}`)).text();
        });
      }
    })
  );
}

/**
 * RSS of the same load without the SDK, from a fresh process: after the same warm-up and
 * after the same measured requests, so growth that plain fetch shows too can be told apart.
 */
async function bareRss(): Promise<{ before: number; after: number }> {
  const child = fork(__filename, [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_RSS_MODE: 'bare' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  const [before, after] = out.trim().split(' ').map(Number);
  return { before: before!, after: after! };
}

async function main() {
  if (bare) {
    await requests((fn) => fn(), WARMUP);
    gc();
    const before = process.memoryUsage().rss;
    await requests((fn) => fn(), total);
    gc();
    process.stdout.write(`${before} ${process.memoryUsage().rss}\n`);
    return;
  }
  const baseline = await bareRss();
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const il = startIntegrationLogs({
    serviceName: 'bench-down',
    endpoint: `http://127.0.0.1:${port}`,
    exportTimeoutMs: 2000,
    instrumentHttp: false,
  });
  let n = 0;
  const scope: Scope = (fn) =>
    il.sync({ tool: 'bench', integrationId: `int-${(n += 100) % 1000}`, operation: 'delta' }, async (op) => {
      await fn();
      op.recordModel('employees', { read: 100 });
    });
  await requests(scope, WARMUP);
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const steps: string[] = [];
  for (let done = 0; done < total;) {
    const k = Math.min(step, total - done);
    await requests(scope, k);
    done += k;
    gc();
    const m = process.memoryUsage();
    steps.push(`${done / 1000}k: ${mb(m.rss)}`);
    process.stderr.write(
      `(d) ${done} requests: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB\n`
    );
  }
  clearInterval(sampler);
  gc();
  const after = process.memoryUsage();
  peak = Math.max(peak, after.rss);
  const row: BenchRow = {
    name: `(d) RSS growth, ${total / 1000}k requests, collector down (MB)`,
    ratio: (after.rss - before.rss) / 1024 / 1024,
    target: '<= 50',
    detail: `after ${WARMUP} warm-up requests: rss ${mb(before.rss)} -> ${mb(after.rss)} MB (peak ${mb(peak)}; same load without the SDK: ${mb(baseline.before)} -> ${mb(baseline.after)} MB), heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB, heap committed ${mb(before.heapTotal)} -> ${mb(after.heapTotal)} MB; rss (MB) every ${step / 1000}k: ${steps.join(', ')}; ${il.droppedCount} spans/records dropped and counted`,
  };
  await il.shutdown();
  process.stdout.write(JSON.stringify(row) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
