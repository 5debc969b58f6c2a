import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';
import { MemoryRouter } from 'react-router-dom';

import type { LayoutCheck } from '../../api/loki/layout';
import { flowTestIds } from '../../components/FlowTimeline/testIds';
import { testIds } from '../../components/testIds';
import type { LogRecord } from '../../domain/types';
import ConnectionFlowsPage from './ConnectionFlowsPage';

jest.mock('../../api/loki/client', () => ({ queryRange: jest.fn() }));
const { queryRange } = require('../../api/loki/client') as { queryRange: jest.Mock };
let mockLayout: LayoutCheck | null = { layout: 'metadata', unindexed: false, labelledSinceMs: null };
jest.mock('../../components/common/useLokiLayout', () => ({ useLokiLayout: () => mockLayout }));

const MIN = 60_000;
const NOW = Date.now();
const T0 = NOW - 6 * 60 * MIN;

function record(
  flowId: string,
  minute: number,
  event: string,
  step: string,
  extra: Record<string, string> = {}
): LogRecord {
  const ms = T0 + minute * MIN;
  return {
    timestampNs: `${BigInt(ms) * 1_000_000n}`,
    timeMs: ms,
    eventName: 'integration.flow.event',
    traceId: `trace-${flowId}-${Math.floor(minute / 60)}`,
    spanId: 's',
    body: '{}',
    attributes: { integration_flow_id: flowId, integration_flow_event: event, integration_flow_step: step, ...extra },
  };
}

const acme = { integration_tool: 'personio', integration_customer_id: 'acme', integration_flow_end_user_id: 'hr@acme' };
const globex = { integration_tool: 'personio', integration_customer_id: 'globex' };
const initech = { integration_tool: 'bamboohr', integration_customer_id: 'initech' };
const RECORDS = [
  record('f-acme', 0, 'flow_opened', 'select_tool', acme),
  record('f-acme', 2, 'credentials_invalid', 'credentials', acme),
  record('f-acme', 130, 'flow_opened', 'credentials', acme),
  record('f-acme', 132, 'connected', 'done', acme),
  record('f-globex', 10, 'flow_opened', 'select_tool', globex),
  record('f-globex', 11, 'credentials_submitted', 'credentials', globex),
  record('f-globex', 12, 'failed', 'credentials', globex),
  record('f-initech', 20, 'flow_opened', 'select_tool', initech),
].reverse();

function renderPage(search = '') {
  return render(
    <MemoryRouter
      initialEntries={[`/a/integrationlogs-app/flows${search}`]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <ConnectionFlowsPage />
    </MemoryRouter>
  );
}

describe('ConnectionFlowsPage', () => {
  beforeEach(() => {
    queryRange.mockReset();
    queryRange.mockResolvedValue(RECORDS);
    mockLayout = { layout: 'metadata', unindexed: false, labelledSinceMs: null };
  });

  it('lists flows by tool with outcome, stopped step and sessions, and a funnel of steps', async () => {
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.pageFlowRow)).toHaveLength(3));
    const rows = screen.getAllByTestId(flowTestIds.pageFlowRow);
    expect(rows.map((r) => r.getAttribute('data-flow-id'))).toEqual(['f-acme', 'f-globex', 'f-initech']);
    expect(within(rows[0]!).getByTestId(flowTestIds.outcome)).toHaveTextContent('Connected');
    expect(within(rows[0]!).getAllByTestId(flowTestIds.session)).toHaveLength(2);
    expect(within(rows[0]!).getByTestId(flowTestIds.gap)).toHaveTextContent('2 h 8 min later');
    expect(rows[0]).toHaveTextContent('hr@acme');
    expect(within(rows[1]!).getByTestId(flowTestIds.outcome)).toHaveTextContent('Failed at credentials');
    expect(within(rows[2]!).getByTestId(flowTestIds.outcome)).toHaveTextContent('Abandoned at select_tool');
    const stages = screen.getAllByTestId(flowTestIds.funnelStage);
    expect(stages.map((s) => [s.getAttribute('data-stage'), s.getAttribute('data-reached')])).toEqual([
      ['select_tool', '3'],
      ['credentials', '2'],
      ['done', '1'],
    ]);
    const [uid, params] = queryRange.mock.calls[0]!;
    expect(uid).toBe('loki');
    expect(params.query).toBe('{service_name=~".+"} | event_name="integration.flow.event"');
  });

  it('narrows the query by tool and customer from the URL and the funnel to that tool', async () => {
    queryRange.mockResolvedValue(RECORDS.filter((r) => r.attributes.integration_tool === 'personio'));
    renderPage('?tool=personio&customer=acme');
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.pageFlowRow)).toHaveLength(2));
    expect(queryRange.mock.calls[0]![1].query).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_tool="personio" | integration_customer_id="acme"'
    );
    expect(screen.getByTestId(flowTestIds.funnel)).toHaveTextContent('2 flows · 1 connected');
  });

  it("selects the tool's flow-event streams on a Loki with the index labels, without a notice", async () => {
    mockLayout = { layout: 'labels', unindexed: false, labelledSinceMs: null };
    renderPage('?tool=personio&customer=acme');
    await waitFor(() => expect(queryRange).toHaveBeenCalled());
    expect(queryRange.mock.calls[0]![1].query).toBe(
      '{event_name="integration.flow.event", integration_tool="personio"} | integration_customer_id="acme"'
    );
    expect(screen.queryByTestId(testIds.indexLabelsNotice)).toBeNull();
  });

  it('says that queries read every record on a Loki that does not index the labels', async () => {
    mockLayout = { layout: 'metadata', unindexed: true, labelledSinceMs: null };
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.pageFlowRow)).toHaveLength(3));
    expect(screen.getByTestId(testIds.indexLabelsNotice)).toHaveTextContent('provisioning/loki/README.md');
  });

  it('waits for the layout before it queries', async () => {
    mockLayout = null;
    renderPage();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(queryRange).not.toHaveBeenCalled();
  });

  it('opens a flow into its session timeline', async () => {
    renderPage('?q=globex');
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.pageFlowRow)).toHaveLength(1));
    await userEvent.click(screen.getByTestId(flowTestIds.pageFlowRow));
    const timeline = screen.getByTestId(flowTestIds.timeline);
    expect(
      within(timeline)
        .getAllByTestId(flowTestIds.event)
        .map((e) => e.getAttribute('data-event'))
    ).toEqual(['flow_opened', 'credentials_submitted', 'failed']);
  });

  it('reads an absolute range from the URL (epoch ms, as the time picker writes it)', async () => {
    const from = T0 - 60 * MIN;
    renderPage(`?from=${from}&to=${NOW}`);
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.pageFlowRow)).toHaveLength(3));
    expect(queryRange.mock.calls[0]![1]).toMatchObject({ startMs: from, endMs: NOW });
  });

  it('shows the data source error', async () => {
    queryRange.mockRejectedValue(new Error('Loki said no'));
    renderPage();
    expect(await screen.findByText('Loki said no')).toBeInTheDocument();
  });
});
