import type { FlowEvent } from './flowEvent';
import { DEFAULT_SESSION_GAP_MS, sessionizeFlow, sessionizeFlows } from './sessionize';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

function ev(minute: number, event: string, extra: Partial<FlowEvent> = {}): FlowEvent {
  return { flowId: 'flow-1', time: T0 + minute * MIN, event, ...extra };
}

function shape(events: FlowEvent[], gapMs?: number) {
  const flow = sessionizeFlow(events, { gapMs })!;
  return flow.sessions.map((s) => ({ id: s.id, events: s.events.map((e) => e.event), gap: s.gapBeforeMs }));
}

describe('sessionizeFlows', () => {
  it('groups by session id when the events carry one, whatever the gap', () => {
    const sessions = shape([
      ev(0, 'flow_opened', { sessionId: 'a' }),
      ev(1, 'tool_selected', { sessionId: 'a' }),
      ev(5 * 60, 'flow_opened', { sessionId: 'b' }),
      ev(5 * 60 + 2, 'credentials_submitted', { sessionId: 'b' }),
      ev(5 * 60 + 3, 'connected', { sessionId: 'b' }),
    ]);
    expect(sessions).toEqual([
      { id: 'a', events: ['flow_opened', 'tool_selected'], gap: undefined },
      { id: 'b', events: ['flow_opened', 'credentials_submitted', 'connected'], gap: 5 * HOUR - MIN },
    ]);
  });

  it('keeps one session id together even after a long pause', () => {
    const sessions = shape([ev(0, 'flow_opened', { sessionId: 'a' }), ev(3 * 60, 'closed', { sessionId: 'a' })]);
    expect(sessions).toHaveLength(1);
  });

  it('splits events without session id by the inactivity gap (default 30 min)', () => {
    const sessions = shape([ev(0, 'flow_opened'), ev(30, 'tool_selected'), ev(61, 'flow_opened'), ev(62, 'closed')]);
    expect(sessions.map((s) => s.events)).toEqual([
      ['flow_opened', 'tool_selected'],
      ['flow_opened', 'closed'],
    ]);
    expect(sessions[1]!.gap).toBe(31 * MIN);
    expect(sessions.map((s) => s.id)).toEqual(['flow-1#1', 'flow-1#2']);
    expect(DEFAULT_SESSION_GAP_MS).toBe(30 * MIN);
  });

  it('honours a custom gap', () => {
    const events = [ev(0, 'flow_opened'), ev(10, 'tool_selected'), ev(25, 'closed')];
    expect(shape(events, 5 * MIN)).toHaveLength(3);
    expect(shape(events, 15 * MIN)).toHaveLength(1);
  });

  it('sorts events that arrive out of order', () => {
    const sessions = shape([ev(62, 'closed'), ev(30, 'tool_selected'), ev(61, 'flow_opened'), ev(0, 'flow_opened')]);
    expect(sessions.map((s) => s.events)).toEqual([
      ['flow_opened', 'tool_selected'],
      ['flow_opened', 'closed'],
    ]);
  });

  it('orders events with the same timestamp as a flow goes', () => {
    const sessions = shape([
      ev(1, 'closed', { sessionId: 's' }),
      ev(1, 'credentials_invalid', { sessionId: 's' }),
      ev(1, 'custom', { sessionId: 's' }),
      ev(1, 'flow_opened', { sessionId: 's' }),
    ]);
    expect(sessions[0]!.events).toEqual(['flow_opened', 'credentials_invalid', 'custom', 'closed']);
  });

  it('drops duplicate records: same id, or same time, event, step and session without id', () => {
    const flow = sessionizeFlow([
      ev(0, 'flow_opened', { id: 'x1', sessionId: 's' }),
      ev(0, 'flow_opened', { id: 'x1', sessionId: 's' }),
      ev(1, 'tool_selected', { sessionId: 's', step: 'tool' }),
      ev(1, 'tool_selected', { sessionId: 's', step: 'tool' }),
      ev(1, 'credentials_submitted', { sessionId: 's', step: 'tool' }),
      ev(2, 'closed', { id: 'c1' }),
      ev(2, 'closed', { id: 'c2' }),
    ])!;
    expect(flow.events.map((e) => e.event)).toEqual([
      'flow_opened',
      'tool_selected',
      'credentials_submitted',
      'closed',
      'closed',
    ]);
  });

  it('lets an event without session id continue the identified session before it', () => {
    const sessions = shape([
      ev(0, 'flow_opened', { sessionId: 'a' }),
      ev(2, 'tool_selected'),
      ev(5, 'closed', { sessionId: 'a' }),
    ]);
    expect(sessions).toEqual([{ id: 'a', events: ['flow_opened', 'tool_selected', 'closed'], gap: undefined }]);
  });

  it('gives a gap-derived session the id of the identified event that follows within the gap', () => {
    const sessions = shape([
      ev(0, 'flow_opened'),
      ev(1, 'tool_selected', { sessionId: 'b' }),
      ev(200, 'flow_opened'),
      ev(300, 'flow_opened', { sessionId: 'c' }),
    ]);
    expect(sessions.map((s) => [s.id, s.events])).toEqual([
      ['b', ['flow_opened', 'tool_selected']],
      ['flow-1#2', ['flow_opened']],
      ['c', ['flow_opened']],
    ]);
  });

  it('handles flows that span days', () => {
    const day = 24 * 60;
    const flow = sessionizeFlow([
      ev(0, 'flow_opened'),
      ev(day + 10, 'flow_opened'),
      ev(day + 11, 'credentials_submitted'),
      ev(3 * day, 'connected'),
    ])!;
    expect(flow.sessions).toHaveLength(3);
    expect(flow.sessions[1]!.gapBeforeMs).toBe((day + 10) * MIN);
    expect(flow.end - flow.start).toBe(3 * day * MIN);
  });

  it('reports overlapping sessions (two tabs) with a negative gap', () => {
    const flow = sessionizeFlow([
      ev(0, 'flow_opened', { sessionId: 'tab1' }),
      ev(10, 'closed', { sessionId: 'tab1' }),
      ev(5, 'flow_opened', { sessionId: 'tab2' }),
      ev(12, 'connected', { sessionId: 'tab2' }),
    ])!;
    expect(flow.sessions.map((s) => s.id)).toEqual(['tab1', 'tab2']);
    expect(flow.sessions[1]!.gapBeforeMs).toBe(-5 * MIN);
  });

  it('measures a gap from the latest end of all earlier sessions', () => {
    const flow = sessionizeFlow([
      ev(0, 'a', { sessionId: 's1' }),
      ev(100, 'b', { sessionId: 's1' }),
      ev(10, 'c', { sessionId: 's2' }),
      ev(20, 'd', { sessionId: 's2' }),
      ev(160, 'e', { sessionId: 's3' }),
    ])!;
    expect(flow.sessions.map((s) => s.gapBeforeMs)).toEqual([undefined, -90 * MIN, 60 * MIN]);
  });

  it('separates flows, fills flow attributes from any event and lists the most recent flow first', () => {
    const flows = sessionizeFlows([
      ev(0, 'flow_opened', { flowId: 'old' }),
      ev(1, 'tool_selected', { flowId: 'old', tool: 'personio', customerId: 'cust-1' }),
      ev(50, 'flow_opened', { flowId: 'new', tool: 'bamboohr', endUserId: 'u-9' }),
    ]);
    expect(flows.map((f) => f.flowId)).toEqual(['new', 'old']);
    expect(flows[1]).toMatchObject({ tool: 'personio', customerId: 'cust-1', start: T0, end: T0 + MIN });
    expect(flows[0]).toMatchObject({ tool: 'bamboohr', endUserId: 'u-9' });
  });

  it('returns no flow for no events and rejects a negative gap', () => {
    expect(sessionizeFlows([])).toEqual([]);
    expect(() => sessionizeFlows([], { gapMs: -1 })).toThrow(RangeError);
    expect(() => sessionizeFlows([], { gapMs: Number.NaN })).toThrow(RangeError);
  });

  it('does not depend on input order (shuffled input gives the same sessions)', () => {
    const events: FlowEvent[] = [];
    for (let i = 0; i < 200; i++) {
      events.push(ev(i * 7 + (i % 13 === 0 ? 45 : 0), `e${i}`, i % 3 ? { sessionId: `s${Math.floor(i / 20)}` } : {}));
    }
    const expected = shape(events);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 5; round++) {
      const shuffled = [...events].sort(() => random() - 0.5);
      expect(shape(shuffled)).toEqual(expected);
    }
  });
});
