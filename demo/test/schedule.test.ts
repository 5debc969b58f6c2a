/**
 * The scheduler, time-compressed: run it until the exported telemetry shows every log
 * type, a 401 burst and a flow with two sessions (waits on the data, not on the clock).
 */
import type { IntegrationLogsSdk } from '@integration-logs/instrumentation';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { startInProcessDemo, type InProcessDemo } from '../src/integration/cycle';
import { startSchedule } from '../src/integration/scheduler';
import { startTelemetry } from '../src/integration/telemetry';

let rx: OtlpReceiver;
let sdk: IntegrationLogsSdk;
let demo: InProcessDemo;

beforeAll(async () => {
  rx = await startOtlpReceiver();
  sdk = startTelemetry({ endpoint: rx.url, scheduledDelayMs: 100 });
  demo = await startInProcessDemo({ il: sdk, seed: 5 });
});

afterAll(async () => {
  await demo?.close();
  await sdk?.shutdown();
  await rx?.close();
});

test('a compressed schedule produces every log type, a 401 burst and multi-session flows', async () => {
  const lines: string[] = [];
  const schedule = startSchedule(demo.integration, { speed: 300, seed: 5, log: (line) => lines.push(line) });
  const logTypes = () =>
    new Set(rx.logsByEvent('integration.operation').map((l) => l.attributes['integration.log_type']));
  const unauthorized = () =>
    rx.logsByEvent('integration.request').filter((l) => l.attributes['http.response.status_code'] === 401).length;
  const multiSessionFlows = () => {
    const sessions = new Map<unknown, Set<unknown>>();
    for (const e of rx.logsByEvent('integration.flow.event')) {
      const id = e.attributes['integration.flow.id'];
      sessions.set(id, (sessions.get(id) ?? new Set()).add(e.attributes['integration.flow.session.id']));
    }
    return [...sessions.values()].filter((s) => s.size >= 2).length;
  };
  // Full and delta syncs for every connection.
  const syncsCovered = () => {
    const seen = new Set(
      rx
        .logsByEvent('integration.operation')
        .filter((l) => l.attributes['integration.log_type'] === 'sync')
        .map((l) => `${l.attributes['integration.id']} ${l.attributes['integration.operation']}`)
    );
    return demo.integration.connections.every(
      (c) => seen.has(`${c.integrationId} full`) && seen.has(`${c.integrationId} delta`)
    );
  };
  try {
    await rx.waitFor(
      () =>
        ['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'].every((t) => logTypes().has(t)) &&
        syncsCovered() &&
        unauthorized() >= 5 &&
        multiSessionFlows() >= 1,
      90_000,
      'every log type, full and delta syncs, a 401 burst and a flow with two sessions'
    );
  } finally {
    schedule.stop();
  }
  expect(lines.some((line) => /revoked the \w+ token of int_\w+: a burst of 401s/.test(line))).toBe(true);
}, 120_000);
