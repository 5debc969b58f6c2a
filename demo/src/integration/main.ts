// Runs the demo integration: scheduled syncs, actions, passthrough calls and connection
// flows against the demo tool, and a server for the tool's webhooks. See demo/README.md.
import { createServer } from 'node:http';
import { envNumber, envString } from '../shared/env.js';
import { DEFAULT_TOOL_OPTIONS } from '../tool/server.js';
import { DemoIntegration } from './demo-integration.js';
import { startSchedule } from './scheduler.js';
import { exportNotice, otlpEndpoint, startTelemetry } from './telemetry.js';

const log = (line: string) => console.log(`[demo-integration] ${line}`);

async function waitForTool(toolUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(new URL('/healthz', toolUrl), { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (attempt === 1) log(`waiting for the demo tool at ${toolUrl} ...`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<void> {
  const toolUrl = envString('DEMO_TOOL_URL', 'http://127.0.0.1:4010');
  const port = envNumber('DEMO_INTEGRATION_PORT', 4011, { min: 0, max: 65535 });
  const host = envString('DEMO_INTEGRATION_HOST', '127.0.0.1');
  const speed = envNumber('DEMO_SPEED', 1, { min: 0.01, max: 1000 });
  const seed = envNumber('DEMO_SEED', DEFAULT_TOOL_OPTIONS.seed);
  const endpoint = otlpEndpoint();

  const sdk = startTelemetry({ endpoint, onExportError: exportNotice(endpoint, log) });
  const integration = new DemoIntegration({
    il: sdk,
    toolUrl,
    webhookSecret: envString('DEMO_WEBHOOK_SECRET', DEFAULT_TOOL_OPTIONS.webhookSecret),
    seed,
    // Retry-After is the tool's real clock: honoured as is, whatever DEMO_SPEED says.
    waitScale: 1,
  });
  const server = createServer(integration.webhookHandler());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  log(`webhooks: POST http://${host}:${port}/webhooks/<tool>; exporting OTLP/HTTP to ${endpoint}; speed x${speed}`);

  await waitForTool(toolUrl);
  log(
    `demo tool is up at ${toolUrl}; running syncs, actions, passthrough calls and connection flows for ${integration.connections.length} integrations`
  );
  const schedule = startSchedule(integration, { speed, seed, log });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log('stopping: flushing telemetry');
      schedule.stop();
      server.close();
      server.closeAllConnections();
      // Bounded: with no collector listening, the exporter's retries would hold the exit.
      const giveUp = new Promise((resolve) => setTimeout(resolve, 5000).unref());
      void Promise.race([sdk.shutdown(), giveUp]).finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error('[demo-integration] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
