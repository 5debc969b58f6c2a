import { flowOutcome, type FlowOutcome, type FlowStatus } from './outcome';
import type { Flow } from './sessionize';

export interface FlowSummary {
  flow: Flow;
  outcome: FlowOutcome;
}

export interface ToolGroup {
  tool: string;
  flows: FlowSummary[];
  counts: Record<FlowStatus, number>;
}

const UNKNOWN_TOOL = '(no tool)';

/**
 * Flows grouped by tool (tools with the most flows first), each flow with its outcome; within
 * a tool, flows are ordered by customer, then end user, then most recent first, so one
 * customer's attempts sit together.
 */
export function groupFlowsByTool(flows: Flow[], options: { now: number; gapMs?: number }): ToolGroup[] {
  const groups = new Map<string, ToolGroup>();
  for (const flow of flows) {
    const tool = flow.tool ?? UNKNOWN_TOOL;
    let group = groups.get(tool);
    if (group === undefined) {
      group = { tool, flows: [], counts: { connected: 0, failed: 0, abandoned: 0, in_progress: 0 } };
      groups.set(tool, group);
    }
    const outcome = flowOutcome(flow, options);
    group.flows.push({ flow, outcome });
    group.counts[outcome.status] += 1;
  }
  const byText = (a: string | undefined, b: string | undefined) => (a ?? '\uffff').localeCompare(b ?? '\uffff');
  for (const group of groups.values()) {
    group.flows.sort(
      (a, b) =>
        byText(a.flow.customerId, b.flow.customerId) ||
        byText(a.flow.endUserId, b.flow.endUserId) ||
        b.flow.end - a.flow.end
    );
  }
  return [...groups.values()].sort((a, b) => b.flows.length - a.flows.length || a.tool.localeCompare(b.tool));
}

/** Case-insensitive substring match on customer, end user or flow id. */
export function matchesFlowText(flow: Flow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') {
    return true;
  }
  return [flow.customerId, flow.endUserId, flow.flowId].some(
    (v) => v !== undefined && v.toLowerCase().includes(needle)
  );
}
