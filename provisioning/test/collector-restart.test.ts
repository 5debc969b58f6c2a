// The exporters' queues are persistent (file_storage): with Tempo and Loki down, the
// collector accepts a load, is stopped (SIGTERM, as `docker stop` and Kubernetes do) and
// started again on the same storage, and every span and record still arrives once the
// backends are back.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OtlpSink, waitFor } from '@integration-logs/test-support';
import { describeWith, otelcol } from './support/binaries.js';
import { Collector } from './support/collector.js';
import { ContractTraffic } from './support/contract-traffic.js';

const OPERATIONS = 60;
const REQUESTS_PER_OPERATION = 4;

describeWith([otelcol()], 'collector restart with the backends down', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  // Remote write is not under test here: a receiver that takes anything.
  let remoteWrite: Server;
  let collector: Collector;

  beforeAll(async () => {
    remoteWrite = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => remoteWrite.listen(0, '127.0.0.1', resolve));
    await tempo.start();
    await loki.start();
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: `http://127.0.0.1:${(remoteWrite.address() as AddressInfo).port}/api/v1/write`,
    });
    await collector.start();
  });

  afterAll(async () => {
    await collector?.dispose();
    await tempo.stop();
    await loki.stop();
    await new Promise((resolve) => remoteWrite?.close(resolve));
  });

  test('loses no span and no log record', async () => {
    // Wiring check while everything is up.
    const warmup = new ContractTraffic(collector.otlpHttpUrl, 'warmup');
    const first = warmup.operation({ logType: 'sync', tool: 'personio' });
    await warmup.shutdown();
    await waitFor('the warm-up span at Tempo', () => tempo.spans.some((s) => s.spanId === first.operationSpanId));
    tempo.spans.length = 0;
    loki.logs.length = 0;

    await tempo.stop();
    await loki.stop();

    const traffic = new ContractTraffic(collector.otlpHttpUrl, 'restart-test');
    const expectedSpans = new Set<string>();
    for (let i = 0; i < OPERATIONS; i++) {
      const op = traffic.operation({
        logType: i % 2 ? 'sync' : 'action',
        tool: i % 3 ? 'personio' : 'greenhouse',
        integrationId: `integration-${i}`,
        requests: Array.from({ length: REQUESTS_PER_OPERATION }, (_, r) => ({
          method: 'GET',
          urlTemplate: '/v1/employees/{id}',
          url: `https://api.tool.example/v1/employees/${i * 10 + r}`,
          status: r === 3 ? 404 : 200,
        })),
      });
      [op.operationSpanId, ...op.requestSpanIds].forEach((id) => expectedSpans.add(id));
    }
    // Resolves once the collector has answered 200 to every export: it owns the data now.
    await traffic.shutdown();
    const expectedRecords = OPERATIONS * (REQUESTS_PER_OPERATION + 1);
    expect(expectedSpans.size).toBe(OPERATIONS * (REQUESTS_PER_OPERATION + 1));

    expect(await collector.stop()).toBe(0);
    expect(tempo.spans).toHaveLength(0);
    expect(loki.logs).toHaveLength(0);

    await collector.start();
    await tempo.start();
    await loki.start();

    const spanIds = () =>
      new Set(tempo.spans.filter((s) => s.resource['service.name'] === 'restart-test').map((s) => s.spanId));
    const recordKeys = () =>
      new Set(
        loki.logs.filter((r) => r.resource['service.name'] === 'restart-test').map((r) => `${r.spanId}/${r.eventName}`)
      );
    await waitFor(`all ${expectedSpans.size} spans at Tempo`, () => spanIds().size === expectedSpans.size, {
      timeoutMs: 120_000,
    });
    await waitFor(`all ${expectedRecords} records at Loki`, () => recordKeys().size === expectedRecords, {
      timeoutMs: 120_000,
    });
    expect([...spanIds()].sort()).toEqual([...expectedSpans].sort());
    expect(tempo.errors).toEqual([]);
    expect(loki.errors).toEqual([]);
  });
});

/** The queue is measured in bytes: each span carries this much, and the batch minimum (512 KiB) fits. */
const PADDING = 'p'.repeat(60_000);

describeWith([otelcol()], 'collector with a full queue', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  let collector: Collector;

  beforeAll(async () => {
    await tempo.start();
    await loki.start();
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: 'http://127.0.0.1:9/api/v1/write',
      // Room for about ten of the spans below only, so the backend outage fills it.
      env: { OTELCOL_QUEUE_BYTES: String(10 * PADDING.length) },
    });
    await tempo.stop();
    await loki.stop();
    await collector.start();
  });

  afterAll(async () => {
    await collector?.dispose();
    await tempo.stop();
    await loki.stop();
  });

  /** One span per request, as OTLP/JSON; resolves true when the collector accepted it. */
  async function send(spanId: string): Promise<boolean> {
    const now = BigInt(Date.now()) * 1_000_000n;
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'backpressure-test' } }] },
          scopeSpans: [
            {
              scope: { name: 'backpressure-test' },
              spans: [
                {
                  traceId: randomBytes(16).toString('hex'),
                  spanId,
                  name: 'sync personio',
                  kind: 1,
                  startTimeUnixNano: String(now - 1_000_000n),
                  endTimeUnixNano: String(now),
                  attributes: [
                    { key: 'integration.tool', value: { stringValue: 'personio' } },
                    { key: 'test.padding', value: { stringValue: PADDING } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    try {
      const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(3000),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }

  test('holds off new data instead of dropping what it accepted', async () => {
    const accepted: string[] = [];
    let refused = 0;
    // Each batch waits up to 1s; keep sending until the collector has pushed back a few times.
    for (let i = 0; i < 60 && refused < 3; i++) {
      const spanId = randomBytes(8).toString('hex');
      if (await send(spanId)) accepted.push(spanId);
      else refused++;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(refused).toBeGreaterThanOrEqual(3);
    expect(accepted.length).toBeGreaterThan(0);

    const metrics = await (await fetch(collector.metricsUrl)).text();
    // Spans it could not queue are those of the requests it held off until the client gave
    // up (one span each): none that it answered 200 for.
    const notQueued = [...metrics.matchAll(/^otelcol_exporter_enqueue_failed_spans\{[^}]*\} (\d+)/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0
    );
    expect(notQueued).toBeLessThanOrEqual(refused);

    await tempo.start();
    await loki.start();
    await waitFor(
      `the ${accepted.length} accepted spans at Tempo`,
      () => accepted.every((id) => tempo.spans.some((s) => s.spanId === id)),
      { timeoutMs: 120_000 }
    );
  });
});
