/**
 * `forceFlush()` exports what is queued before it resolves, for both signals, without
 * waiting for the batch delay (apps call it before exiting, tests before asserting).
 */
import { startIntegrationLogs } from '../src/index.js';
import { startOtlpReceiver } from './support/otlp-receiver.js';

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
