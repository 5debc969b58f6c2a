/**
 * (d) of the benchmark: RSS and heap growth over many requests in scopes while the
 * collector is down (a closed port). Warms up first so the allocator's initial growth,
 * which plain fetch shows too, is not counted. Prints one BenchRow as JSON.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startIntegrationLogs } from '../src/index.js';
import type { BenchRow } from './types.js';

const url = process.env.TOOL_URL!;
const total = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 20_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (b: number) => b / 1024 / 1024;

async function requests(il: ReturnType<typeof startIntegrationLogs>, n: number): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < n) {
        started += 100;
        await il.sync({ tool: 'bench', integrationId: `int-${started % 1000}`, operation: 'delta' }, async (op) => {
          for (let i = 0; i < 100; i++) await (await fetch(`${url}/v1/employees/${i}?page=${started}`)).text();
          op.recordModel('employees', { read: 100 });
        });
      }
    }),
  );
}

async function main() {
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const il = startIntegrationLogs({ serviceName: 'bench-down', endpoint: `http://127.0.0.1:${port}`, exportTimeoutMs: 2000, instrumentHttp: false });
  await requests(il, WARMUP);
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  await requests(il, total);
  clearInterval(sampler);
  gc();
  const after = process.memoryUsage();
  peak = Math.max(peak, after.rss);
  const row: BenchRow = {
    name: `(d) RSS growth, ${total / 1000}k requests, collector down (MB)`,
    ratio: mb(after.rss - before.rss),
    target: '<= 50',
    detail: `after ${WARMUP} warm-up requests: rss ${mb(before.rss).toFixed(0)} -> ${mb(after.rss).toFixed(0)} MB (peak ${mb(peak).toFixed(0)}), heap ${mb(before.heapUsed).toFixed(0)} -> ${mb(after.heapUsed).toFixed(0)} MB; ${il.droppedCount} spans/records dropped and counted`,
  };
  await il.shutdown();
  process.stdout.write(JSON.stringify(row) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
