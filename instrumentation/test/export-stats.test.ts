/**
 * Export stats count every span and log record lost on the way out, exactly once: dropped
 * at a full queue, or in a batch whose export failed; the rest reaches the collector.
 */
import { startOtlpReceiver } from '@integration-logs/test-support';
import { startIntegrationLogs } from '../src/index.js';

const QUEUE = 5;
const OPERATIONS = 40;

test('a queue that overflows counts each dropped span and record exactly', async () => {
  // A collector that never answers: the first batch of each signal (QUEUE items, exported
  // as soon as the queue holds a batch) stays in flight, the next QUEUE items wait in the
  // queue, and every item after them is dropped.
  const rx = await startOtlpReceiver('hang');
  const il = startIntegrationLogs({
    serviceName: 'export-stats',
    endpoint: rx.url,
    maxQueueSize: QUEUE,
    scheduledDelayMs: 600_000,
    exportTimeoutMs: 1500,
  });
  try {
    // Each operation ends one span and emits one summary record.
    for (let i = 0; i < OPERATIONS; i++) await il.sync({ tool: 'personio', integrationId: `int-${i}` }, () => i);
    expect(il.stats.queueDropped).toBe(2 * (OPERATIONS - 2 * QUEUE));
    expect(il.stats.exportFailed).toBe(0);

    // Once the collector answers, every batch in flight or queued is either delivered (the
    // exporter retries within its timeout) or fails and is counted, never both.
    rx.mode = 'ok';
    await il.forceFlush();
    const settled = () => rx.spans.length + rx.logs.length + il.stats.exportFailed;
    await rx.waitFor(() => settled() >= 4 * QUEUE, 20_000, 'the batches in flight and queued');
    expect(settled()).toBe(4 * QUEUE);
    expect(il.stats.queueDropped).toBe(2 * (OPERATIONS - 2 * QUEUE));
    expect(rx.spans.length + rx.logs.length + il.droppedCount).toBe(2 * OPERATIONS);
  } finally {
    await il.shutdown();
    await rx.close();
  }
});
