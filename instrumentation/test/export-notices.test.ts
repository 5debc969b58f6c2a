/**
 * When telemetry cannot reach the collector the user hears about it once per burst of
 * failures (through `onExportError`, the diag logger, or one console warning per
 * process), never through an exception, and hears once more when exports recover.
 */
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { closedPortUrl, type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { startIntegrationLogs, type IntegrationLogsSdk, type StartOptions } from '../src/index.js';

type Signal = 'traces' | 'logs';

const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
let warn: jest.SpiedFunction<typeof console.warn>;
let il: IntegrationLogsSdk | undefined;
let rx: OtlpReceiver | undefined;

beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
beforeEach(() => {
  // Observe the console without silencing what else the SDK prints.
  warn = jest.spyOn(console, 'warn');
});
afterEach(async () => {
  await il?.shutdown();
  il = undefined;
  await rx?.close();
  rx = undefined;
  warn.mockRestore();
  diag.disable();
});

function start(endpoint: string, options: StartOptions = {}): IntegrationLogsSdk {
  // Long batch delay: exports happen only when the test flushes, one batch per signal.
  il = startIntegrationLogs({
    serviceName: 'export-notices',
    endpoint,
    exportTimeoutMs: 2000,
    scheduledDelayMs: 60_000,
    ...options,
  });
  return il;
}

/** One operation (a span and a summary record), exported by a flush; resolves once both exports ended. */
async function exportRound(sdk: IntegrationLogsSdk, i: number): Promise<void> {
  const failedBefore = sdk.stats.exportFailed;
  const requestsBefore = rx?.requestCount ?? 0;
  expect(await sdk.sync({ tool: 'personio', integrationId: `int-${i}` }, () => `run ${i}`)).toBe(`run ${i}`);
  await sdk.forceFlush();
  if (rx) await rx.waitFor(() => rx!.requestCount >= requestsBefore + 2, 20_000, `two export requests in round ${i}`);
  else expect(sdk.stats.exportFailed).toBeGreaterThanOrEqual(failedBefore + 2);
}

const ourLines = () => warn.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('integration-logs:'));

test('closed port: onExportError is called once per signal for the whole burst, with the reason', async () => {
  const endpoint = await closedPortUrl();
  const calls: { error: Error; signal: Signal }[] = [];
  const sdk = start(endpoint, { onExportError: (error, signal) => void calls.push({ error, signal }) });
  for (let i = 0; i < 3; i++) await exportRound(sdk, i);
  expect(sdk.stats.exportFailed).toBeGreaterThanOrEqual(6);
  expect(calls.map((c) => c.signal).sort()).toEqual(['logs', 'traces']);
  for (const { error } of calls) {
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/ECONNREFUSED/);
  }
  // The hook replaces the console warning.
  expect(ourLines()).toEqual([]);
  expect(unhandled).toEqual([]);
});

test('closed port: the warning names the destination and the refused connection', async () => {
  const endpoint = await closedPortUrl();
  const diagLines: string[] = [];
  const collect = (...args: unknown[]) => void diagLines.push(args.map(String).join(' '));
  diag.setLogger(
    { error: collect, warn: collect, info: collect, debug: () => {}, verbose: () => {} },
    DiagLogLevel.WARN
  );
  const sdk = start(endpoint);
  await exportRound(sdk, 0);
  const port = new URL(endpoint).port;
  expect(diagLines.filter((l) => l.startsWith('integration-logs: cannot export')).sort()).toEqual([
    `integration-logs: cannot export to ${endpoint}/v1/logs: connect ECONNREFUSED 127.0.0.1:${port}; telemetry is being dropped until it is reachable`,
    `integration-logs: cannot export to ${endpoint}/v1/traces: connect ECONNREFUSED 127.0.0.1:${port}; telemetry is being dropped until it is reachable`,
  ]);
});

test('a hook that throws or rejects never reaches integration code', async () => {
  const endpoint = await closedPortUrl();
  let thrown = 0;
  const sdk = start(endpoint, {
    onExportError: (_error, signal) => {
      thrown++;
      if (signal === 'traces') throw new Error('hook bug');
      return Promise.reject(new Error('async hook bug')) as unknown as void;
    },
  });
  for (let i = 0; i < 2; i++) await exportRound(sdk, i);
  expect(thrown).toBe(2);
  await new Promise((r) => setImmediate(r));
  expect(unhandled).toEqual([]);
});

test('500s with a hook: one call per burst; a successful export ends the burst', async () => {
  rx = await startOtlpReceiver('fail');
  const calls: Signal[] = [];
  const sdk = start(rx.url, { onExportError: (_e, signal) => void calls.push(signal) });
  await exportRound(sdk, 0);
  await exportRound(sdk, 1);
  expect(calls.sort()).toEqual(['logs', 'traces']);
  rx.mode = 'ok';
  await exportRound(sdk, 2);
  expect(rx.spans.length).toBeGreaterThan(0);
  expect(calls).toHaveLength(2);
  rx.mode = 'fail';
  await exportRound(sdk, 3);
  await exportRound(sdk, 4);
  expect(calls.sort()).toEqual(['logs', 'logs', 'traces', 'traces']);
});

test('500s without hook or diag logger: one console warning per process, one recovery line', async () => {
  rx = await startOtlpReceiver('fail');
  let sdk = start(rx.url);
  await exportRound(sdk, 0);
  await exportRound(sdk, 1);
  const warning = new RegExp(
    `^integration-logs: cannot export to ${rx.url.replace(/[.]/g, '\\.')}/v1/(traces|logs): .*Internal Server Error.*; telemetry is being dropped until it is reachable$`
  );
  expect(ourLines()).toHaveLength(1);
  expect(ourLines()[0]).toMatch(warning);
  rx.mode = 'ok';
  await exportRound(sdk, 2);
  expect(ourLines()).toHaveLength(2);
  const [, destination] = /cannot export to (\S+):/.exec(ourLines()[0]!)!;
  expect(ourLines()[1]).toBe(`integration-logs: export to ${destination} recovered`);

  // Later bursts, and later SDK instances of the same process, stay quiet on the console.
  rx.mode = 'fail';
  await exportRound(sdk, 3);
  await sdk.shutdown();
  sdk = start(rx.url);
  await exportRound(sdk, 4);
  expect(ourLines()).toHaveLength(2);
  expect(sdk.stats.exportFailed).toBeGreaterThan(0);
});

test('with a diag logger set, the warning goes to it (once per burst) and not to the console', async () => {
  const diagLines: string[] = [];
  const collect = (...args: unknown[]) => void diagLines.push(args.map(String).join(' '));
  const logger: DiagLogger = { error: collect, warn: collect, info: collect, debug: () => {}, verbose: () => {} };
  diag.setLogger(logger, DiagLogLevel.INFO);
  rx = await startOtlpReceiver('fail');
  const sdk = start(rx.url);
  await exportRound(sdk, 0);
  await exportRound(sdk, 1);
  rx.mode = 'ok';
  await exportRound(sdk, 2);
  const ours = diagLines.filter((l) => l.startsWith('integration-logs:'));
  expect(ours.filter((l) => l.includes('cannot export to'))).toHaveLength(2); // traces and logs
  expect(ours.filter((l) => l.endsWith('recovered'))).toHaveLength(2);
  expect(ourLines()).toEqual([]);
});

test('credentials in the endpoint never appear in the notice', async () => {
  rx = await startOtlpReceiver('fail');
  const calls: Signal[] = [];
  const withUser = rx.url.replace('http://', 'http://collector-user:s3cr3t-passw0rd@');
  const sdk = start(withUser, { onExportError: (_e, signal) => void calls.push(signal) });
  const diagLines: string[] = [];
  const collect = (...args: unknown[]) => void diagLines.push(args.map(String).join(' '));
  diag.setLogger(
    { error: collect, warn: collect, info: collect, debug: () => {}, verbose: () => {} },
    DiagLogLevel.WARN
  );
  await exportRound(sdk, 0);
  expect(calls.length).toBeGreaterThan(0);
  const notices = diagLines.filter((l) => l.includes('cannot export to'));
  expect(notices.length).toBeGreaterThan(0);
  for (const line of notices) expect(line).not.toContain('s3cr3t-passw0rd');
});
