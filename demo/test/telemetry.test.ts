/**
 * With a collector that refuses everything, the demo keeps working and says so once.
 */
import type { IntegrationLogsSdk } from '@integration-logs/instrumentation';
import { startTelemetry, watchExports } from '../src/integration/telemetry';
import { startOtlpReceiver, type OtlpReceiver } from '../../instrumentation/test/support/otlp-receiver';

let rx: OtlpReceiver;
let sdk: IntegrationLogsSdk;

beforeAll(async () => {
  rx = await startOtlpReceiver('fail');
  sdk = startTelemetry({ endpoint: rx.url, scheduledDelayMs: 20 });
});

afterAll(async () => {
  await sdk?.shutdown();
  await rx?.close();
});

test('failed exports give one notice and never fail the operations', async () => {
  const lines: string[] = [];
  const stop = watchExports(sdk, rx.url, (line) => lines.push(line), 10);
  try {
    const results: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = sdk.stats.exportFailed;
      results.push(await sdk.sync({ tool: 'personio', integrationId: 'int_x', operation: 'delta' }, async () => `run ${i}`));
      await sdk.forceFlush();
      await rx.waitFor(() => sdk.stats.exportFailed > before, 20_000, `failed export ${i}`);
      await rx.waitFor(() => lines.length > 0, 20_000, 'the notice');
    }
    expect(results).toEqual(['run 0', 'run 1', 'run 2']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cannot export telemetry to ${rx.url}`);
    expect(rx.requestCount).toBeGreaterThanOrEqual(3);
  } finally {
    stop();
  }
});
