import { FLOW_EVENTS } from '@integration-logs/semantic-conventions';
import type { FlowEvent } from './flowEvent';
import { DEFAULT_SESSION_GAP_MS, type Flow } from './sessionize';

export type FlowStatus = 'connected' | 'failed' | 'abandoned' | 'in_progress';

export { FLOW_EVENTS };

export interface FlowStop {
  /** The last step the flow reached (the step of the last event that named one). */
  step?: string;
  /** The event that decided the outcome, or the last meaningful event. */
  event: string;
  time: number;
}

export interface FlowOutcome {
  status: FlowStatus;
  stoppedAt: FlowStop;
}

export interface OutcomeOptions {
  /** "Now", epoch ms: a flow whose last event is older than the gap is abandoned. */
  now: number;
  gapMs?: number;
}

/**
 * The outcome of a flow: `connected` once any `connected` event happened (a later `closed`
 * of the dialog does not undo it), `failed` when a `failed` event is the last thing that
 * happened apart from closing the dialog, otherwise `in_progress` while the last event is
 * within the session gap and `abandoned` after it. A user who retries after a failure is in
 * progress again.
 */
export function flowOutcome(flow: Pick<Flow, 'events'>, options: OutcomeOptions): FlowOutcome {
  const gapMs = options.gapMs ?? DEFAULT_SESSION_GAP_MS;
  const { events } = flow;
  if (events.length === 0) {
    throw new RangeError('a flow has at least one event');
  }
  const connected = events.find((e) => e.event === FLOW_EVENTS.connected);
  if (connected !== undefined) {
    return { status: 'connected', stoppedAt: stopAt(events, events.indexOf(connected)) };
  }
  let lastIndex = events.length - 1;
  while (lastIndex > 0 && events[lastIndex]!.event === FLOW_EVENTS.closed) {
    lastIndex -= 1;
  }
  const last = events[lastIndex]!;
  if (last.event === FLOW_EVENTS.failed) {
    return { status: 'failed', stoppedAt: stopAt(events, lastIndex) };
  }
  const lastTime = events[events.length - 1]!.time;
  const status: FlowStatus = options.now - lastTime > gapMs ? 'abandoned' : 'in_progress';
  return { status, stoppedAt: stopAt(events, lastIndex) };
}

function stopAt(events: FlowEvent[], index: number): FlowStop {
  const event = events[index]!;
  let step = event.step;
  for (let i = index - 1; step === undefined && i >= 0; i--) {
    step = events[i]!.step;
  }
  return { step, event: event.event, time: event.time };
}
