import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';

import type { LayoutCheck } from '../../api/loki/layout';
import type { FlowEvent } from '../../domain/flows/flowEvent';
import type { DetailTabProps, LogRecord } from '../../domain/types';
import { FlowEventsTab, FlowEventsView, operationHrefs, requestHref } from './FlowEventsTab';
import { requestsByEvent, type RequestRef } from './requestsByEvent';
import { flowTestIds } from './testIds';

jest.mock('../../api/loki/client', () => ({ queryRange: jest.fn() }));
const { queryRange } = require('../../api/loki/client') as { queryRange: jest.Mock };
let mockLayout: LayoutCheck | null = { layout: 'metadata', unindexed: false, labelledSinceMs: null };
jest.mock('../common/useLokiLayout', () => ({ useLokiLayout: () => mockLayout }));

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const ev = (minute: number, event: string, extra: Partial<FlowEvent> = {}): FlowEvent => ({
  flowId: 'flow-1',
  time: T0 + minute * MIN,
  event,
  traceId: 'trace-a',
  ...extra,
});
const req = (minute: number, spanId: string, status: number | null, traceId = 'trace-a'): RequestRef => ({
  spanId,
  traceId,
  timeMs: T0 + minute * MIN,
  method: 'POST',
  path: '/v1/token',
  status,
});

describe('requestsByEvent', () => {
  it('hangs each request under the latest event of its operation before it', () => {
    const events = [
      ev(0, 'flow_opened'),
      ev(2, 'credentials_submitted'),
      ev(5, 'connected'),
      ev(1, 'other', { traceId: 'trace-b' }),
    ];
    const map = requestsByEvent(events, [
      req(3, 's2', 200),
      req(2.5, 's1', 401),
      req(-1, 's0', 200),
      req(3, 'x', 200, 'trace-z'),
    ]);
    expect(map.get(events[0]!)!.map((r) => r.spanId)).toEqual(['s0']);
    expect(map.get(events[1]!)!.map((r) => r.spanId)).toEqual(['s1', 's2']);
    expect(map.has(events[2]!)).toBe(false);
    expect([...map.values()].flat().map((r) => r.spanId)).not.toContain('x');
  });
});

describe('FlowEventsView', () => {
  const events = [
    ev(0, 'flow_opened', { sessionId: 's1', step: 'select_tool' }),
    ev(2, 'credentials_submitted', { sessionId: 's1', step: 'credentials', details: '{"fields":["client_id"]}' }),
    ev(3, 'credentials_invalid', { sessionId: 's1', step: 'credentials' }),
    ev(137, 'flow_opened', { sessionId: 's2', traceId: 'trace-b' }),
    ev(140, 'connected', { sessionId: 's2', step: 'done', traceId: 'trace-b' }),
  ];

  it('groups events by session with the pause between them and the outcome', () => {
    render(<FlowEventsView events={events} requests={[]} gapMs={30 * MIN} now={T0 + 1000 * MIN} />);
    const sessions = screen.getAllByTestId(flowTestIds.session);
    expect(
      sessions.map((s) =>
        within(s)
          .getAllByTestId(flowTestIds.event)
          .map((e) => e.getAttribute('data-event'))
      )
    ).toEqual([
      ['flow_opened', 'credentials_submitted', 'credentials_invalid'],
      ['flow_opened', 'connected'],
    ]);
    expect(screen.getByTestId(flowTestIds.gap)).toHaveTextContent('2 h 14 min later');
    expect(screen.getByTestId(flowTestIds.outcome)).toHaveAttribute('data-status', 'connected');
    expect(screen.getByText('{"fields":["client_id"]}')).toBeInTheDocument();
  });

  it('opens the requests made during a step and hands the chosen one to the Request logs tab', async () => {
    const opened: string[] = [];
    render(
      <FlowEventsView
        events={events}
        requests={[req(2.5, 'span-401', 401), req(2.6, 'span-200', 200)]}
        gapMs={30 * MIN}
        onOpenRequest={(r) => opened.push(r.spanId)}
      />
    );
    const button = screen.getByTestId(flowTestIds.eventRequests);
    expect(button).toHaveTextContent('2 requests');
    await userEvent.click(button);
    const links = screen.getAllByTestId(flowTestIds.requestLink);
    expect(links[0]).toHaveTextContent('401 POST /v1/token');
    expect(links[0]).toHaveAttribute('href', requestHref(req(2.5, 'span-401', 401)));
    await userEvent.click(links[0]!);
    expect(opened).toEqual(['span-401']);
  });

  it("links the other operations' events to their log, with a window around them", () => {
    render(<FlowEventsView events={events} requests={[]} gapMs={30 * MIN} currentTraceId="trace-a" />);
    const links = screen.getAllByTestId(flowTestIds.operationLink);
    expect(links).toHaveLength(1); // trace-b, on its first event only
    const url = new URL(links[0]!.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/a/integrationlogs-app/logs/trace-b');
    expect(url.searchParams.get('tab')).toBe('requests');
    const time = Number(url.searchParams.get('time'));
    const duration = Number(url.searchParams.get('duration'));
    expect(time).toBe(T0 + 150 * MIN); // last event of trace-b + 10 min
    expect(time - duration).toBe(T0 + 127 * MIN); // first event - 10 min
    expect(operationHrefs(events)('unknown')).toBeUndefined();
  });

  it('says so when the log has no flow events', () => {
    render(<FlowEventsView events={[]} requests={[]} gapMs={30 * MIN} />);
    expect(screen.getByTestId(flowTestIds.tabEmpty)).toBeInTheDocument();
  });
});

function record(minute: number, event: string, sessionId: string, traceId: string): LogRecord {
  const ns = `${BigInt(T0 + minute * MIN) * 1_000_000n}`;
  return {
    timestampNs: ns,
    timeMs: T0 + minute * MIN,
    eventName: 'integration.flow.event',
    traceId,
    spanId: 'span',
    body: '{}',
    attributes: {
      integration_flow_id: 'flow "1"',
      integration_flow_event: event,
      integration_flow_session_id: sessionId,
      integration_tool: 'personio',
    },
  };
}

describe('FlowEventsTab', () => {
  const own = [record(140, 'flow_opened', 's2', 'trace-b'), record(141, 'connected', 's2', 'trace-b')];
  const tabProps = {
    operation: { traceId: 'trace-b', endMs: T0 + 141 * MIN, startMs: T0 + 140 * MIN },
    records: { flowEvents: own, requests: [], syncModels: [], warnings: [], all: own },
  } as unknown as DetailTabProps;

  beforeEach(() => {
    queryRange.mockReset();
    mockLayout = { layout: 'metadata', unindexed: true, labelledSinceMs: null };
  });

  it("loads the flow's events from its other operations and merges them without duplicates", async () => {
    queryRange.mockResolvedValue([
      record(0, 'flow_opened', 's1', 'trace-a'),
      record(3, 'closed', 's1', 'trace-a'),
      ...own,
    ]);
    render(<FlowEventsTab {...tabProps} />);
    await waitFor(() => expect(screen.getAllByTestId(flowTestIds.session)).toHaveLength(2));
    expect(screen.getAllByTestId(flowTestIds.event)).toHaveLength(4);
    const [, params] = queryRange.mock.calls[0]!;
    expect(params.query).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_flow_id="flow \\"1\\""'
    );
    expect(params.direction).toBe('forward');
  });

  it("reads the flow's events from its tool's flow-event streams on a Loki with the index labels", async () => {
    mockLayout = { layout: 'labels', unindexed: false, labelledSinceMs: null };
    queryRange.mockResolvedValue(own);
    render(<FlowEventsTab {...{ ...tabProps, operation: { ...tabProps.operation, tool: 'personio' } }} />);
    await waitFor(() => expect(queryRange).toHaveBeenCalled());
    expect(queryRange.mock.calls[0]![1].query).toBe(
      '{event_name="integration.flow.event", integration_tool="personio"} | integration_flow_id="flow \\"1\\""'
    );
  });

  it("still shows this log's events when the other events cannot be loaded", async () => {
    queryRange.mockRejectedValue(new Error('Loki unreachable'));
    render(<FlowEventsTab {...tabProps} />);
    expect(await screen.findByTestId(flowTestIds.tabError)).toHaveTextContent('Loki unreachable');
    expect(screen.getAllByTestId(flowTestIds.event)).toHaveLength(2);
  });
});
