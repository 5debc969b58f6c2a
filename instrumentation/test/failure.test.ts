/**
 * A collector that is down, hangs or answers 500 never throws into integration code,
 * never leaves an unhandled rejection, and drops (and counts) telemetry beyond a
 * bounded queue instead of growing memory.
 */
import { closedPortUrl, type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { startIntegrationLogs } from '../src/index.js';
import { requestRecord } from './support/sdk-fixture.js';
import { startToolServer, type ToolServer } from './support/tool-server.js';

let tool: ToolServer;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  tool = await startToolServer();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await tool.close();
});

const OPERATIONS = 300;
const QUEUE = 50;

describe.each(['hang', 'down', 'fail'] as const)('collector %s', (mode) => {
  let rx: OtlpReceiver | undefined;

  afterEach(async () => {
    await rx?.close();
    rx = undefined;
  });

  test('integration code runs unaffected; telemetry is dropped and counted; shutdown resolves', async () => {
    let endpoint: string;
    if (mode === 'down') endpoint = await closedPortUrl();
    else {
      rx = await startOtlpReceiver(mode);
      endpoint = rx.url;
    }
    const il = startIntegrationLogs({
      serviceName: `failure-${mode}`,
      endpoint,
      exportTimeoutMs: 1000,
      maxQueueSize: QUEUE,
      scheduledDelayMs: 20,
    });
    const results: number[] = [];
    for (let batch = 0; batch < OPERATIONS / 20; batch++) {
      const values = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          il.sync({ tool: 'personio', integrationId: `int-${batch}-${i}` }, async (op) => {
            const r = await fetch(`${tool.url}/v1/employees/${batch * 20 + i}`);
            await r.text();
            op.recordModel('employees', { read: 1 });
            return r.status;
          })
        )
      );
      results.push(...values);
    }
    expect(results).toHaveLength(OPERATIONS);
    expect(results.every((s) => s === 200)).toBe(true);
    await il.forceFlush();
    await il.shutdown();
    // Each operation produced 2 spans and 3 log records. None reached a collector: all of
    // them are counted as dropped (queue full) or failed, except at most the batches still
    // in flight when shutdown gave up; a queue of 50 per signal kept memory bounded.
    expect(il.droppedCount).toBeGreaterThanOrEqual(OPERATIONS * 5 - 4 * QUEUE);
    expect(il.stats.queueDropped).toBeGreaterThan(0);
    expect(il.stats.exportFailed).toBeGreaterThan(0);
    if (rx) expect(rx.requestCount).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
  });
});

test('a 10 MB response passes through intact; the record keeps only the limit', async () => {
  const rx = await startOtlpReceiver();
  const il = startIntegrationLogs({ serviceName: 'big-bodies', endpoint: rx.url, scheduledDelayMs: 20 });
  try {
    let traceId = '';
    const size = await il.sync({ tool: 'personio' }, async (op) => {
      traceId = op.traceId;
      const body = await (await fetch(`${tool.url}/large?bytes=${10 * 1024 * 1024}`)).arrayBuffer();
      return body.byteLength;
    });
    expect(size).toBe(10 * 1024 * 1024);
    await il.forceFlush();
    await rx.waitFor(() => rx.logsByEvent('integration.request').some((l) => l.traceId === traceId));
    const rec = requestRecord(rx.logsByEvent('integration.request').find((l) => l.traceId === traceId)!);
    expect(rec.response).toMatchObject({ bodySize: 10 * 1024 * 1024, bodyTruncated: true });
    expect(rec.response!.body!.length).toBe(16384);
  } finally {
    await il.shutdown();
    await rx.close();
  }
});
