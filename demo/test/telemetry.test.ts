/**
 * With a collector that refuses everything, the demo keeps working and says so once,
 * through the SDK's onExportError hook.
 */
import type { IntegrationLogsSdk } from '@integration-logs/instrumentation';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { exportNotice, startTelemetry } from '../src/integration/telemetry';

let rx: OtlpReceiver;
let sdk: IntegrationLogsSdk;
const lines: string[] = [];

beforeAll(async () => {
  rx = await startOtlpReceiver('fail');
  sdk = startTelemetry({
    endpoint: rx.url,
    scheduledDelayMs: 20,
    onExportError: exportNotice(rx.url, (line) => lines.push(line)),
  });
});

afterAll(async () => {
  await sdk?.shutdown();
  await rx?.close();
});

test('failed exports give one notice and never fail the operations', async () => {
  const results: string[] = [];
  for (let i = 0; i < 3; i++) {
    const before = sdk.stats.exportFailed;
    results.push(
      await sdk.sync({ tool: 'personio', integrationId: 'int_x', operation: 'delta' }, async () => `run ${i}`)
    );
    await sdk.forceFlush();
    await rx.waitFor(() => sdk.stats.exportFailed > before, 20_000, `failed export ${i}`);
  }
  // Recovery ends a burst: the SDK may call the hook again later, the demo still says nothing more.
  rx.mode = 'ok';
  results.push(await sdk.sync({ tool: 'personio', integrationId: 'int_x', operation: 'delta' }, async () => 'run 3'));
  await sdk.forceFlush();
  rx.mode = 'fail';
  const before = sdk.stats.exportFailed;
  results.push(await sdk.sync({ tool: 'personio', integrationId: 'int_x', operation: 'delta' }, async () => 'run 4'));
  await sdk.forceFlush();
  await rx.waitFor(() => sdk.stats.exportFailed > before, 20_000, 'failed export after recovery');

  expect(results).toEqual(['run 0', 'run 1', 'run 2', 'run 3', 'run 4']);
  expect(lines).toEqual([
    `cannot export telemetry to ${rx.url} (Internal Server Error; is an OpenTelemetry collector listening there?). The demo keeps running and drops telemetry it cannot send; this is said only once.`,
  ]);
  expect(rx.logsByEvent('integration.operation')).toHaveLength(1); // run 3, sent while the collector answered
  expect(rx.requestCount).toBeGreaterThanOrEqual(8);
});
