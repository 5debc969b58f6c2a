/**
 * `node --import @integration-logs/instrumentation/register app.js`: starts the SDK from
 * OTEL_* environment variables before the application loads, and flushes on exit.
 * The running instance is available to application code via `getIntegrationLogs()`.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startIntegrationLogs } from './start.js';
import { reportFailure } from './diagnostics.js';

try {
  // Lets instrumentation-http patch node:http(s) for ES-module applications too.
  register('@opentelemetry/instrumentation/hook.mjs', pathToFileURL(__filename), {
    data: { include: ['http', 'https', 'node:http', 'node:https'] },
  });
} catch (err) {
  reportFailure('debug', 'ESM hook not registered', err);
}

const maxBodyBytes = Number(process.env.INTEGRATION_LOGS_MAX_BODY_BYTES);
const sdk = startIntegrationLogs({
  ...(Number.isFinite(maxBodyBytes) && maxBodyBytes >= 0 && process.env.INTEGRATION_LOGS_MAX_BODY_BYTES
    ? { maxBodyBytes }
    : {}),
  ...(process.env.INTEGRATION_LOGS_CAPTURE_BODIES === 'false' ? { captureBodies: false } : {}),
  requestsOutsideScopes: process.env.INTEGRATION_LOGS_REQUESTS_OUTSIDE_SCOPES === 'ignore' ? 'ignore' : 'record',
  ...(process.env.INTEGRATION_LOGS_REDACTION_SHOW_RULE === 'true' ? { redaction: { showRule: true } } : {}),
});

let exiting = false;
process.once('beforeExit', () => {
  if (exiting) return;
  exiting = true;
  void sdk.shutdown();
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // Only take over the signal when the application does not handle it itself.
  if (process.listenerCount(signal) > 0) continue;
  process.once(signal, () => {
    exiting = true;
    // If the application added its own handler meanwhile, it decides when to exit.
    const appHandles = process.listenerCount(signal) > 0;
    void sdk.shutdown().finally(() => {
      if (!appHandles) process.kill(process.pid, signal);
    });
  });
}
