import { flowEventFromRecord, LOKI_FLOW_FIELDS } from './flowEvent';

describe('flowEventFromRecord', () => {
  const labels = {
    service_name: 'hris-connect',
    integration_flow_id: 'flow-7',
    integration_flow_session_id: 'sess-1',
    integration_flow_event: 'credentials_invalid',
    integration_flow_step: 'credentials',
    integration_tool: 'personio',
    integration_customer_id: 'cust-1',
    trace_id: '8A3C5E1F2B4D6A7C9E0F1A2B3C4D5E6',
    span_id: 'def',
  };

  it('maps Loki structured metadata to a flow event', () => {
    const event = flowEventFromRecord({ labels, time: 1000, line: '{"reason":"401"}', id: 'r1' });
    expect(event).toEqual({
      id: 'r1',
      time: 1000,
      flowId: 'flow-7',
      sessionId: 'sess-1',
      event: 'credentials_invalid',
      step: 'credentials',
      tool: 'personio',
      customerId: 'cust-1',
      traceId: '08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6', // normalised like every trace id the app reads
      spanId: 'def',
      details: '{"reason":"401"}',
    });
  });

  it('treats an empty session id as missing and reads the end user from the body when no label names one', () => {
    const event = flowEventFromRecord({
      labels: { ...labels, integration_flow_session_id: '' },
      time: 1,
      line: '{"endUserId":"u-42"}',
    });
    expect(event?.sessionId).toBeUndefined();
    expect(event?.endUserId).toBe('u-42');
    expect(flowEventFromRecord({ labels, time: 1, line: 'not json {' })?.endUserId).toBeUndefined();
  });

  it('reads the end user from integration_flow_end_user_id first, the body only as a fallback', () => {
    const withAttribute = { ...labels, integration_flow_end_user_id: 'usr_1042' };
    expect(flowEventFromRecord({ labels: withAttribute, time: 1, line: '{"userId":"someone-else"}' })?.endUserId).toBe(
      'usr_1042'
    );
    expect(flowEventFromRecord({ labels: withAttribute, time: 1, line: '{}' })?.endUserId).toBe('usr_1042');
    // An empty attribute is no answer: the body still is.
    expect(
      flowEventFromRecord({ labels: { ...labels, integration_flow_end_user_id: '' }, time: 1, line: '{"user_id":7}' })
        ?.endUserId
    ).toBe('7');
    // The name the app guessed before the contract had the attribute is not read.
    expect(
      flowEventFromRecord({ labels: { ...labels, integration_end_user_id: 'u-old' }, time: 1, line: '{}' })?.endUserId
    ).toBeUndefined();
  });

  it('returns null for records that are not flow events', () => {
    expect(flowEventFromRecord({ labels: { integration_flow_id: 'x' }, time: 1 })).toBeNull();
    expect(flowEventFromRecord({ labels: { integration_flow_event: 'x' }, time: 1 })).toBeNull();
    expect(flowEventFromRecord({ labels, time: Number.NaN })).toBeNull();
  });

  it('reads custom field names', () => {
    const names = { ...LOKI_FLOW_FIELDS, flowId: 'fid', event: 'ev', sessionId: 'sid' };
    expect(flowEventFromRecord({ labels: { fid: 'f', ev: 'opened', sid: 's' }, time: 5 }, names)).toMatchObject({
      flowId: 'f',
      event: 'opened',
      sessionId: 's',
    });
  });
});
