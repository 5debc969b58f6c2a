// `npm run load`: a sizing tool. Drives the SDK at a target rate against a local tool API,
// through the user's collector into their Loki, and reports the achieved rate, what the
// SDK dropped, end-to-end lag, records that never arrived and what the app's queries cost.
import { startIntegrationLogs, type IntegrationLogsSdk } from '@integration-logs/instrumentation';
import {
  EVENT_OPERATION,
  EVENT_REQUEST,
  EVENT_SYNC_MODEL,
  LOKI_LABELS as L,
} from '@integration-logs/semantic-conventions';
import { measureAppQueries } from './app-queries.js';
import { ArrivalProbe, percentile } from './arrivals.js';
import { Driver, runNames, type Counts, type RunNames } from './driver.js';
import { LokiClient } from './loki.js';
import { parseLoadOptions, type LoadOptions } from './options.js';
import { formatBytes, printTable } from './report.js';
import { startToolServer } from './tool-server.js';

const SERVICE = 'integration-logs-load';
/** Records the run wrote: a summary per operation, one per request made, one per sync model recorded. */
const recordsWritten = (c: Counts) => ({
  [EVENT_OPERATION]: c.started,
  [EVENT_REQUEST]: c.requests,
  [EVENT_SYNC_MODEL]: c.models,
});

async function countArrived(loki: LokiClient, names: RunNames, startMs: number): Promise<Map<string, number>> {
  const rangeS = Math.ceil((Date.now() - startMs) / 1000) + 1;
  const q = `sum by (${L.eventName}) (count_over_time({${L.tool}=~"${names.tool}(-probe)?"}[${rangeS}s]))`;
  const { values } = await loki.instant(q, Date.now());
  const counts = new Map<string, number>();
  for (const [labels, n] of values)
    counts.set((JSON.parse(labels) as Record<string, string | undefined>)[L.eventName] ?? '', n);
  return counts;
}

/**
 * Waits for the run's records until every kind has arrived or nothing new arrived for
 * settleS. Per kind: delivery is at least once (a push retried after a Loki timeout can
 * land twice), so a surplus of one kind must not hide a shortfall of another.
 */
async function settle(
  loki: LokiClient,
  names: RunNames,
  startMs: number,
  expected: Record<string, number>,
  settleS: number
) {
  const complete = (m: Map<string, number>) => Object.entries(expected).every(([kind, n]) => (m.get(kind) ?? 0) >= n);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  let counts = new Map<string, number>();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    counts = await countArrived(loki, names, startMs).catch(() => counts);
    if (complete(counts)) break;
    const n = total(counts);
    if (n !== last) [last, lastChange] = [n, Date.now()];
    if (Date.now() - lastChange > settleS * 1000) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return counts;
}

async function waitVisible(probe: ArrivalProbe, id: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    await probe.poll();
    if (probe.lags.has(id)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function main(): Promise<void> {
  const options = parseLoadOptions(process.argv.slice(2));
  if (!options) return;
  const names = runNames(Date.now().toString(36));
  const loki = new LokiClient(options.lokiUrl, options.lokiTenant);
  const tool = await startToolServer(options.responseBytes);
  let exportErrors = 0;
  const il = startIntegrationLogs({
    serviceName: SERVICE,
    environment: 'load',
    endpoint: options.otlpEndpoint,
    maxQueueSize: options.sdkQueue,
    onExportError: () => exportErrors++,
  });
  const driver = new Driver(il, options, tool.baseUrl, names);
  const probe = new ArrivalProbe(loki, names.probeTool);
  const runStart = Date.now();
  console.log(
    `run ${names.runId}: tools ${names.tool} and ${names.probeTool}, service ${SERVICE}; collector ${options.otlpEndpoint}, Loki ${options.lokiUrl}`
  );

  const labels = await checkFirstOperation({ options, names, loki, il, driver, probe, runStart });
  probe.start();
  const progress = setInterval(() => {
    const lags = [...probe.lags.values()];
    const s = Math.round((Date.now() - runStart) / 1000);
    console.log(
      `${s}s: ${driver.counts.completed} operations done, SDK dropped ${il.stats.droppedCount}, lag p95 ${percentile(lags, 95)} ms over ${lags.length} probes`
    );
  }, 10_000);
  const phases = await runPhases(driver, options);
  const loadEnd = Date.now();
  await il.forceFlush();
  clearInterval(progress);

  const expected = recordsWritten(driver.counts);
  const arrived = await settle(loki, names, runStart, expected, options.settleS);
  // Probes that arrived after the last poll window are found now; their lag is unknown but above the window.
  await probe.poll();
  probe.stop();
  printRunReport({ options, il, driver, probe, phases, expected, arrived, exportErrors });
  if (labels.includes(L.eventName)) await printAppQueryCosts(loki, names, runStart, loadEnd);
  await il.shutdown();
  tool.stop();
}

interface Run {
  options: LoadOptions;
  names: RunNames;
  loki: LokiClient;
  il: IntegrationLogsSdk;
  driver: Driver;
  probe: ArrivalProbe;
  runStart: number;
}

/** One operation end to end first: nothing else is worth measuring if it never arrives. Returns Loki's label names. */
async function checkFirstOperation({ options, names, loki, il, driver, probe, runStart }: Run): Promise<string[]> {
  await driver.burst(1);
  await il.forceFlush();
  if (!(await waitVisible(probe, `${names.runId}-0`, 60_000))) {
    throw new Error(
      `The first operation did not reach Loki within 60 s: check the collector at ${options.otlpEndpoint}, its logs, and Loki at ${options.lokiUrl}`
    );
  }
  const labels = await loki.labelNames(runStart - 60_000, Date.now());
  if (!labels.includes(L.eventName)) {
    console.log(
      `Loki has no ${L.eventName} index label: lag and the app queries below need it (provisioning/loki/README.md#index-labels).`
    );
  }
  return labels;
}

/** The burst, then the sustained rate, as the options ask; what each achieved. */
async function runPhases(driver: Driver, options: LoadOptions): Promise<Array<[string, string]>> {
  const phases: Array<[string, string]> = [];
  if (options.burstOps > 0) {
    const t0 = performance.now();
    await driver.burst(options.burstOps);
    const s = (performance.now() - t0) / 1000;
    phases.push([
      'burst',
      `${options.burstOps} operations, ${options.burstOps * options.requestsPerOp} requests in ${s.toFixed(1)} s (${Math.round((options.burstOps * options.requestsPerOp) / s)} requests/s)`,
    ]);
  }
  if (options.durationS > 0) {
    const before = driver.counts.started;
    const t0 = performance.now();
    await driver.sustain(options.rate, options.durationS);
    const s = (performance.now() - t0) / 1000;
    const ops = driver.counts.started - before;
    phases.push([
      'sustained',
      `target ${options.rate} operations/s (${options.rate * options.requestsPerOp} requests/s) for ${options.durationS} s; achieved ${(ops / s).toFixed(0)} operations/s (${((ops * options.requestsPerOp) / s).toFixed(0)} requests/s)`,
    ]);
  }
  return phases;
}

interface RunResult {
  options: LoadOptions;
  il: IntegrationLogsSdk;
  driver: Driver;
  probe: ArrivalProbe;
  phases: Array<[string, string]>;
  expected: Record<string, number>;
  arrived: Map<string, number>;
  exportErrors: number;
}

/** The phases, the records written against those in Loki, and what the SDK dropped and the lag. */
function printRunReport({ options, il, driver, probe, phases, expected, arrived, exportErrors }: RunResult): void {
  const probesSent = Math.floor((driver.counts.started - 1) / options.probeEvery) + 1;
  const lags = [...probe.lags.values()];
  console.log();
  printTable(['phase', 'result'], phases);
  console.log();
  // Loki keeps a record delivered twice twice; readers drop exact duplicates.
  printTable(
    ['records', 'written', 'in Loki', 'missing', 'delivered twice'],
    Object.entries(expected).map(([k, v]) => {
      const got = arrived.get(k) ?? 0;
      return [k, String(v), String(got), String(Math.max(0, v - got)), String(Math.max(0, got - v))];
    })
  );
  console.log();
  printTable(
    ['measure', 'value'],
    [
      ['operations failed in the integration code (a request to the tool failed)', String(driver.counts.failed)],
      ['SDK: dropped (queue full / export failed)', `${il.stats.queueDropped} / ${il.stats.exportFailed}`],
      ['SDK: export error notices', String(exportErrors)],
      [
        'lag, operation end → readable in Loki: p50 / p95 / max',
        `${percentile(lags, 50)} / ${percentile(lags, 95)} / ${percentile(lags, 100)} ms`,
      ],
      ['lag probes seen / sent (poll errors)', `${lags.length} / ${probesSent} (${probe.errors})`],
    ]
  );
}

/** What the app's queries read for the run's last operation, against the operation records in range. */
async function printAppQueryCosts(loki: LokiClient, names: RunNames, runStart: number, loadEnd: number): Promise<void> {
  const sample = await loki.logs(
    `{${L.eventName}="${EVENT_OPERATION}", ${L.tool}="${names.tool}"}`,
    runStart,
    loadEnd + 1000,
    1,
    'backward'
  );
  const last = sample.entries[0];
  if (!last) return;
  const { costs, operationBytes } = await measureAppQueries(loki, {
    tool: names.tool,
    customerId: last.labels[L.customerId] ?? '',
    integrationId: last.labels[L.integrationId] ?? '',
    traceId: last.labels[L.traceId] ?? '',
    traceEndMs: Number(last.tsNs / 1_000_000n),
    traceDurationMs: Math.ceil(Number(last.labels[L.operationDurationMs] ?? 0)),
    startMs: runStart - 60_000,
    endMs: Date.now(),
  });
  console.log();
  console.log(`App queries over the run's range; operation records in range: ${formatBytes(operationBytes)}`);
  printTable(
    ['query', 'lines', 'read', 'read / operation records', 'ms'],
    costs.map((c) => [
      c.name,
      String(c.lines),
      formatBytes(c.bytesProcessed),
      (c.bytesProcessed / Math.max(1, operationBytes)).toFixed(2),
      c.ms.toFixed(0),
    ])
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
