/**
 * `forceFlush()` exports what is queued before it resolves, for both signals, without
 * waiting for the batch delay (apps call it before exiting, tests before asserting).
 */
import { startOtlpReceiver } from '@integration-logs/test-support';
import { startIntegrationLogs } from '../src/index.js';

test('forceFlush exports queued spans and log records before it resolves', async () => {
  const rx = await startOtlpReceiver();
  // A batch delay far longer than the test: only the flush can export.
  const il = startIntegrationLogs({ serviceName: 'flush', endpoint: rx.url, scheduledDelayMs: 600_000 });
  try {
    const traceId = await il.sync({ tool: 'personio', operation: 'delta' }, (op) => op.traceId);
    expect(rx.requestCount).toBe(0);
    await il.forceFlush();
    expect(rx.spans.map((s) => [s.traceId, s.name])).toEqual([[traceId, 'sync personio']]);
    expect(rx.logsByEvent('integration.operation').map((l) => l.traceId)).toEqual([traceId]);
  } finally {
    await il.shutdown();
    await rx.close();
  }
});

test('forceFlush waits for both signals even when one export fails first', async () => {
  const rx = await startOtlpReceiver('fail');
  const il = startIntegrationLogs({ serviceName: 'flush', endpoint: rx.url, scheduledDelayMs: 600_000 });
  try {
    for (let round = 1; round <= 3; round++) {
      await il.sync({ tool: 'personio', operation: 'delta' }, () => undefined);
      await il.forceFlush();
      // One span and one summary record per round, each in its own (failed) export request.
      expect(rx.requestCount).toBe(2 * round);
      expect(il.stats.exportFailed).toBe(2 * round);
    }
  } finally {
    await il.shutdown();
    await rx.close();
  }
});
