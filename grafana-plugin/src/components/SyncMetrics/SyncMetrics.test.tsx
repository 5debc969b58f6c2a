import { render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';

import type { LayoutCheck } from '../../api/loki/layout';
import type { SyncModelRecord } from '../../domain/syncMetrics/syncRecords';
import type { DetailTabProps, LogRecord } from '../../domain/types';
import { SyncMetricsTab, SyncMetricsView } from './SyncMetricsTab';
import { formatChange } from './SyncModelTable';
import { syncTestIds } from './testIds';

jest.mock('../../api/loki/client', () => ({ queryRange: jest.fn() }));
const { queryRange } = require('../../api/loki/client') as { queryRange: jest.Mock };
let mockLayout: LayoutCheck | null = { layout: 'metadata', unindexed: false, labelledSinceMs: null };
jest.mock('../common/useLokiLayout', () => ({ useLokiLayout: () => mockLayout }));

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);
const rec = (sync: number, model: string, read: number): SyncModelRecord => ({
  syncId: `sync-${sync}`,
  time: T0 + sync * H,
  model,
  counts: { read, created: 1, updated: 2, deleted: 0, failed: sync === 6 ? 4 : 0 },
});

describe('SyncMetricsView', () => {
  const records = [1, 2, 3, 4, 5].flatMap((n) => [rec(n, 'employees', 1000 + n), rec(n, 'teams', 10)]);

  it('lists models with their counts, flags a drop and lists warnings under their model', () => {
    render(
      <SyncMetricsView
        syncId="sync-6"
        records={[...records, rec(6, 'employees', 250), rec(6, 'teams', 10)]}
        warnings={[
          { syncId: 'sync-6', time: T0 + 6 * H, model: 'teams', message: 'team without name skipped' },
          { syncId: 'sync-6', time: T0 + 6 * H, message: 'token refreshed' },
        ]}
      />
    );
    const rows = screen.getAllByTestId(syncTestIds.model);
    expect(rows.map((r) => r.getAttribute('data-model'))).toEqual(['employees', 'teams']);
    expect(rows[0]).toHaveAttribute('data-flagged', 'true');
    expect(rows[0]).toHaveTextContent('250');
    expect(within(rows[0]!).getByTestId(syncTestIds.drop)).toHaveTextContent('-75 %');
    expect(within(rows[0]!).getByTestId(syncTestIds.trend).children).toHaveLength(6);
    const warning = screen.getByTestId(syncTestIds.warning);
    expect(warning).toHaveAttribute('data-model', 'teams');
    expect(warning.previousElementSibling).toBe(rows[1]); // listed right under its model
    expect(screen.getByTestId(syncTestIds.otherWarnings)).toHaveTextContent('token refreshed');
    expect(screen.getByText(/1 model dropped more than 50 %/)).toBeInTheDocument();
  });

  it('says so when the sync reported no models', () => {
    render(<SyncMetricsView syncId="x" records={[]} warnings={[]} />);
    expect(screen.getByTestId(syncTestIds.empty)).toBeInTheDocument();
  });

  it('formats changes with a sign', () => {
    expect(formatChange(-0.7449)).toBe('-74 %');
    expect(formatChange(0.2)).toBe('+20 %');
  });
});

function lokiRecord(sync: number, model: string, read: number): LogRecord {
  return {
    timestampNs: `${BigInt(T0 + sync * H) * 1_000_000n}`,
    timeMs: T0 + sync * H,
    eventName: 'integration.sync.model',
    traceId: `trace-${sync}`,
    spanId: 's',
    body: '',
    attributes: {
      integration_sync_model: model,
      integration_sync_records_read: String(read),
      integration_id: 'int-1',
    },
  };
}

describe('SyncMetricsTab', () => {
  beforeEach(() => queryRange.mockReset());

  it("compares this sync with the integration's previous syncs read from Loki", async () => {
    mockLayout = { layout: 'metadata', unindexed: true, labelledSinceMs: null };
    const own = [lokiRecord(9, 'employees', 100)];
    queryRange.mockResolvedValue([9, 8, 7, 6, 5].map((n) => lokiRecord(n, 'employees', n === 9 ? 100 : 900)));
    const props = {
      operation: { traceId: 'trace-9', integrationId: 'int-1', startMs: T0 + 9 * H - 1000, endMs: T0 + 9 * H + 1000 },
      records: { syncModels: own, warnings: [], requests: [], flowEvents: [], all: own },
    } as unknown as DetailTabProps;
    render(<SyncMetricsTab {...props} />);
    await waitFor(() => expect(screen.getByTestId(syncTestIds.model)).toHaveAttribute('data-flagged', 'true'));
    expect(queryRange.mock.calls[0]![1].query).toBe(
      '{service_name=~".+"} | event_name="integration.sync.model" | integration_id="int-1"'
    );
  });

  it("reads the previous syncs from the tool's sync-model streams on a Loki with the index labels", async () => {
    mockLayout = { layout: 'labels', unindexed: false, labelledSinceMs: null };
    queryRange.mockResolvedValue([]);
    const props = {
      operation: { traceId: 'trace-9', integrationId: 'int-1', tool: 'personio', startMs: T0, endMs: T0 + 1000 },
      records: { syncModels: [], warnings: [], requests: [], flowEvents: [], all: [] },
    } as unknown as DetailTabProps;
    render(<SyncMetricsTab {...props} />);
    await waitFor(() => expect(queryRange).toHaveBeenCalled());
    expect(queryRange.mock.calls[0]![1].query).toBe(
      '{event_name="integration.sync.model", integration_tool="personio"} | integration_id="int-1"'
    );
  });
});
