import type { FlowEvent } from './flowEvent';
import { groupFlowsByTool, matchesFlowText } from './flowSummary';
import { sessionizeFlows } from './sessionize';

const T0 = Date.UTC(2026, 10, 1);
const ev = (flowId: string, minute: number, event: string, extra: Partial<FlowEvent>): FlowEvent => ({
  flowId,
  time: T0 + minute * 60_000,
  event,
  ...extra,
});

describe('groupFlowsByTool', () => {
  const flows = sessionizeFlows([
    ev('a', 0, 'connected', { tool: 'personio', customerId: 'beta' }),
    ev('b', 1, 'failed', { tool: 'personio', customerId: 'alpha', endUserId: 'u2' }),
    ev('c', 2, 'flow_opened', { tool: 'personio', customerId: 'alpha', endUserId: 'u1' }),
    ev('d', 3, 'flow_opened', { tool: 'bamboohr', customerId: 'alpha' }),
    ev('e', 4, 'flow_opened', {}),
  ]);

  it('groups by tool with outcome counts, customers and end users together', () => {
    const groups = groupFlowsByTool(flows, { now: T0 + 10 * 60_000 });
    expect(groups.map((g) => g.tool)).toEqual(['personio', '(no tool)', 'bamboohr']);
    expect(groups[0]!.flows.map((f) => f.flow.flowId)).toEqual(['c', 'b', 'a']);
    expect(groups[0]!.counts).toEqual({ connected: 1, failed: 1, abandoned: 0, in_progress: 1 });
  });

  it('matches free text on customer, end user and flow id', () => {
    const [c] = flows.filter((f) => f.flowId === 'c');
    expect(matchesFlowText(c!, ' U1 ')).toBe(true);
    expect(matchesFlowText(c!, 'ALPH')).toBe(true);
    expect(matchesFlowText(c!, 'zzz')).toBe(false);
    expect(matchesFlowText(c!, '')).toBe(true);
  });
});
