/**
 * `npm run bench`: ratios measured in one run, printed as a table.
 *  (a) request inside an operation scope (full SDK: capture, records, redaction, batch
 *      processors, in-memory exporters) vs the same request under a bare
 *      @opentelemetry/instrumentation-undici with the same in-memory span exporter;
 *  (b) the same vs no instrumentation at all; (b') bare instrumentation-undici vs none;
 *  (c) redaction (from bench/redaction.ts);
 *  (d) RSS growth over 100k requests in scopes with the collector down;
 *  (e) export throughput per core, OTLP http/protobuf vs http/json (bench/throughput.ts);
 *  (f) the instrumentation's own work per request without I/O (bench/without-io.ts).
 * (a0) the floor: bare instrumentation-undici plus one plain OTel log record per request;
 * (a0') the same record through the SDK's own record path (emitter and DirectRecords).
 * Rounds of each setup are interleaved and the median round is compared, so drift in
 * machine load hits all setups alike. Setups live in bench/setups.ts.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { buildSetups, CONCURRENCY, interleavedRounds, round, startToolProcess, type Cost } from './setups.js';
import { median, quantile } from './stats.js';
import type { BenchRow } from './types.js';

const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const RSS_REQUESTS = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 6);

async function ratios(url: string): Promise<BenchRow[]> {
  const built = buildSetups();
  // BENCH_SETUPS="bare undici,integration-logs" runs a subset (rows need both of their setups)
  const only = process.env.BENCH_SETUPS?.split(',');
  const setups = only ? built.setups.filter((s) => only.includes(s.name)) : built.setups;
  const close = built.close;
  const costs = await interleavedRounds(setups, ROUNDS, (s) => round(url, s, REQUESTS_PER_ROUND));
  await close();
  const cpu = (name: string) => median((costs.get(name) ?? []).map((c) => c.cpuMs));
  const wall = (name: string) => median((costs.get(name) ?? []).map((c) => c.wallMs));
  // Ratios per round (the setups of one round ran back to back), then the median round;
  // the spread is the interquartile range of the per-round ratios.
  const perRound = (a: string, b: string, key: keyof Cost) =>
    (costs.get(a) ?? []).map((c, i) => c[key] / (costs.get(b)?.[i]?.[key] ?? Number.NaN));
  const ratio = (a: string, b: string) => median(perRound(a, b, 'cpuMs'));
  const spread = (a: string, b: string) => {
    const xs = perRound(a, b, 'cpuMs');
    return `per-round CPU ratio IQR ${quantile(xs, 0.25).toFixed(2)}-${quantile(xs, 0.75).toFixed(2)}, min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}; wall ratio ${median(perRound(a, b, 'wallMs')).toFixed(2)}`;
  };
  const us = (ms: number) => `${((ms * 1000) / REQUESTS_PER_ROUND).toFixed(0)}`;
  const line = (name: string) => `${name} ${us(cpu(name))} µs CPU / ${us(wall(name))} µs wall per req`;
  const how = `CPU time (user+system, all threads) of the client process, median of per-round ratios over ${ROUNDS} interleaved rounds x ${REQUESTS_PER_ROUND} fetches + flush (concurrency ${CONCURRENCY}, loopback server in another process, GC between rounds)`;
  const rows: (BenchRow & { needs: string[] })[] = [
    {
      needs: ['integration-logs', 'bare undici'],
      name: '(a) request in scope vs bare instrumentation-undici',
      ratio: ratio('integration-logs', 'bare undici'),
      target: '<= 1.05',
      detail: `${how}: ${line('integration-logs')}; ${line('bare undici')}; ${line('none')}; ${spread('integration-logs', 'bare undici')}`,
    },
    {
      needs: ['bare undici + 1 log record', 'bare undici'],
      name: '(a0) floor: 1 bare OTel log record per request vs bare undici',
      ratio: ratio('bare undici + 1 log record', 'bare undici'),
      target: 'report',
      detail: `same runs; a prebuilt record (same attribute keys, body of the same size) emitted per request span through a batch log processor and in-memory exporter, no capture/redaction: ${line('bare undici + 1 log record')}; ${spread('bare undici + 1 log record', 'bare undici')}`,
    },
    {
      needs: ['bare undici + 1 own record', 'bare undici'],
      name: "(a0') floor through the SDK's own record path vs bare undici",
      ratio: ratio('bare undici + 1 own record', 'bare undici'),
      target: 'report',
      detail: `same runs; the (a0) record emitted as the SDK emits its own (emitter, DirectRecords, straight into the batch processor): ${line('bare undici + 1 own record')}; ${spread('bare undici + 1 own record', 'bare undici')}`,
    },
    {
      needs: ['without bodies', 'bare undici'],
      name: "(a') same as (a), captureBodies: false",
      ratio: ratio('without bodies', 'bare undici'),
      target: 'report',
      detail: `same runs; ${line('without bodies')}; ${spread('without bodies', 'bare undici')}`,
    },
    {
      needs: ['integration-logs', 'none'],
      name: '(b) request in scope vs no instrumentation',
      ratio: ratio('integration-logs', 'none'),
      target: 'report',
      detail: `same runs; ${spread('integration-logs', 'none')}`,
    },
    {
      needs: ['bare undici', 'none'],
      name: "(b') bare instrumentation-undici vs no instrumentation",
      ratio: ratio('bare undici', 'none'),
      target: 'report',
      detail: `same runs, the baseline of (a) against a plain fetch; ${spread('bare undici', 'none')}`,
    },
  ];
  return rows.filter((r) => r.needs.every((n) => costs.has(n))).map(({ needs: _needs, ...row }) => row);
}

/** Runs a row in a fresh process (its last stdout line is the BenchRow), so earlier rows do not colour it. */
async function rowInChild(script: string, env: Record<string, string>, failed: BenchRow): Promise<BenchRow> {
  const child = fork(path.join(__dirname, script), [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) return { ...failed, detail: `failed: exit ${code}` };
  return JSON.parse(out.trim().split('\n').pop()!) as BenchRow;
}

const rssCollectorDown = (url: string) =>
  rowInChild(
    'rss-collector-down.js',
    { TOOL_URL: url, BENCH_RSS_REQUESTS: String(RSS_REQUESTS), BENCH_CONCURRENCY: String(CONCURRENCY) },
    { name: '(d) RSS growth, collector down (MB)', ratio: Number.NaN, target: '<= 50', detail: '' }
  );

const exportThroughput = (url: string) =>
  rowInChild(
    'throughput.js',
    { TOOL_URL: url, BENCH_THROUGHPUT_SECONDS: String(THROUGHPUT_SECONDS) },
    { name: '(e) export throughput per core', ratio: Number.NaN, target: 'report', detail: '' }
  );

const workWithoutIo = () =>
  rowInChild(
    'without-io.js',
    { BENCH_ROUNDS: String(ROUNDS), BENCH_REQUESTS: String(REQUESTS_PER_ROUND) },
    { name: '(f) work per request without I/O', ratio: Number.NaN, target: 'report', detail: '' }
  );

async function redactionRow(): Promise<BenchRow> {
  try {
    const mod = (await import('./redaction.js')) as { benchRedaction: () => Promise<BenchRow> };
    return await mod.benchRedaction();
  } catch (err) {
    return {
      name: '(c) redaction',
      ratio: Number.NaN,
      target: '<= 2',
      detail: `not available: ${(err as Error).message}`,
    };
  }
}

function printTable(rows: BenchRow[]): void {
  const lines = [
    ['benchmark', 'value', 'target', 'detail'],
    ...rows.map((r) => [r.name, Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : 'n/a', r.target, r.detail]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join(' | '));
}

async function main() {
  const tool = await startToolProcess();
  try {
    const rows = [...(await ratios(tool.url)), await workWithoutIo(), await redactionRow()];
    if (RSS_REQUESTS > 0) rows.push(await rssCollectorDown(tool.url)); // BENCH_RSS_REQUESTS=0 skips (d)
    if (THROUGHPUT_SECONDS > 0) rows.push(await exportThroughput(tool.url)); // BENCH_THROUGHPUT_SECONDS=0 skips (e)
    printTable(rows);
  } finally {
    tool.child.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
