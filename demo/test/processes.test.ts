/**
 * `npm run demo` as a user runs it: node on the built start script, the tool and the
 * integration as two processes wired over 127.0.0.1, stopped with SIGTERM.
 */
import path from 'node:path';
import {
  freePort,
  type OtlpReceiver,
  type Proc,
  start,
  startOtlpReceiver,
  waitFor,
} from '@integration-logs/test-support';

const START = path.join(__dirname, '..', 'dist', 'start.js');
const NOTICE = 'cannot export telemetry to';

async function startDemo(endpoint: string, speed: number): Promise<Proc> {
  const [toolPort, integrationPort] = [await freePort(), await freePort()];
  return start('demo', process.execPath, [START], {
    DEMO_SPEED: String(speed),
    DEMO_TOOL_PORT: String(toolPort),
    DEMO_INTEGRATION_PORT: String(integrationPort),
    DEMO_TOOL_CHANGE_INTERVAL_MS: '60000',
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
  });
}

/** Everything the demo printed, stdout and stderr as they came. */
const output = (demo: Proc) => demo.output.join('');

let rx: OtlpReceiver;
const running: Proc[] = [];

beforeAll(async () => {
  rx = await startOtlpReceiver();
});

afterAll(async () => {
  await Promise.all(running.map((demo) => demo.stop()));
  await rx?.close();
});

test('the two processes talk to each other, export, and stop together on SIGTERM', async () => {
  const demo = await startDemo(rx.url, 300);
  running.push(demo);
  const types = () => new Set(rx.logsByEvent('integration.operation').map((l) => l.attributes['integration.log_type']));
  // Webhooks prove the tool reaches the integration; syncs that the integration reaches the tool.
  await waitFor(
    'operations from the demo processes',
    () => types().has('incoming_webhook') && types().has('sync') && types().has('connection_flow')
  );
  expect(output(demo)).toContain('[demo-tool] demo HRIS API listening on');
  expect(output(demo)).not.toContain(NOTICE);
  expect(await demo.stop()).toBe(0);
  expect(output(demo)).toContain('[demo-integration] stopping: flushing telemetry');
});

test('with no collector listening it keeps running and says so once', async () => {
  // Slower: this one waits for the exporter to give up, no need to burn CPU meanwhile.
  const demo = await startDemo(`http://127.0.0.1:${await freePort()}`, 30);
  running.push(demo);
  await waitFor('the notice', () => output(demo).includes(NOTICE));
  // Still running and still working: more operations go on after the notice.
  const statusLines = () =>
    output(demo)
      .split('\n')
      .filter((line) => line.includes('revoked the')).length;
  await waitFor('the demo to keep going', () => statusLines() >= 1);
  expect(demo.child.exitCode).toBeNull();
  expect(output(demo).split(NOTICE)).toHaveLength(2);
  expect(await demo.stop()).toBe(0);
  expect(output(demo).split(NOTICE)).toHaveLength(2);
  // The notice names the refused connection; the demo's hook replaces the SDK's own warning.
  expect(output(demo)).toMatch(/cannot export telemetry to http:\/\/127\.0\.0\.1:\d+ \(connect ECONNREFUSED /);
  expect(output(demo)).not.toContain('integration-logs: cannot export');
});
