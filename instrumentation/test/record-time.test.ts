/**
 * Loki keeps one of two records with the same timestamp and body in a stream. Records
 * stamped in milliseconds collided: two syncs of one tool ending in the same millisecond
 * with the same counts wrote identical sync-model records, and one was lost. Record times
 * are sub-millisecond and strictly increasing within the process.
 */
import { uniqueRecordTime } from '../src/record-time.js';
import { startFixture, type Fixture } from './support/sdk-fixture.js';

const ns = ([s, n]: [number, number]) => BigInt(s) * 1_000_000_000n + BigInt(n);

test('record times strictly increase, even when asked for faster than the clock moves', () => {
  let last = 0n;
  let notIncreasing = 0;
  for (let i = 0; i < 100_000; i++) {
    const t = ns(uniqueRecordTime());
    if (t <= last) notIncreasing++;
    last = t;
  }
  expect(notIncreasing).toBe(0);
  // and they follow the wall clock
  expect(Number(last / 1_000_000n)).toBeGreaterThan(Date.now() - 60_000);
  expect(Number(last / 1_000_000n)).toBeLessThan(Date.now() + 60_000);
});

describe('through the export path', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.stop());

  test('identical sync-model records of concurrent syncs get distinct times', async () => {
    const SYNCS = 40;
    const tool = 'same-ms-tool';
    await Promise.all(
      Array.from({ length: SYNCS }, (_, i) =>
        f.il.sync({ tool, integrationId: `int-${i}`, operation: 'delta' }, (op) => {
          op.recordModel('employees', { read: 10, created: 0, updated: 10, deleted: 0, failed: 0 });
        })
      )
    );
    await f.il.forceFlush();
    const ofTool = () =>
      f.rx.logsByEvent('integration.sync.model').filter((r) => r.attributes['integration.tool'] === tool);
    await f.rx.waitFor(() => ofTool().length >= SYNCS, 20_000, 'the sync-model records');
    const models = ofTool();
    expect(new Set(models.map((r) => String(r.body))).size).toBe(1); // the bodies are the same...
    expect(new Set(models.map((r) => r.timeUnixNano)).size).toBe(SYNCS); // ...the times are not
  });
});
