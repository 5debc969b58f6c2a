import { parseStreamsResponse } from '../../api/loki/parse';
import { groupTraceRecords } from '../records';
import recorded from '../../../test/fixtures/domain/syncMetrics/lokiSyncTraceRecorded';
import { syncModelsFromLogRecords, syncWarningsFromLogRecords } from './fromLogRecord';
import { buildSyncMetrics } from './syncMetrics';

describe('a sync recorded from Loki', () => {
  const { operation, records } = groupTraceRecords(parseStreamsResponse(recorded));
  const models = syncModelsFromLogRecords(records.syncModels);
  const warnings = syncWarningsFromLogRecords(records.warnings);

  it('reads the per-model records and the warnings of the trace', () => {
    expect(operation?.logType).toBe('sync');
    expect(models.map((m) => [m.model, m.operation, m.counts])).toEqual([
      ['departments', 'full', { read: 8, created: 8, updated: 0, deleted: 0, failed: 0 }],
      ['employees', 'full', { read: 60, created: 60, updated: 0, deleted: 0, failed: 0 }],
    ]);
    expect(new Set(models.map((m) => m.syncId))).toEqual(new Set([operation!.traceId]));
    expect(warnings.map((w) => w.model).sort()).toEqual(['absences', 'employees']);
  });

  it('lists each warning under its model, including a model the sync skipped', () => {
    const metrics = buildSyncMetrics({ syncId: operation!.traceId, records: models, warnings });
    expect(metrics.models.map((m) => [m.model, m.counts?.read, m.warnings.map((w) => w.message)])).toEqual([
      ['absences', undefined, ['absences skipped: the token lacks the absences:read scope']],
      ['departments', 8, []],
      ['employees', 60, ['1 employee without email address']],
    ]);
    expect(metrics.otherWarnings).toEqual([]);
  });
});
