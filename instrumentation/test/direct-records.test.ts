/**
 * startIntegrationLogs sends the SDK's records straight to its log processors once it has
 * learned the logger provider's resource and scope. The OTLP output must be what the
 * provider's own path exports: the same run with a log-record limit variable set (which
 * keeps every record on the provider's path) must export the same records.
 */
import { DirectRecords } from '../src/direct-records.js';
import type { ReceivedLog } from '@integration-logs/test-support';
import { startFixture } from './support/sdk-fixture.js';

async function run(): Promise<{ logs: ReceivedLog[]; toolUrl: string }> {
  const f = await startFixture({ serviceVersion: '2.0.1' });
  try {
    let traceId = '';
    await f.il.sync({ tool: 'personio', integrationId: 'int-1', customerId: 'c-1', operation: 'delta' }, async (op) => {
      traceId = op.traceId;
      for (const path of [
        '/v1/employees?api_key=sk_live_abcdef123456',
        '/status/429',
        '/status/500',
        '/v1/employees/12',
      ]) {
        await (
          await fetch(`${f.tool.url}${path}`, { headers: { authorization: 'Bearer sk_live_abcdef123456' } })
        ).text();
      }
      op.warn('token sk_live_abcdef123456 expires soon', { model: 'employees' });
      op.recordModel('employees', { read: 2 });
    });
    return { logs: await f.logsOf(traceId, 7), toolUrl: f.tool.url };
  } finally {
    await f.stop();
  }
}

/** A record without what differs from run to run: ids, times, durations, the tool's port. */
function comparable(l: ReceivedLog, toolUrl: string) {
  const noPort = (s: string) => s.replaceAll(toolUrl, 'http://tool');
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(l.attributes)) attributes[k] = typeof v === 'string' ? noPort(v) : v;
  delete attributes['integration.request.duration_ms'];
  delete attributes['integration.operation.duration_ms'];
  let body: unknown = l.body;
  if (l.eventName === 'integration.request') {
    const b = JSON.parse(noPort(String(l.body)));
    delete b.durationMs;
    delete b.request.headers.traceparent;
    if (b.response) delete b.response.headers.date;
    body = b;
  } else if (l.eventName === 'integration.operation') {
    body = String(l.body).replace(/ in [\d.]+m?s/, ' in _');
  }
  return {
    eventName: l.eventName,
    severityNumber: l.severityNumber,
    severityText: l.severityText,
    resource: l.resource,
    scope: l.scope,
    attributes,
    body,
  };
}

const sorted = (logs: ReturnType<typeof comparable>[]) =>
  logs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('records sent straight to the processors export as records through the logger provider do', async () => {
  const direct = jest.spyOn(DirectRecords.prototype, 'emit');
  const straight = await run();
  const straightCalls = direct.mock.calls.length;
  process.env.OTEL_ATTRIBUTE_COUNT_LIMIT = '128'; // the default limit: same records, provider path kept
  let viaProvider: Awaited<ReturnType<typeof run>>;
  let allCalls: number;
  try {
    viaProvider = await run();
  } finally {
    delete process.env.OTEL_ATTRIBUTE_COUNT_LIMIT;
    allCalls = direct.mock.calls.length;
    direct.mockRestore();
  }
  // all but the first record (which teaches the route) went straight; none with the limit set
  expect(straightCalls).toBe(6);
  expect(allCalls).toBe(straightCalls);

  const a = sorted(straight.logs.map((l) => comparable(l, straight.toolUrl)));
  const b = sorted(viaProvider.logs.map((l) => comparable(l, viaProvider.toolUrl)));
  expect(a).toHaveLength(7);
  expect(a).toEqual(b);
  expect(a[0]!.resource).toMatchObject({ 'service.name': 'test-integrations', 'service.version': '2.0.1' });
  expect(JSON.stringify(a)).not.toContain('sk_live_abcdef123456');
});
