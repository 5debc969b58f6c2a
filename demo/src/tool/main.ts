// Runs the demo HRIS API. See demo/README.md for the environment variables.
import { envNumber, envString } from '../shared/env.js';
import { DEFAULT_TOOL_OPTIONS, createDemoTool } from './server.js';

const speed = envNumber('DEMO_SPEED', 1, { min: 0.01, max: 1000 });
const changeEveryMs = envNumber('DEMO_TOOL_CHANGE_INTERVAL_MS', 20_000, { min: 0 }) / speed;
let failedDeliveries = 0;

const tool = createDemoTool({
  seed: envNumber('DEMO_SEED', DEFAULT_TOOL_OPTIONS.seed),
  errorRate: envNumber('DEMO_TOOL_ERROR_RATE', DEFAULT_TOOL_OPTIONS.errorRate, { min: 0, max: 1 }),
  slowRate: envNumber('DEMO_TOOL_SLOW_RATE', DEFAULT_TOOL_OPTIONS.slowRate, { min: 0, max: 1 }),
  slowMs: envNumber('DEMO_TOOL_SLOW_MS', DEFAULT_TOOL_OPTIONS.slowMs, { min: 0 }),
  // Rate limits run in real time whatever DEMO_SPEED says: Retry-After must stay true.
  rateLimit: {
    capacity: envNumber('DEMO_TOOL_RATE_CAPACITY', DEFAULT_TOOL_OPTIONS.rateLimit.capacity, { min: 1 }),
    refillPerSecond: envNumber('DEMO_TOOL_RATE_REFILL', DEFAULT_TOOL_OPTIONS.rateLimit.refillPerSecond, { min: 0 }),
  },
  // Globex's product (bamboohr) is the strict one: its syncs meet 429s and Retry-After.
  accountRateLimits: { acc_globex: { capacity: 5, refillPerSecond: 1 } },
  webhookUrl: envString('DEMO_WEBHOOK_URL'),
  webhookSecret: envString('DEMO_WEBHOOK_SECRET', DEFAULT_TOOL_OPTIONS.webhookSecret),
  onWebhookDelivery(delivery) {
    // Say so on the first failure and then rarely: the integration may simply not be up yet.
    if (delivery.status !== null && delivery.status < 500) return;
    failedDeliveries++;
    if (failedDeliveries === 1 || failedDeliveries % 100 === 0) {
      console.warn(
        `[demo-tool] webhook delivery to ${delivery.url} failed (${delivery.error ?? delivery.status}); ${failedDeliveries} failed so far`
      );
    }
  },
});

async function main(): Promise<void> {
  const port = envNumber('DEMO_TOOL_PORT', 4010, { min: 0, max: 65535 });
  const host = envString('DEMO_TOOL_HOST', '127.0.0.1');
  const url = await tool.listen(port, host);
  const webhookUrl = envString('DEMO_WEBHOOK_URL');
  console.log(
    `[demo-tool] demo HRIS API listening on ${url}; webhooks ${webhookUrl ? `go to ${webhookUrl}/<tool>` : 'are off (DEMO_WEBHOOK_URL unset)'}`
  );

  const changes = changeEveryMs > 0 ? setInterval(() => tool.simulateChanges(1), changeEveryMs) : undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (changes) clearInterval(changes);
      void tool.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error('[demo-tool] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
