import { parseStreamsResponse } from '../../api/loki/parse';
import recorded from '../../../test/fixtures/domain/flows/lokiFlowEventsRecorded';
import { flowEventsFromLogRecords } from './fromLogRecord';
import { flowOutcome } from './outcome';
import { sessionizeFlows } from './sessionize';

describe('flow events recorded from Loki', () => {
  const events = flowEventsFromLogRecords(parseStreamsResponse(recorded));
  const flows = sessionizeFlows(events);

  it('reads every event with its flow, session, step and body', () => {
    expect(events).toHaveLength(8);
    expect(new Set(events.map((e) => e.flowId))).toEqual(new Set(['flow_fx1_1']));
    expect(events.every((e) => e.sessionId && e.step && e.details)).toBe(true);
    expect(events.find((e) => e.event === 'flow_opened')).toMatchObject({
      tool: 'personio',
      customerId: 'cus_soylent',
    });
  });

  it('splits the flow into its two sessions, each in the order the user went through it', () => {
    expect(flows).toHaveLength(1);
    const [flow] = flows;
    expect(flow!.sessions.map((s) => [s.id, s.events.map((e) => e.event)])).toEqual([
      ['sess_fx1_1_1', ['flow_opened', 'tool_selected', 'credentials_submitted', 'credentials_invalid', 'closed']],
      ['sess_fx1_1_2', ['flow_opened', 'credentials_submitted', 'connected']],
    ]);
    expect(flowOutcome(flow!, { now: flow!.end })).toMatchObject({ status: 'connected', stoppedAt: { step: 'done' } });
  });
});
