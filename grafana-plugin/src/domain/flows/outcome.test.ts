import type { FlowEvent } from './flowEvent';
import { flowOutcome } from './outcome';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const ev = (minute: number, event: string, step?: string): FlowEvent => ({
  flowId: 'f',
  time: T0 + minute * MIN,
  event,
  step,
});
const at = (minute: number) => ({ now: T0 + minute * MIN });

describe('flowOutcome', () => {
  it('is connected after a connected event, even when the dialog is closed afterwards', () => {
    const outcome = flowOutcome(
      { events: [ev(0, 'flow_opened', 'start'), ev(2, 'connected', 'done'), ev(3, 'closed')] },
      at(500)
    );
    expect(outcome).toEqual({
      status: 'connected',
      stoppedAt: { step: 'done', event: 'connected', time: T0 + 2 * MIN },
    });
  });

  it('is failed when failed is the last thing that happened apart from closing, with the step it failed at', () => {
    const outcome = flowOutcome(
      {
        events: [
          ev(0, 'flow_opened', 'start'),
          ev(1, 'credentials_submitted', 'credentials'),
          ev(2, 'failed'),
          ev(3, 'closed'),
        ],
      },
      at(10)
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.stoppedAt).toMatchObject({ step: 'credentials', event: 'failed' });
  });

  it('is in progress again when the user retries after a failure', () => {
    const events = [ev(0, 'flow_opened', 'start'), ev(2, 'failed', 'credentials'), ev(100, 'flow_opened', 'start')];
    expect(flowOutcome({ events }, at(110)).status).toBe('in_progress');
  });

  it('is in progress within the gap and abandoned after it, stopping at the last step reached', () => {
    const events = [ev(0, 'flow_opened', 'start'), ev(1, 'credentials_invalid', 'credentials'), ev(2, 'closed')];
    expect(flowOutcome({ events }, at(32)).status).toBe('in_progress');
    const abandoned = flowOutcome({ events }, at(33));
    expect(abandoned.status).toBe('abandoned');
    expect(abandoned.stoppedAt).toMatchObject({ step: 'credentials', event: 'credentials_invalid' });
    expect(flowOutcome({ events }, { now: T0 + 10 * MIN, gapMs: 5 * MIN }).status).toBe('abandoned');
  });

  it('copes with a flow of only a closed event and rejects an empty flow', () => {
    expect(flowOutcome({ events: [ev(0, 'closed')] }, at(100))).toMatchObject({
      status: 'abandoned',
      stoppedAt: { event: 'closed' },
    });
    expect(() => flowOutcome({ events: [] }, at(0))).toThrow(RangeError);
  });
});
