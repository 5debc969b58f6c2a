import type { FlowEvent } from './flowEvent';
import { flowFunnel, inferStageOrder } from './funnel';
import { sessionizeFlows } from './sessionize';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const NOW = T0 + 24 * 60 * MIN;

/** A flow that walks through the given steps a minute apart, optionally ending with an event. */
function walk(flowId: string, tool: string, startMin: number, steps: string[], last?: string): FlowEvent[] {
  const events = steps.map((step, i) => ({ flowId, tool, time: T0 + (startMin + i) * MIN, event: `at_${step}`, step }));
  if (last) {
    events.push({
      flowId,
      tool,
      time: T0 + (startMin + steps.length) * MIN,
      event: last,
      step: steps[steps.length - 1]!,
    });
  }
  return events;
}

const events = [
  ...walk('f1', 'personio', 0, ['select', 'credentials', 'permissions'], 'connected'),
  ...walk('f2', 'personio', 10, ['select', 'credentials'], 'failed'),
  ...walk('f3', 'personio', 20, ['select']),
  ...walk('f4', 'personio', 30, ['select', 'permissions'], 'connected'), // skipped the credentials step
  ...walk('f5', 'bamboohr', 40, ['select', 'credentials']),
];

describe('flowFunnel', () => {
  const flows = sessionizeFlows(events);

  it('counts flows that got at least as far as each stage, with conversions and where flows stopped', () => {
    const funnel = flowFunnel(flows, { tool: 'personio', now: NOW });
    expect(funnel.flowCount).toBe(4);
    expect(funnel.connected).toBe(2);
    expect(funnel.stages.map((s) => [s.name, s.reached])).toEqual([
      ['select', 4],
      ['credentials', 3],
      ['permissions', 2],
    ]);
    expect(funnel.stages[1]!.conversionFromPrevious).toBeCloseTo(0.75);
    expect(funnel.stages[2]!.conversionFromStart).toBeCloseTo(0.5);
    expect(funnel.stages[0]!.stoppedHere).toEqual({ abandoned: 1, failed: 0, in_progress: 0 });
    expect(funnel.stages[1]!.stoppedHere).toEqual({ abandoned: 0, failed: 1, in_progress: 0 });
    expect(funnel.stages[2]!.stoppedHere).toEqual({ abandoned: 0, failed: 0, in_progress: 0 });
  });

  it('filters by the time the flow started', () => {
    const funnel = flowFunnel(flows, { from: T0 + 15 * MIN, to: T0 + 35 * MIN, now: NOW });
    expect(funnel.flowCount).toBe(2);
    expect(funnel.stages[0]!.reached).toBe(2);
  });

  it('uses a given stage order and ignores stages outside it', () => {
    const funnel = flowFunnel(flows, { stages: ['select', 'permissions'], now: NOW });
    expect(funnel.stages.map((s) => [s.name, s.reached])).toEqual([
      ['select', 5],
      ['permissions', 2],
    ]);
    expect(funnel.stages[0]!.stoppedHere).toEqual({ abandoned: 2, failed: 1, in_progress: 0 });
  });

  it('can build stages from event names', () => {
    const funnel = flowFunnel(flows, { by: 'event', tool: 'bamboohr', now: T0 + 45 * MIN });
    expect(funnel.stages.map((s) => s.name)).toEqual(['at_select', 'at_credentials']);
    expect(funnel.stages[1]!.stoppedHere.in_progress).toBe(1);
  });

  it('is empty for no flows', () => {
    expect(flowFunnel([], { now: NOW })).toEqual({ flowCount: 0, connected: 0, stages: [] });
  });
});

describe('inferStageOrder', () => {
  it('orders stages by their usual relative position', () => {
    expect(inferStageOrder([['a', 'b', 'c'], ['a', 'c'], ['b', 'c'], ['a']])).toEqual(['a', 'b', 'c']);
  });

  it('puts the stages where flows connect last, even when no flow passes both', () => {
    // "done" and "permissions" never share a flow: only the connected event says which ends a flow
    expect(
      inferStageOrder([
        ['select', 'credentials', 'done'],
        ['select', 'credentials', 'permissions'],
      ])
    ).toEqual(['select', 'credentials', 'done', 'permissions']);
    expect(
      inferStageOrder(
        [
          ['select', 'credentials', 'done'],
          ['select', 'credentials', 'permissions'],
        ],
        new Set(['done'])
      )
    ).toEqual(['select', 'credentials', 'permissions', 'done']);
  });
});
