/**
 * `npm run demo` as a user runs it: node on the built start script, the tool and the
 * integration as two processes wired over 127.0.0.1, stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';

const START = path.join(__dirname, '..', 'dist', 'start.js');
const NOTICE = 'cannot export telemetry to';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface DemoProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

async function startDemo(endpoint: string, speed: number): Promise<DemoProcess> {
  const [toolPort, integrationPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [START], {
    env: {
      ...process.env,
      DEMO_SPEED: String(speed),
      DEMO_TOOL_PORT: String(toolPort),
      DEMO_INTEGRATION_PORT: String(integrationPort),
      DEMO_TOOL_CHANGE_INTERVAL_MS: '60000',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let rx: OtlpReceiver;
const running: DemoProcess[] = [];

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
  await waitFor(() => types().has('incoming_webhook') && types().has('sync') && types().has('connection_flow'), 'operations from the demo processes');
  expect(demo.output()).toContain('[demo-tool] demo HRIS API listening on');
  expect(demo.output()).not.toContain(NOTICE);
  expect(await demo.stop()).toBe(0);
  expect(demo.output()).toContain('[demo-integration] stopping: flushing telemetry');
});

test('with no collector listening it keeps running and says so once', async () => {
  // Slower: this one waits for the exporter to give up, no need to burn CPU meanwhile.
  const demo = await startDemo(`http://127.0.0.1:${await freePort()}`, 30);
  running.push(demo);
  await waitFor(() => demo.output().includes(NOTICE), 'the notice');
  // Still running and still working: more operations go on after the notice.
  const statusLines = () => demo.output().split('\n').filter((line) => line.includes('revoked the')).length;
  await waitFor(() => statusLines() >= 1, 'the demo to keep going');
  expect(demo.child.exitCode).toBeNull();
  expect(demo.output().split(NOTICE)).toHaveLength(2);
  expect(await demo.stop()).toBe(0);
  expect(demo.output().split(NOTICE)).toHaveLength(2);
  // The notice names the refused connection; the demo's hook replaces the SDK's own warning.
  expect(demo.output()).toMatch(/cannot export telemetry to http:\/\/127\.0\.0\.1:\d+ \(connect ECONNREFUSED /);
  expect(demo.output()).not.toContain('integration-logs: cannot export');
});
