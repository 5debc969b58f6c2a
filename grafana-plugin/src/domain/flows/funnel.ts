import { FLOW_EVENTS, flowOutcome, type FlowStatus } from './outcome';
import type { Flow } from './sessionize';

export interface FunnelOptions {
  /** Only flows of this tool. */
  tool?: string;
  /** Only flows that started in [from, to] (epoch ms, inclusive). */
  from?: number;
  to?: number;
  /** Stage order; when absent it is inferred from the order in which flows reach stages. */
  stages?: string[];
  /** What a stage is: the event's step (default) or the event name. */
  by?: 'step' | 'event';
  now: number;
  gapMs?: number;
}

export interface FunnelStage {
  name: string;
  /** Flows that got at least as far as this stage. */
  reached: number;
  /** reached / reached of the stage before (1 for the first stage; undefined when nothing reached the stage before). */
  conversionFromPrevious?: number;
  /** reached / flows in the funnel. */
  conversionFromStart: number;
  /** Flows whose furthest stage is this one and that did not connect, by outcome. */
  stoppedHere: Record<Exclude<FlowStatus, 'connected'>, number>;
}

export interface Funnel {
  /** Flows in the funnel (after the tool and time filters). */
  flowCount: number;
  connected: number;
  stages: FunnelStage[];
}

/**
 * A funnel of stages across flows. A flow counts as reaching a stage when it got at least
 * that far (its furthest stage is this one or a later one), so the counts never grow down the
 * funnel even when a flow skips a step. Flows with no event at any stage count in `flowCount`
 * only.
 */
export function flowFunnel(flows: Flow[], options: FunnelOptions): Funnel {
  const by = options.by ?? 'step';
  const selected = flows.filter(
    (f) =>
      (options.tool === undefined || f.tool === options.tool) &&
      (options.from === undefined || f.start >= options.from) &&
      (options.to === undefined || f.start <= options.to)
  );
  const stageLists = selected.map((f) => stagesOf(f, by));
  const order = options.stages ?? inferStageOrder(stageLists, connectedStages(selected, by));
  const position = new Map(order.map((name, i) => [name, i]));

  const reachedFurthest = new Array<number>(order.length).fill(0);
  const stopped = order.map(() => ({ abandoned: 0, failed: 0, in_progress: 0 }));
  let connected = 0;
  selected.forEach((flow, i) => {
    const outcome = flowOutcome(flow, { now: options.now, gapMs: options.gapMs });
    if (outcome.status === 'connected') {
      connected += 1;
    }
    let furthest = -1;
    for (const stage of stageLists[i]!) {
      furthest = Math.max(furthest, position.get(stage) ?? -1);
    }
    if (furthest < 0) {
      return;
    }
    reachedFurthest[furthest]! += 1;
    if (outcome.status !== 'connected') {
      stopped[furthest]![outcome.status] += 1;
    }
  });

  const stages: FunnelStage[] = [];
  let atLeast = 0;
  const reached = new Array<number>(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    atLeast += reachedFurthest[i]!;
    reached[i] = atLeast;
  }
  order.forEach((name, i) => {
    const previous = i === 0 ? undefined : reached[i - 1]!;
    stages.push({
      name,
      reached: reached[i]!,
      conversionFromPrevious: i === 0 ? 1 : previous ? reached[i]! / previous : undefined,
      conversionFromStart: selected.length ? reached[i]! / selected.length : 0,
      stoppedHere: stopped[i]!,
    });
  });
  return { flowCount: selected.length, connected, stages };
}

/** Distinct stages of a flow in order of first occurrence. */
function stagesOf(flow: Flow, by: 'step' | 'event'): string[] {
  const seen = new Set<string>();
  for (const event of flow.events) {
    const stage = by === 'step' ? event.step : event.event;
    if (stage !== undefined) {
      seen.add(stage);
    }
  }
  return [...seen];
}

/** Stages in which flows connected: they end a flow, so they go last. */
function connectedStages(flows: Flow[], by: 'step' | 'event'): Set<string> {
  const stages = new Set<string>();
  for (const flow of flows) {
    for (const event of flow.events) {
      const stage = by === 'step' ? event.step : event.event;
      if (event.event === FLOW_EVENTS.connected && stage !== undefined) {
        stages.add(stage);
      }
    }
  }
  return stages;
}

/**
 * Orders stages by where they usually appear in a flow: stages where flows connect go last,
 * the others by the mean of their first-occurrence position relative to the flow's length;
 * ties go to the stage more flows reached.
 */
export function inferStageOrder(stageLists: string[][], last: Set<string> = new Set()): string[] {
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  for (const list of stageLists) {
    list.forEach((stage, i) => {
      const relative = list.length > 1 ? i / (list.length - 1) : 0;
      sum.set(stage, (sum.get(stage) ?? 0) + relative);
      count.set(stage, (count.get(stage) ?? 0) + 1);
    });
  }
  const mean = (s: string) => sum.get(s)! / count.get(s)!;
  const rank = (s: string) => (last.has(s) ? 1 : 0);
  return [...sum.keys()].sort(
    (a, b) => rank(a) - rank(b) || mean(a) - mean(b) || count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0)
  );
}
