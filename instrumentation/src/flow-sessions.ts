import { randomUUID } from 'node:crypto';

/**
 * Assigns session ids to connection-flow events that come without one: a flow's
 * events belong to the same session until the gap between two events exceeds
 * `gapMs`. The map is bounded (least recently used flows are forgotten first), so a
 * flood of flow ids cannot grow memory; a forgotten flow simply starts a new session.
 */
export class FlowSessions {
  private readonly flows = new Map<string, { sessionId: string; lastMs: number }>();

  constructor(
    private readonly gapMs: number,
    private readonly maxFlows = 10_000
  ) {}

  /** The session of an event at `nowMs`; `given` (a caller-supplied id) wins and is remembered. */
  sessionFor(flowId: string, nowMs: number, given?: string): string {
    const known = this.flows.get(flowId);
    let sessionId: string;
    if (given) sessionId = given;
    else if (known && nowMs - known.lastMs <= this.gapMs) sessionId = known.sessionId;
    else sessionId = randomUUID();
    if (known) this.flows.delete(flowId); // re-insert: Map order is recency order
    this.flows.set(flowId, { sessionId, lastMs: Math.max(nowMs, known?.lastMs ?? 0) });
    if (this.flows.size > this.maxFlows) {
      const oldest = this.flows.keys().next().value;
      if (oldest !== undefined) this.flows.delete(oldest);
    }
    return sessionId;
  }

  get size(): number {
    return this.flows.size;
  }
}
