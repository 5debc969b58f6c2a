// The real collector against a Loki stand-in that answers as Loki does at its limits: 413
// for a push it will never take, 429 while over its ingestion rate, 503 with gRPC's
// ResourceExhausted for a message over its gRPC limit. The pipeline keeps flowing past
// every refusal, nothing acceptable is lost, and what was refused for good is counted in
// the collector's own metrics. Label-bound attributes reach Loki as valid, short UTF-8.
import { encodeLogs, type LogRecordInput, OtlpSink, waitFor } from '@integration-logs/test-support';
import { describeWith, otelcol } from './support/binaries.js';
import { Collector } from './support/collector.js';

/** Loki's defaults: a 4 MB gRPC message limit between distributor and ingester. */
const LOKI_GRPC_LIMIT = 4 * 1024 * 1024;
const BURST = 3000;
const padding = 'x'.repeat(3000);

const marker = (push: { logs: Array<{ attributes: Record<string, unknown> }> }, value: string) =>
  push.logs.some((r) => r.attributes['test.marker'] === value);

describeWith([otelcol()], 'collector against a backend at its limits', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  let collector: Collector;
  let rateLimited = 0;

  const send = async (records: LogRecordInput[]) => {
    const res = await fetch(`${collector.otlpHttpUrl}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: encodeLogs(records),
    });
    expect(res.status).toBe(200);
  };
  /** The collector's own counter, summed over its series for the Loki exporter. */
  const lokiCounter = async (name: string): Promise<number> => {
    const text = await (await fetch(collector.metricsUrl)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) && line.includes('exporter="otlp_http/loki"'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  };

  beforeAll(async () => {
    await tempo.start();
    await loki.start();
    loki.refuse = (push) => {
      if (push.body.length > LOKI_GRPC_LIMIT || marker(push, 'over-grpc-limit')) {
        return {
          status: 503,
          message: 'rpc error: code = ResourceExhausted desc = grpc: received message larger than max',
        };
      }
      if (marker(push, 'too-large')) return { status: 413, message: 'request body too large' };
      if (marker(push, 'burst') && rateLimited < 3) {
        rateLimited++;
        return { status: 429, message: 'Ingestion rate limit exceeded', headers: { 'retry-after': '1' } };
      }
      return undefined;
    };
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: 'http://127.0.0.1:9/api/v1/write',
      // The shortest retry window the config allows (no less than max_interval, 30s), so
      // the batch Loki keeps refusing is given up within the test.
      env: { OTELCOL_RETRY_MAX_ELAPSED_TIME: '30s' },
    });
    await collector.start();
  });

  afterAll(async () => {
    await collector?.dispose();
    await tempo.stop();
    await loki.stop();
  });

  test('refused batches are dropped and counted while everything else flows', async () => {
    // Each poison record goes alone, so it forms a batch of its own.
    await send([{ attributes: { 'test.marker': 'too-large' }, body: 'refused with 413' }]);
    await waitFor('the 413', () => loki.refused.some((r) => r.status === 413));
    await send([{ attributes: { 'test.marker': 'over-grpc-limit' }, body: 'refused with 503 every time' }]);
    await waitFor('the first 503', () => loki.refused.some((r) => r.status === 503));

    // A burst of 3,000 records of ~3 KB (about 10 MB) while that batch is still retried.
    for (let i = 0; i < BURST; i += 500) {
      await send(
        Array.from({ length: 500 }, (_, j) => ({
          attributes: { 'test.marker': 'burst', 'test.seq': String(i + j) },
          body: padding,
        }))
      );
    }
    const arrived = () =>
      new Set(loki.logs.filter((r) => r.attributes['test.marker'] === 'burst').map((r) => r.attributes['test.seq']))
        .size;
    await waitFor(`all ${BURST} burst records`, () => arrived() === BURST, { timeoutMs: 60_000 });

    // Every push the collector made fits Loki's gRPC limit: batches are cut by bytes.
    const pushes = loki.requests.filter((r) => r.path.endsWith('/v1/logs'));
    expect(pushes.length).toBeGreaterThan(3);
    expect(Math.max(...pushes.map((r) => r.bytes))).toBeLessThanOrEqual(LOKI_GRPC_LIMIT);
    // 429s were retried, not dropped.
    expect(rateLimited).toBe(3);

    // The 413 batch was dropped at once; the 503 batch after the retry window. Both are
    // counted, and nothing else was.
    await waitFor(
      'both refused records counted',
      async () => (await lokiCounter('otelcol_exporter_send_failed_log_records')) === 2,
      { timeoutMs: 60_000 }
    );
    expect(loki.refused.filter((r) => r.status === 503).length).toBeGreaterThan(1);
    expect(await lokiCounter('otelcol_exporter_sent_log_records')).toBe(BURST);
    expect(collector.log()).toMatch(/413/);
  });

  test('label-bound attributes reach Loki as valid UTF-8 of at most 128 bytes', async () => {
    const long = 'tool-'.repeat(60) + 'é'.repeat(40);
    await send([
      {
        attributes: {
          'test.marker': 'labels-surrogate',
          'integration.tool': 'bad\ud800tool',
          'event.name': 'integration.\ufffdoperation',
        },
        body: 'a',
      },
      {
        attributes: { 'test.marker': 'labels-long', 'integration.tool': long, 'integration.log_type': 'é'.repeat(100) },
        body: 'b',
      },
    ]);
    const record = (m: string) => loki.logs.find((r) => r.attributes['test.marker'] === m);
    await waitFor('both records', () => record('labels-surrogate') && record('labels-long'));

    // protobufjs decodes the ill-formed bytes back to a lone surrogate: "?" here means the
    // collector replaced them (not with U+FFFD, which Loki's label parser refuses).
    expect(record('labels-surrogate')!.attributes['integration.tool']).toBe('bad?tool');
    expect(record('labels-surrogate')!.attributes['event.name']).toBe('integration.?operation');
    const tool = String(record('labels-long')!.attributes['integration.tool']);
    const logType = String(record('labels-long')!.attributes['integration.log_type']);
    for (const value of [tool, logType]) {
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(128);
      expect(value).not.toMatch(/[\ufffd?]/); // cut on a character boundary
    }
    expect(long.startsWith(tool)).toBe(true);
  });
});
