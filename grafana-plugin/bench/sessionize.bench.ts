/**
 * Sessionizing flow events against sorting the same events by time, measured in the same run.
 * The sessionizer sorts too, so the ratio shows what grouping, de-duplication and session
 * splitting cost on top of a sort. Target: ratio <= 2.
 *
 * Standalone: `npx esbuild bench/sessionize.bench.ts --bundle --platform=node --format=esm \
 *   --outfile=.cache/sessionize.bench.mjs && node .cache/sessionize.bench.mjs`
 */
import type { FlowEvent } from '../src/domain/flows/flowEvent';
import { sessionizeFlows } from '../src/domain/flows/sessionize';

export interface SessionizeBenchResult {
  name: string;
  events: number;
  sortMs: number;
  sessionizeMs: number;
  /** sessionizeMs / sortMs (medians over the rounds). */
  ratio: number;
  /** Worst case: the same events as one flow, so the sessionizer's sort is one big sort too. */
  singleFlowMs: number;
  singleFlowRatio: number;
  target: number;
  ok: boolean;
}

/** Deterministic pseudo-random numbers so every run measures the same input. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` events over flows of ~20 events: about a third without session id, some duplicates,
 * sessions hours apart, delivered in shuffled order (as merged query results arrive).
 */
export function makeFlowEvents(count: number, seed = 7): FlowEvent[] {
  const random = lcg(seed);
  const names = ['flow_opened', 'tool_selected', 'credentials_submitted', 'credentials_invalid', 'connected', 'closed'];
  const events: FlowEvent[] = [];
  const start = Date.UTC(2026, 10, 1);
  let flow = 0;
  while (events.length < count) {
    const flowId = `flow-${flow++}`;
    let time = start + random() * 30 * 86_400_000;
    let session = 0;
    const withIds = random() < 0.66;
    for (let i = 0; i < 20 && events.length < count; i++) {
      if (random() < 0.1) {
        time += 3_600_000 * (1 + random() * 48);
        session++;
      } else {
        time += random() * 120_000;
      }
      const event: FlowEvent = {
        flowId,
        time,
        event: names[Math.floor(random() * names.length)]!,
        step: `step-${i >> 2}`,
        tool: 'personio',
        ...(withIds ? { sessionId: `${flowId}-s${session}` } : {}),
      };
      events.push(event);
      if (random() < 0.02 && events.length < count) {
        events.push({ ...event });
      }
    }
  }
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export function benchSessionize(options: { events?: number; rounds?: number } = {}): SessionizeBenchResult {
  const count = options.events ?? 100_000;
  const rounds = options.rounds ?? 9;
  const events = makeFlowEvents(count);
  const oneFlow = events.map((e) => ({ ...e, flowId: 'one-flow' }));
  const sortTimes: number[] = [];
  const sessionizeTimes: number[] = [];
  const singleFlowTimes: number[] = [];
  let sink = 0;
  // Warm up both code paths, then alternate so machine load hits both alike.
  for (let round = -2; round < rounds; round++) {
    const copy = events.slice();
    let t = performance.now();
    copy.sort((a, b) => a.time - b.time);
    const sortMs = performance.now() - t;
    sink += copy.length;

    t = performance.now();
    const flows = sessionizeFlows(events.slice());
    const sessionizeMs = performance.now() - t;
    sink += flows.length;

    t = performance.now();
    sink += sessionizeFlows(oneFlow.slice())[0]!.sessions.length;
    const singleFlowMs = performance.now() - t;
    if (round >= 0) {
      sortTimes.push(sortMs);
      sessionizeTimes.push(sessionizeMs);
      singleFlowTimes.push(singleFlowMs);
    }
  }
  if (sink === 0) {
    throw new Error('benchmark produced nothing');
  }
  const sortMs = medianOf(sortTimes);
  const sessionizeMs = medianOf(sessionizeTimes);
  const singleFlowMs = medianOf(singleFlowTimes);
  const ratio = sessionizeMs / sortMs;
  const singleFlowRatio = singleFlowMs / sortMs;
  const target = 2;
  return {
    name: 'sessionize vs sort',
    events: events.length,
    sortMs,
    sessionizeMs,
    ratio,
    singleFlowMs,
    singleFlowRatio,
    target,
    ok: ratio <= target && singleFlowRatio <= target,
  };
}

function isMain(): boolean {
  const entry = typeof process !== 'undefined' ? process.argv[1] : undefined;
  return entry !== undefined && /sessionize\.bench\.(ts|js|mjs|cjs)$/.test(entry);
}

if (isMain()) {
  const r = benchSessionize();
  console.log(
    `${r.name}: ${r.events} events, sort ${r.sortMs.toFixed(1)} ms, sessionize ${r.sessionizeMs.toFixed(1)} ms, ` +
      `ratio ${r.ratio.toFixed(2)}; all in one flow ${r.singleFlowMs.toFixed(1)} ms, ratio ${r.singleFlowRatio.toFixed(2)} ` +
      `(target <= ${r.target}) ${r.ok ? 'ok' : 'OVER TARGET'}`
  );
  process.exitCode = r.ok ? 0 : 1;
}
