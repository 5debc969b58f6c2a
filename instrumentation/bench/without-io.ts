/**
 * (f) of the benchmark: the instrumentation's own work per request, without I/O. The same
 * setups as rows (a)-(b) (bench/setups.ts, real instrumentations and processors) receive
 * the diagnostics-channel messages undici publishes for one request (created, headers
 * sent, response headers, response body chunk, done) for a request object that never
 * reaches a socket. Each setup's CPU per request minus that of `none` (the same loop with
 * nobody subscribed) is its work; fetch and the kernel no longer weigh on the comparison,
 * so a change to the SDK's per-request path shows here with far less noise than in (a).
 * Prints one BenchRow as JSON.
 */
import * as diagnostics_channel from 'node:diagnostics_channel';
import { buildSetups, interleavedRounds, type Setup } from './setups.js';
import { median } from './stats.js';
import type { BenchRow } from './types.js';

const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);

const ORIGIN = 'http://127.0.0.1:40000';
const BODY = Buffer.from(
  JSON.stringify({
    data: Array.from({ length: 5 }, (_, i) => ({ id: 1000 + i, name: `Employee ${i}`, email: `e${i}@example.com` })),
  })
);
/** What the tool process of rows (a)-(b) answers, as undici hands it over: raw name/value Buffers. */
const RESPONSE_HEADERS = [
  ['content-type', 'application/json'],
  ['x-ratelimit-remaining', '99'],
  ['Date', 'Mon, 30 Nov 2026 12:00:00 GMT'],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=60'],
  ['Content-Length', String(BODY.length)],
];
const SOCKET = { remoteAddress: '127.0.0.1', remotePort: 40000, alpnProtocol: false };

const channels = {
  create: diagnostics_channel.channel('undici:request:create'),
  sendHeaders: diagnostics_channel.channel('undici:client:sendHeaders'),
  headers: diagnostics_channel.channel('undici:request:headers'),
  chunk: diagnostics_channel.channel('undici:request:bodyChunkReceived'),
  trailers: diagnostics_channel.channel('undici:request:trailers'),
};

/** One request's messages, with fresh objects as undici would make them. */
function request(i: number): void {
  const request = {
    origin: ORIGIN,
    method: 'GET',
    path: `/v1/employees/${i % 50}?page=${i % 7}`,
    // fetch's default request headers; the instrumentation appends `traceparent`
    headers: [
      'accept',
      '*/*',
      'accept-language',
      '*',
      'sec-fetch-mode',
      'cors',
      'user-agent',
      'node',
      'accept-encoding',
      'gzip, deflate',
    ],
  };
  channels.create.publish({ request });
  channels.sendHeaders.publish({ request, socket: SOCKET });
  const headers: Buffer[] = [];
  for (const [name, value] of RESPONSE_HEADERS) headers.push(Buffer.from(name!), Buffer.from(value!));
  channels.headers.publish({ request, response: { statusCode: 200, statusText: 'OK', headers } });
  channels.chunk.publish({ request, chunk: Buffer.from(BODY) });
  channels.trailers.publish({ request, trailers: [] });
}

/** The messages must have made what a real request makes, or the row would time nothing. */
function checkExported(setup: Setup, n: number): void {
  const { requestSpans, requestRecords } = setup.exported();
  const spans = setup.name === 'none' ? 0 : n;
  const records = setup.name === 'none' || setup.name === 'bare undici' ? 0 : n;
  if (requestSpans !== spans || requestRecords !== records) {
    throw new Error(
      `${setup.name}: ${requestSpans} request spans and ${requestRecords} records exported for ${n} requests (expected ${spans} and ${records})`
    );
  }
}

/** µs of CPU per request for one round of `setup`, flush included. */
async function round(setup: Setup, n: number): Promise<number> {
  setup.on();
  try {
    const cpu0 = process.cpuUsage();
    await setup.wrap(async () => {
      for (let i = 0; i < n; i++) request(i);
    });
    await setup.flush();
    const cpu = process.cpuUsage(cpu0);
    checkExported(setup, n);
    return (cpu.user + cpu.system) / n;
  } finally {
    setup.off();
  }
}

async function main() {
  const { setups, close } = buildSetups();
  const costs = await interleavedRounds(setups, ROUNDS, (s) => round(s, REQUESTS_PER_ROUND));
  await close();
  const none = costs.get('none')!;
  // work of a setup in each round: its cost minus the bare loop's in the same round
  const work = (name: string) => costs.get(name)!.map((c, i) => c - none[i]!);
  const us = (name: string) => `${name} ${median(work(name)).toFixed(1)} µs`;
  const ratioTo = (name: string) => median(work(name).map((w, i) => w / work('bare undici')[i]!));
  const ratio = ratioTo('integration-logs');
  const row: BenchRow = {
    name: '(f) work per request without I/O: integration-logs vs bare instrumentation-undici',
    ratio,
    target: 'report',
    detail: `undici's diagnostics-channel messages of one request (no socket), median of per-round ratios over ${ROUNDS} interleaved rounds x ${REQUESTS_PER_ROUND}, flush included, net of the same loop with nothing subscribed (${median(none).toFixed(1)} µs); CPU per request: ${['bare undici', 'bare undici + 1 log record', 'bare undici + 1 own record', 'integration-logs', 'without bodies'].map(us).join('; ')}; without bodies vs bare ${ratioTo('without bodies').toFixed(2)}`,
  };
  process.stdout.write(JSON.stringify(row) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
