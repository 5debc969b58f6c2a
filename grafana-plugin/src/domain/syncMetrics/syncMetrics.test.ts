import { median } from './median';
import { buildSyncMetrics, compareWithHistory, modelTrends } from './syncMetrics';
import { syncModelFromRecord, syncWarningFromRecord, type SyncModelRecord, type SyncWarning } from './syncRecords';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

function rec(
  sync: number,
  model: string,
  read: number | undefined,
  extra: Partial<SyncModelRecord['counts']> = {}
): SyncModelRecord {
  return {
    syncId: `sync-${sync}`,
    time: T0 + sync * H,
    model,
    counts: { read, created: 0, updated: 0, deleted: 0, failed: 0, ...extra },
  };
}

describe('median', () => {
  it('takes the middle value or the mean of the middle two', () => {
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('buildSyncMetrics', () => {
  const history = [1, 2, 3, 4, 5].flatMap((n) => [rec(n, 'employees', 100 + n), rec(n, 'absences', 40)]);

  it('flags a read count that fell more than the threshold below the median of previous syncs', () => {
    const metrics = buildSyncMetrics({
      syncId: 'sync-6',
      records: [...history, rec(6, 'employees', 30), rec(6, 'absences', 39)],
      warnings: [],
    });
    const employees = metrics.models.find((m) => m.model === 'employees')!;
    expect(employees.flagged).toBe(true);
    expect(employees.drops[0]).toMatchObject({ metric: 'read', current: 30, baseline: 103, flagged: true });
    expect(employees.drops[0]!.change).toBeCloseTo((30 - 103) / 103);
    expect(employees.history.map((p) => p.counts.read)).toEqual([101, 102, 103, 104, 105]);
    const absences = metrics.models.find((m) => m.model === 'absences')!;
    expect(absences.flagged).toBe(false);
    expect(metrics.models[0]!.model).toBe('employees'); // flagged first
  });

  it('does not flag a drop within the threshold, and respects a custom threshold', () => {
    const records = [...history, rec(6, 'employees', 60)];
    const employees = (m: ReturnType<typeof buildSyncMetrics>) => m.models.find((x) => x.model === 'employees')!;
    expect(employees(buildSyncMetrics({ syncId: 'sync-6', records, warnings: [] })).flagged).toBe(false);
    const strict = buildSyncMetrics({ syncId: 'sync-6', records, warnings: [] }, { dropThreshold: 0.3 });
    expect(employees(strict).flagged).toBe(true);
  });

  it('gives no verdict with fewer previous syncs than minHistory', () => {
    const records = [rec(1, 'employees', 100), rec(2, 'employees', 100), rec(3, 'employees', 1)];
    expect(buildSyncMetrics({ syncId: 'sync-3', records, warnings: [] }).models[0]!.flagged).toBe(false);
    expect(buildSyncMetrics({ syncId: 'sync-3', records, warnings: [] }, { minHistory: 2 }).models[0]!.flagged).toBe(
      true
    );
  });

  it('uses only the last N previous syncs and never later syncs', () => {
    const records = [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => rec(n, 'employees', n <= 4 ? 1000 : 10)),
      rec(8, 'employees', 9),
      rec(9, 'employees', 5000),
    ];
    const metrics = buildSyncMetrics({ syncId: 'sync-8', records, warnings: [] }, { historySize: 3 });
    const employees = metrics.models[0]!;
    expect(employees.history.map((p) => p.syncId)).toEqual(['sync-5', 'sync-6', 'sync-7']);
    expect(employees.drops[0]).toMatchObject({ baseline: 10, flagged: false });
  });

  it('flags a model the previous syncs reported and this sync did not', () => {
    const metrics = buildSyncMetrics({ syncId: 'sync-6', records: [...history, rec(6, 'absences', 40)], warnings: [] });
    const employees = metrics.models.find((m) => m.model === 'employees')!;
    expect(employees.counts).toBeUndefined();
    expect(employees.drops[0]).toMatchObject({ current: 0, flagged: true });
  });

  it('lists warnings under their model and keeps the others apart', () => {
    const warnings: SyncWarning[] = [
      { syncId: 'sync-6', time: T0 + 6 * H + 2, model: 'employees', message: 'skipped 3 employees without email' },
      { syncId: 'sync-6', time: T0 + 6 * H + 1, model: 'payroll', message: 'scope missing' },
      { syncId: 'sync-6', time: T0 + 6 * H + 3, message: 'rate limited, retried' },
      { syncId: 'sync-5', time: T0 + 5 * H, model: 'employees', message: 'older sync' },
    ];
    const metrics = buildSyncMetrics({ syncId: 'sync-6', records: [...history, rec(6, 'employees', 104)], warnings });
    expect(metrics.models.find((m) => m.model === 'employees')!.warnings.map((w) => w.message)).toEqual([
      'skipped 3 employees without email',
    ]);
    const payroll = metrics.models.find((m) => m.model === 'payroll')!;
    expect(payroll).toMatchObject({ counts: undefined, history: [], drops: [], flagged: false });
    expect(payroll.warnings).toHaveLength(1);
    expect(metrics.otherWarnings.map((w) => w.message)).toEqual(['rate limited, retried']);
  });

  it('keeps a sync’s latest record of a model and leaves missing counts undefined', () => {
    const records = [
      rec(6, 'employees', 5),
      { ...rec(6, 'employees', undefined, { created: 2 }), time: T0 + 6 * H + 10 },
    ];
    const [employees] = buildSyncMetrics({ syncId: 'sync-6', records, warnings: [] }).models;
    expect(employees!.counts).toEqual({ read: undefined, created: 2, updated: 0, deleted: 0, failed: 0 });
  });

  it('compares a sync only with previous syncs of the same type', () => {
    const typed = (n: number, operation: string, read: number) => ({ ...rec(n, 'employees', read), operation });
    const records = [
      typed(1, 'full', 5000),
      typed(2, 'delta', 40),
      typed(3, 'full', 5100),
      typed(4, 'delta', 42),
      typed(5, 'delta', 38),
      typed(6, 'full', 5050),
      typed(7, 'delta', 41),
    ];
    const [delta] = buildSyncMetrics({ syncId: 'sync-7', records, warnings: [] }).models;
    expect(delta!.history.map((p) => p.syncId)).toEqual(['sync-2', 'sync-4', 'sync-5']);
    expect(delta!.flagged).toBe(false);
    const [full] = buildSyncMetrics({ syncId: 'sync-6', records, warnings: [] }).models;
    expect(full!.history.map((p) => p.syncId)).toEqual(['sync-1', 'sync-3']);
  });

  it('checks other counts when asked', () => {
    const records = [
      ...[1, 2, 3].map((n) => rec(n, 'employees', 100, { updated: 50 })),
      rec(4, 'employees', 100, { updated: 5 }),
    ];
    const metrics = buildSyncMetrics({ syncId: 'sync-4', records, warnings: [] }, { metrics: ['read', 'updated'] });
    expect(metrics.models[0]!.drops.map((d) => [d.metric, d.flagged])).toEqual([
      ['read', false],
      ['updated', true],
    ]);
  });
});

describe('modelTrends', () => {
  it('gives each model its figures over syncs, oldest first', () => {
    const trends = modelTrends([rec(2, 'b', 20), rec(1, 'b', 10), rec(1, 'a', 1)]);
    expect([...trends.keys()]).toEqual(['a', 'b']);
    expect(trends.get('b')!.map((p) => p.counts.read)).toEqual([10, 20]);
  });
});

describe('record mapping', () => {
  it('reads a sync.model record from Loki structured metadata', () => {
    const labels = {
      event_name: 'integration.sync.model',
      trace_id: 't1',
      integration_id: 'int-1',
      integration_tool: 'personio',
      integration_operation: 'delta',
      integration_sync_model: 'employees',
      integration_sync_records_read: '120',
      integration_sync_records_created: '3',
      integration_sync_records_updated: '7',
      integration_sync_records_deleted: '0',
      integration_sync_records_failed: 'oops',
    };
    expect(syncModelFromRecord({ labels, time: 9 })).toEqual({
      syncId: 't1',
      time: 9,
      model: 'employees',
      integrationId: 'int-1',
      tool: 'personio',
      operation: 'delta',
      counts: { read: 120, created: 3, updated: 7, deleted: 0, failed: undefined },
    });
    expect(syncModelFromRecord({ labels: { ...labels, event_name: 'integration.warning' }, time: 9 })).toBeNull();
  });

  it('reads a warning with or without a model', () => {
    const labels = { event_name: 'integration.warning', trace_id: 't1', integration_sync_model: 'employees' };
    expect(syncWarningFromRecord({ labels, time: 1, line: 'skipped 2' })).toEqual({
      syncId: 't1',
      time: 1,
      model: 'employees',
      message: 'skipped 2',
    });
    expect(syncWarningFromRecord({ labels: { event_name: 'integration.warning', trace_id: 't1' }, time: 1 })).toEqual({
      syncId: 't1',
      time: 1,
      message: '',
    });
    expect(
      syncWarningFromRecord({ labels: { event_name: 'integration.operation', trace_id: 't' }, time: 1 })
    ).toBeNull();
  });
});

describe('compareWithHistory', () => {
  it('compares a figure with the median of the most recent history points', () => {
    const point = (n: number, read: number) => ({
      syncId: `s${n}`,
      time: n,
      counts: { read, created: 0, updated: 0, deleted: 0, failed: 0 },
    });
    const history = [point(5, 100), point(1, 5), point(2, 5), point(4, 100), point(3, 5)];
    const counts = { read: 40, created: 0, updated: 0, deleted: 0, failed: 0 };
    expect(compareWithHistory(counts, history, { historySize: 2, minHistory: 2 })).toMatchObject({
      flagged: true,
      drops: [{ baseline: 100 }],
    });
    expect(compareWithHistory(counts, history, { historySize: 5 })).toMatchObject({
      flagged: false,
      drops: [{ baseline: 5 }],
    });
    expect(compareWithHistory(counts, [], {})).toEqual({ drops: [], flagged: false });
  });
});
