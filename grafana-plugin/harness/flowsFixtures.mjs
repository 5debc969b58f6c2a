// Records for the browser coverage of the Connection flows page, the Events and Sync metrics
// tabs: one flow over two operations and two user sessions with requests during its steps, a
// flow without session ids that is abandoned, a failed flow, and six syncs of one
// integration whose last read drops. Same shape as test/fixtures/handmade (FakeRecord:
// { tsNs, line, labels }), names from docs/telemetry.md. Deterministic.
// Dated 2026-11-20, away from the other fixtures (2026-11-25..27), so neither changes the other's counts.
const BASE_MS = Date.UTC(2026, 10, 20, 12, 0, 0);
const MIN = 60_000;
const ns = (ms) => `${BigInt(Math.round(ms)) * 1_000_000n}`;
const hex = (n, width) => n.toString(16).padStart(width, '0');

export const FLOW_TRACES = {
  acmeFirst: hex(0xf10a1, 32),
  acmeSecond: hex(0xf10a2, 32),
  globexFirst: hex(0xf10b1, 32),
  globexSecond: hex(0xf10b2, 32),
  initech: hex(0xf10c1, 32),
};
export const SYNC_TRACES = Array.from({ length: 6 }, (_, i) => hex(0x5c0000 + i, 32));
export const LATEST_SYNC_TRACE = SYNC_TRACES[5];

function base(labels) {
  return {
    service_name: labels.integration_log_type === 'sync' ? 'hris-sync' : 'connect-backend',
    deployment_environment_name: 'production',
    severity_text: 'INFO',
    ...labels,
  };
}

export function flowsHarnessRecords() {
  const records = [];
  let span = 0x100;
  const push = (ms, labels, line) => records.push({ tsNs: ns(ms), line, labels: base(labels) });

  function operation({ traceId, tool, integrationId, customerId, startMs, events, requests, outcome = 'success' }) {
    const rootSpan = hex(span++, 16);
    const common = {
      trace_id: traceId,
      integration_log_type: 'connection_flow',
      integration_tool: tool,
      integration_id: integrationId,
      integration_customer_id: customerId,
      integration_operation: events[events.length - 1].step,
    };
    for (const e of events) {
      push(
        startMs + e.at * MIN,
        {
          ...common,
          span_id: rootSpan,
          event_name: 'integration.flow.event',
          integration_flow_id: e.flowId,
          ...(e.session ? { integration_flow_session_id: e.session } : {}),
          integration_flow_event: e.event,
          integration_flow_step: e.step,
        },
        JSON.stringify(e.details ?? {})
      );
    }
    let c4 = 0;
    for (const r of requests) {
      if (r.status >= 400) {
        c4++;
      }
      const url = `https://api.${tool}.example${r.path}`;
      push(
        startMs + r.at * MIN,
        {
          ...common,
          span_id: hex(span++, 16),
          event_name: 'integration.request',
          http_request_method: r.method,
          url_full: url,
          url_template: r.path,
          server_address: `api.${tool}.example`,
          http_response_status_code: String(r.status),
          integration_request_duration_ms: '95',
          ...(r.status >= 400 ? { error_type: String(r.status), severity_text: 'ERROR' } : {}),
        },
        JSON.stringify({
          request: {
            method: r.method,
            url,
            headers: { 'content-type': 'application/json', authorization: '[REDACTED]' },
            body: r.method === 'POST' ? '{"client_id":"acme","client_secret":"[REDACTED]"}' : null,
            bodyEncoding: 'utf8',
            bodySize: r.method === 'POST' ? 48 : 0,
            bodyTruncated: false,
          },
          response: {
            status: r.status,
            headers: { 'content-type': 'application/json' },
            body: r.status >= 400 ? '{"error":"invalid_client"}' : '{"ok":true}',
            bodyEncoding: 'utf8',
            bodySize: 16,
            bodyTruncated: false,
          },
          durationMs: 95,
        })
      );
    }
    const last = Math.max(...events.map((e) => e.at), ...requests.map((r) => r.at));
    const durationMs = (last + 0.2) * MIN;
    push(
      startMs + durationMs,
      {
        ...common,
        span_id: rootSpan,
        event_name: 'integration.operation',
        integration_outcome: outcome,
        integration_operation_duration_ms: String(durationMs),
        integration_request_count: String(requests.length),
        integration_request_4xx_count: String(c4),
        integration_request_5xx_count: '0',
        ...(outcome === 'failure' ? { error_type: 'CredentialsRejected' } : {}),
      },
      `connection_flow ${tool} ${common.integration_operation}: ${outcome} in ${(durationMs / 1000).toFixed(1)}s, ${requests.length} requests${c4 ? ` (${c4} 4xx)` : ''}`
    );
  }

  // acme: two identified sessions 2 h 10 min apart, connected in the second
  const acme = { tool: 'personio', integrationId: 'int_personio_acme', customerId: 'cust_acme' };
  operation({
    ...acme,
    traceId: FLOW_TRACES.acmeFirst,
    startMs: BASE_MS - 190 * MIN,
    outcome: 'failure',
    events: [
      {
        at: 0,
        flowId: 'flow_acme',
        session: 'sess_acme_1',
        event: 'flow_opened',
        step: 'select_tool',
        details: { endUserId: 'hr-admin@acme.example' },
      },
      {
        at: 1,
        flowId: 'flow_acme',
        session: 'sess_acme_1',
        event: 'tool_selected',
        step: 'select_tool',
        details: { tool: 'personio' },
      },
      { at: 3, flowId: 'flow_acme', session: 'sess_acme_1', event: 'credentials_submitted', step: 'credentials' },
      {
        at: 4,
        flowId: 'flow_acme',
        session: 'sess_acme_1',
        event: 'credentials_invalid',
        step: 'credentials',
        details: { status: 401, message: 'invalid client secret' },
      },
    ],
    requests: [{ at: 3.5, method: 'POST', path: '/v1/auth/token', status: 401 }],
  });
  operation({
    ...acme,
    traceId: FLOW_TRACES.acmeSecond,
    startMs: BASE_MS - 56 * MIN,
    events: [
      { at: 0, flowId: 'flow_acme', session: 'sess_acme_2', event: 'flow_opened', step: 'credentials' },
      { at: 2, flowId: 'flow_acme', session: 'sess_acme_2', event: 'credentials_submitted', step: 'credentials' },
      {
        at: 3,
        flowId: 'flow_acme',
        session: 'sess_acme_2',
        event: 'connected',
        step: 'done',
        details: { integrationId: 'int_personio_acme' },
      },
      { at: 4, flowId: 'flow_acme', session: 'sess_acme_2', event: 'closed', step: 'done' },
    ],
    requests: [
      { at: 2.3, method: 'POST', path: '/v1/auth/token', status: 200 },
      { at: 2.6, method: 'GET', path: '/v1/company', status: 200 },
    ],
  });
  // globex: no session ids; split by the 30 min gap; stops at permissions
  const globex = { tool: 'bamboohr', integrationId: 'int_bamboohr_globex', customerId: 'cust_globex' };
  operation({
    ...globex,
    traceId: FLOW_TRACES.globexFirst,
    startMs: BASE_MS - 300 * MIN,
    events: [
      {
        at: 0,
        flowId: 'flow_globex',
        event: 'flow_opened',
        step: 'select_tool',
        details: { endUserId: 'it@globex.example' },
      },
      { at: 1, flowId: 'flow_globex', event: 'tool_selected', step: 'select_tool' },
    ],
    requests: [],
  });
  operation({
    ...globex,
    traceId: FLOW_TRACES.globexSecond,
    startMs: BASE_MS - 250 * MIN,
    outcome: 'partial',
    events: [
      { at: 0, flowId: 'flow_globex', event: 'flow_opened', step: 'select_tool' },
      { at: 2, flowId: 'flow_globex', event: 'credentials_submitted', step: 'credentials' },
      {
        at: 3,
        flowId: 'flow_globex',
        event: 'permissions_missing',
        step: 'permissions',
        details: { missing: ['employees:read'] },
      },
      { at: 4, flowId: 'flow_globex', event: 'closed', step: 'permissions' },
    ],
    requests: [{ at: 2.5, method: 'GET', path: '/v1/meta/permissions', status: 403 }],
  });
  // initech: fails at credentials
  operation({
    tool: 'personio',
    integrationId: 'int_personio_initech',
    customerId: 'cust_initech',
    traceId: FLOW_TRACES.initech,
    startMs: BASE_MS - 140 * MIN,
    outcome: 'failure',
    events: [
      { at: 0, flowId: 'flow_initech', session: 'sess_initech_1', event: 'flow_opened', step: 'select_tool' },
      { at: 1, flowId: 'flow_initech', session: 'sess_initech_1', event: 'credentials_submitted', step: 'credentials' },
      {
        at: 2,
        flowId: 'flow_initech',
        session: 'sess_initech_1',
        event: 'failed',
        step: 'credentials',
        details: { reason: 'tool returned 500' },
      },
    ],
    requests: [],
  });

  // six hourly syncs of one integration; the last reads 310 employees instead of ~1200
  const reads = {
    employees: [1180, 1204, 1199, 1210, 1215, 310],
    absences: [88, 91, 90, 87, 93, 92],
    teams: [12, 12, 12, 13, 13, 13],
  };
  SYNC_TRACES.forEach((traceId, s) => {
    const startMs = BASE_MS - (6 - s) * 60 * MIN - 20 * MIN;
    const rootSpan = hex(span++, 16);
    const common = {
      trace_id: traceId,
      span_id: rootSpan,
      integration_log_type: 'sync',
      integration_tool: 'bamboohr',
      integration_id: 'int_bamboohr_hooli',
      integration_customer_id: 'cust_hooli',
      integration_operation: 'delta',
    };
    Object.entries(reads).forEach(([model, values], m) => {
      const read = values[s];
      const failed = model === 'employees' && s === 5 ? 3 : 0;
      push(
        startMs + (m + 1) * 1000,
        {
          ...common,
          event_name: 'integration.sync.model',
          integration_sync_model: model,
          integration_sync_records_read: String(read),
          integration_sync_records_created: String(model === 'employees' ? s + 1 : 0),
          integration_sync_records_updated: String(Math.floor(read / 50)),
          integration_sync_records_deleted: '0',
          integration_sync_records_failed: String(failed),
        },
        `${model}: read ${read}`
      );
    });
    if (s === 5) {
      push(
        startMs + 2500,
        { ...common, event_name: 'integration.warning', integration_sync_model: 'employees', severity_text: 'WARN' },
        '3 employees skipped: missing email'
      );
      push(
        startMs + 3500,
        { ...common, event_name: 'integration.warning', severity_text: 'WARN' },
        'rate limited by bamboohr, retried after 2 s'
      );
    }
    const durationMs = 5000;
    push(
      startMs + durationMs,
      {
        ...common,
        event_name: 'integration.operation',
        integration_outcome: s === 5 ? 'partial' : 'success',
        integration_operation_duration_ms: String(durationMs),
        integration_request_count: '0',
        integration_request_4xx_count: '0',
        integration_request_5xx_count: '0',
      },
      `sync bamboohr delta: ${s === 5 ? 'partial' : 'success'} in 5.0s, 0 requests`
    );
  });
  return records;
}
