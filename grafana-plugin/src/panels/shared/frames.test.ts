import { dataFrameFromJSON, FieldType, toDataFrame } from '@grafana/data';

import { LOKI_FLOW_FIELDS } from '../../domain/flows/flowEvent';
import { sessionizeFlows } from '../../domain/flows/sessionize';
import flowDataplane from '../../../test/fixtures/panels/lokiFlowEvents.dataplane';
import flowLegacy from '../../../test/fixtures/panels/lokiFlowEvents.legacy';
import syncLegacy from '../../../test/fixtures/panels/lokiSyncModels.legacy';
import promRead from '../../../test/fixtures/panels/prometheusSyncRead';
import { flowEventsFromFrames } from './flowFrames';
import { canonicalLokiId, rowsFromFrames } from './frameRows';
import { syncDataFromFrames } from './syncFrames';

// The browser side of Grafana turns the backend's frame JSON into DataFrames with dataFrameFromJSON.
const legacyFrames = flowLegacy.map(dataFrameFromJSON);
const dataplaneFrames = flowDataplane.map(dataFrameFromJSON);

describe('rowsFromFrames on Grafana Loki log frames', () => {
  it('reads labels, the line, the id and nanosecond time from legacy frames', () => {
    const rows = rowsFromFrames(legacyFrames);
    expect(rows).toHaveLength(18);
    const row = rows.find((r) => r.labels.integration_flow_event === 'credentials_invalid')!;
    expect(row.labels).toMatchObject({ integration_flow_id: 'flow-personio-acme', service_name: 'connect-backend' });
    expect(row.line).toBe('{"status":401,"message":"invalid client secret"}');
    expect(row.id).toMatch(/^\d{19}_[0-9a-f]+$/);
    expect(row.time % 1).toBeGreaterThan(0); // the tsNs fraction survives
    expect(Object.keys(row.labels)).not.toContain('labelTypes');
  });

  it('reads the same rows from dataplane frames', () => {
    const strip = (rows: ReturnType<typeof rowsFromFrames>) =>
      rows.map((r) => ({ ...r, time: Math.round(r.time * 1000) }));
    expect(strip(rowsFromFrames(dataplaneFrames))).toEqual(strip(rowsFromFrames(legacyFrames)));
  });

  it('takes columns of a plain table as labels', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [1000, 2000] },
        { name: 'flow', type: FieldType.string, values: ['f', 'f'] },
        { name: 'what', type: FieldType.string, values: ['flow_opened', 'closed'] },
        { name: 'n', type: FieldType.number, values: [1, null] },
      ],
    });
    expect(rowsFromFrames([frame])).toEqual([
      { labels: { flow: 'f', what: 'flow_opened', n: '1' }, time: 1000 },
      { labels: { flow: 'f', what: 'closed' }, time: 2000 },
    ]);
  });

  it('reads labels carried on a field, as in one-frame-per-stream results', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'ts', type: FieldType.time, values: [1000] },
        {
          name: 'line',
          type: FieldType.string,
          values: ['{}'],
          labels: { integration_flow_id: 'f', integration_flow_event: 'closed' },
        },
      ],
    });
    expect(flowEventsFromFrames([frame], LOKI_FLOW_FIELDS)).toEqual([
      { time: 1000, flowId: 'f', event: 'closed', details: '{}' },
    ]);
  });

  it('skips frames without a time field and rows without a time', () => {
    const noTime = toDataFrame({ fields: [{ name: 'x', type: FieldType.string, values: ['a'] }] });
    const badTime = toDataFrame({ fields: [{ name: 'Time', type: FieldType.time, values: [null] }] });
    expect(rowsFromFrames([noTime, badTime])).toEqual([]);
  });

  it('drops the suffix Grafana adds to ids of identical rows', () => {
    expect(canonicalLokiId('1645030246277587968_b7784d5c_1')).toBe('1645030246277587968_b7784d5c');
    expect(canonicalLokiId('1645030246277587968_b7784d5c')).toBe('1645030246277587968_b7784d5c');
    expect(canonicalLokiId('some-id')).toBe('some-id');
  });
});

describe('flowEventsFromFrames', () => {
  it('sessionizes flows from a Loki frame: sessions by id, by gap, duplicates dropped', () => {
    const flows = sessionizeFlows(flowEventsFromFrames(legacyFrames, LOKI_FLOW_FIELDS));
    const byId = new Map(flows.map((f) => [f.flowId, f]));
    const acme = byId.get('flow-personio-acme')!;
    expect(acme.sessions.map((s) => s.id)).toEqual(['sess-a1', 'sess-a2']);
    expect(Math.round(acme.sessions[1]!.gapBeforeMs! / 60_000)).toBe(135);
    expect(acme.endUserId).toBe('hr-admin@acme.example');
    const globex = byId.get('flow-bamboohr-globex')!;
    expect(globex.sessions.map((s) => s.events.map((e) => e.event))).toEqual([
      ['flow_opened', 'tool_selected'],
      ['flow_opened', 'credentials_submitted', 'permissions_missing', 'closed'],
    ]);
  });

  it('reads flow events from any field names the panel is told', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'ts', type: FieldType.time, values: [1000, 2000] },
        { name: 'flow', type: FieldType.string, values: ['f', 'f'] },
        { name: 'what', type: FieldType.string, values: ['flow_opened', 'closed'] },
      ],
    });
    const names = { ...LOKI_FLOW_FIELDS, flowId: 'flow', event: 'what' };
    expect(flowEventsFromFrames([frame], names).map((e) => e.event)).toEqual(['flow_opened', 'closed']);
    expect(flowEventsFromFrames([frame], LOKI_FLOW_FIELDS)).toEqual([]);
  });
});

describe('syncDataFromFrames', () => {
  const options = { modelLabel: 'integration_sync_model', defaultCount: 'read' as const };

  it('reads model records and warnings from a Loki log frame', () => {
    const { records, warnings } = syncDataFromFrames(syncLegacy.map(dataFrameFromJSON), options);
    expect(records).toHaveLength(18);
    expect(new Set(records.map((r) => r.syncId)).size).toBe(6);
    const last = records.filter((r) => r.model === 'employees').sort((a, b) => b.time - a.time)[0]!;
    expect(last.counts).toEqual({ read: 310, created: 6, updated: 6, deleted: 0, failed: 3 });
    expect(warnings.map((w) => [w.model, w.message])).toEqual(
      expect.arrayContaining([
        ['employees', '3 employees skipped: missing email'],
        [undefined, 'rate limited by personio, retried after 2 s'],
      ])
    );
  });

  it('reads Prometheus series as one sync per timestamp, the count from the series name', () => {
    const { records } = syncDataFromFrames(promRead.map(dataFrameFromJSON), options);
    expect(records).toHaveLength(18);
    const employees = records.filter((r) => r.model === 'employees').sort((a, b) => a.time - b.time);
    expect(employees.map((r) => r.counts.read)).toEqual([1180, 1204, 1199, 1210, 1215, 310]);
  });

  it('merges series of different counts for the same model and time', () => {
    const series = (name: string, value: number) =>
      toDataFrame({
        name,
        fields: [
          { name: 'Time', type: FieldType.time, values: [5000] },
          { name: 'Value', type: FieldType.number, values: [value], labels: { integration_sync_model: 'teams' } },
        ],
      });
    const { records } = syncDataFromFrames(
      [series('records_created', 2), series('sync_failed_total', 1), series('x', 9)],
      options
    );
    expect(records).toEqual([
      {
        syncId: '@5000',
        time: 5000,
        model: 'teams',
        counts: { read: 9, created: 2, updated: undefined, deleted: undefined, failed: 1 },
      },
    ]);
  });
});
