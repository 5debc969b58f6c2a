import { DEFAULT_SESSION_GAP_MS } from '@integration-logs/semantic-conventions';
import type { FlowEvent } from './flowEvent';

/** Same default as the SDK (docs/telemetry.md): a new session starts after 30 min of inactivity. */
export { DEFAULT_SESSION_GAP_MS };

export interface FlowSession {
  /** The emitter's session id, or `<flowId>#<n>` when the events carried none. */
  id: string;
  /** True when the id was made up here because no event of the session carried one. */
  derived: boolean;
  start: number;
  end: number;
  events: FlowEvent[];
  /**
   * Time from the end of the earlier sessions to this one's start; undefined for the first
   * session, negative when two sessions overlap (e.g. two browser tabs).
   */
  gapBeforeMs?: number;
}

export interface Flow {
  flowId: string;
  tool?: string;
  integrationId?: string;
  customerId?: string;
  endUserId?: string;
  start: number;
  end: number;
  /** All events of the flow in time order, duplicates removed. */
  events: FlowEvent[];
  /** Sessions in order of their start. */
  sessions: FlowSession[];
}

export interface SessionizeOptions {
  /** Inactivity gap that splits events without a session id into sessions. */
  gapMs?: number;
}

/**
 * Groups flow events into flows and each flow into user sessions. Events carrying a session id
 * are grouped by it; events without one continue the session of the event before them when
 * that event is at most `gapMs` earlier, otherwise they start a new session. A gap-derived
 * session adopts the id of an identified event that follows within the gap, so a record that
 * lost its session id does not split a session in two. Input order does not matter (events
 * with the same timestamp are put in the conventional order of a flow);
 * duplicate records (same id, or same time, event, step and session when there is no id) are
 * kept once. Flows are returned most recent activity first.
 */
export function sessionizeFlows(events: Iterable<FlowEvent>, options: SessionizeOptions = {}): Flow[] {
  const gapMs = options.gapMs ?? DEFAULT_SESSION_GAP_MS;
  if (!(gapMs >= 0)) {
    throw new RangeError(`session gap must be a non-negative number of milliseconds, got ${gapMs}`);
  }
  const byFlow = new Map<string, FlowEvent[]>();
  for (const event of events) {
    const list = byFlow.get(event.flowId);
    if (list === undefined) {
      byFlow.set(event.flowId, [event]);
    } else {
      list.push(event);
    }
  }
  const flows: Flow[] = [];
  for (const [flowId, list] of byFlow) {
    flows.push(buildFlow(flowId, list, gapMs));
  }
  flows.sort((a, b) => b.end - a.end || (a.flowId < b.flowId ? -1 : 1));
  return flows;
}

/** Sessionizes the events of one flow (all events must share the flow id). */
export function sessionizeFlow(events: FlowEvent[], options: SessionizeOptions = {}): Flow | undefined {
  const [flow] = sessionizeFlows(events, options);
  return flow;
}

/**
 * Where a conventional event falls in a flow, for events that share a timestamp (Loki keeps
 * nanoseconds, but an SDK clock in milliseconds, or a fast client, gives equal times): the
 * user opens, picks a tool, submits, is told what is wrong, ends, closes. Other events sit
 * between submitting and the end.
 */
const TIE_RANK: Record<string, number> = {
  flow_opened: 0,
  tool_selected: 1,
  credentials_submitted: 2,
  credentials_invalid: 3,
  permissions_missing: 3,
  connected: 5,
  failed: 5,
  closed: 6,
};
const OTHER_RANK = 4;

function byTime(a: FlowEvent, b: FlowEvent): number {
  return a.time - b.time || (TIE_RANK[a.event] ?? OTHER_RANK) - (TIE_RANK[b.event] ?? OTHER_RANK);
}

function buildFlow(flowId: string, unsorted: FlowEvent[], gapMs: number): Flow {
  const events = dedupeSorted(unsorted.sort(byTime));
  const sessions: FlowSession[] = [];
  const byId = new Map<string, FlowSession>();
  let current: FlowSession | undefined;
  let derivedCount = 0;

  for (const event of events) {
    const sid = event.sessionId;
    if (sid === undefined) {
      if (current === undefined || event.time - current.end > gapMs) {
        derivedCount += 1;
        current = newSession(`${flowId}#${derivedCount}`, true, event);
        sessions.push(current);
      } else {
        append(current, event);
      }
      continue;
    }
    const known = byId.get(sid);
    if (known !== undefined) {
      append(known, event);
      current = known;
    } else if (current !== undefined && current.derived && event.time - current.end <= gapMs) {
      // The records before this one lost their session id; they belong to this session.
      current.id = sid;
      current.derived = false;
      byId.set(sid, current);
      append(current, event);
    } else {
      current = newSession(sid, false, event);
      byId.set(sid, current);
      sessions.push(current);
    }
  }

  // Sessions were created in order of their first event, so they are already sorted by start.
  let latestEnd = -Infinity;
  for (const session of sessions) {
    if (latestEnd !== -Infinity) {
      session.gapBeforeMs = session.start - latestEnd;
    }
    latestEnd = Math.max(latestEnd, session.end);
  }

  const first = events[0]!;
  const flow: Flow = { flowId, start: first.time, end: events[events.length - 1]!.time, events, sessions };
  for (const event of events) {
    flow.tool ??= event.tool;
    flow.integrationId ??= event.integrationId;
    flow.customerId ??= event.customerId;
    flow.endUserId ??= event.endUserId;
  }
  return flow;
}

function newSession(id: string, derived: boolean, event: FlowEvent): FlowSession {
  return { id, derived, start: event.time, end: event.time, events: [event] };
}

function append(session: FlowSession, event: FlowEvent): void {
  session.events.push(event);
  session.end = event.time;
}

function duplicateKey(event: FlowEvent): string {
  return event.id ?? `${event.event}\u0000${event.step ?? ''}\u0000${event.sessionId ?? ''}`;
}

/** Drops duplicates from events sorted by time; duplicates share a timestamp, so only runs of equal times are checked. */
function dedupeSorted(events: FlowEvent[]): FlowEvent[] {
  const out: FlowEvent[] = [];
  let runStart = 0;
  let runKeys: Set<string> | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (i > 0 && event.time === events[i - 1]!.time) {
      if (runKeys === undefined) {
        runKeys = new Set();
        for (let j = runStart; j < out.length; j++) {
          runKeys.add(duplicateKey(out[j]!));
        }
      }
      const key = duplicateKey(event);
      if (runKeys.has(key)) {
        continue;
      }
      runKeys.add(key);
    } else {
      runStart = out.length;
      runKeys = undefined;
    }
    out.push(event);
  }
  return out;
}
