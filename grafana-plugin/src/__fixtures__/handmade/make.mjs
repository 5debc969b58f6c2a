#!/usr/bin/env node
// HAND-MADE fixtures, not recorded from a real Loki: written from Loki's documented
// query_range response shape and docs/telemetry.md until recordings exist
// (see ../recorded/README.md once present). Deterministic: rerun to regenerate.
//   node src/__fixtures__/handmade/make.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_MS = Date.UTC(2026, 10, 26, 12, 0, 0); // 2026-11-26T12:00:00Z
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const ns = (ms) => `${BigInt(Math.round(ms * 1000)) * 1000n}`;

const TOOLS = ['personio', 'bamboohr', 'greenhouse', 'hubspot', 'workday'];
const TYPES = ['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'];
const OPS = {
  sync: ['delta', 'full'],
  action: ['create_employee', 'update_application'],
  passthrough: ['GET /v1/employees', 'POST /v1/notes'],
  incoming_webhook: ['employee.updated', 'candidate.hired'],
  connection_flow: ['credentials_submitted', 'connected'],
};

const records = []; // { tsNs, line, labels }
function push(ms, labels, line) {
  records.push({
    tsNs: ns(ms),
    line,
    labels: {
      service_name: labels.service_name ?? 'hris-sync',
      deployment_environment_name: 'production',
      detected_level: labels.detected_level ?? 'info',
      observed_timestamp: ns(ms + 3),
      scope_name: '@integration-logs/instrumentation',
      severity_text: labels.severity_text ?? 'INFO',
      ...labels,
    },
  });
}

function requestBody(method, url, status, opts = {}) {
  const respBody = opts.responseBody ?? (status >= 400 ? '{"error":"email missing","field":"email"}' : '{"data":[{"id":1,"name":"Ada"}],"next":null}');
  return JSON.stringify({
    request: {
      method,
      url,
      headers: { 'content-type': 'application/json', authorization: '[REDACTED]', 'user-agent': 'integration-logs/0.1' },
      body: method === 'GET' ? null : '{"name":"Ada","email":"","password":"[REDACTED]"}',
      bodyEncoding: 'utf8',
      bodySize: method === 'GET' ? 0 : 52,
      bodyTruncated: false,
    },
    response: opts.noResponse
      ? null
      : {
          status,
          headers: { 'content-type': 'application/json', 'x-request-id': hex(8), ...(opts.responseHeaders ?? {}) },
          body: respBody,
          bodyEncoding: 'utf8',
          bodySize: opts.bodySize ?? respBody.length,
          bodyTruncated: opts.truncated ?? false,
        },
    durationMs: opts.durationMs ?? 80,
  });
}

const N = 40;
for (let i = 0; i < N; i++) {
  const type = TYPES[i % TYPES.length];
  const tool = TOOLS[i % TOOLS.length];
  const traceId = hex(32);
  const rootSpan = hex(16);
  const integrationId = `int_${tool}_${(i % 7) + 1}`;
  const customerId = `cust_${(i % 4) + 1}`;
  const operation = pick(OPS[type]);
  const endMs = BASE_MS - i * 7 * 60_000 - Math.floor(rand() * 60_000);
  const nReq = type === 'sync' ? 6 + (i % 5) : type === 'connection_flow' ? 2 : 1;
  const with4xx = i % 6 === 1;
  const with5xx = i % 9 === 4;
  const durationMs = nReq * 120 + Math.floor(rand() * 400);
  const startMs = endMs - durationMs;
  const common = {
    trace_id: traceId,
    integration_log_type: type,
    integration_tool: tool,
    integration_id: integrationId,
    integration_customer_id: customerId,
    integration_operation: operation,
  };
  let c4 = 0;
  let c5 = 0;
  for (let r = 0; r < nReq; r++) {
    const t = startMs + ((r + 1) * durationMs) / (nReq + 1);
    let status = 200;
    const opts = { durationMs: 40 + Math.floor(rand() * 200) };
    const extra = {};
    if (with4xx && r === 1) {
      status = r % 2 ? 429 : 422;
      opts.responseHeaders = { 'retry-after': '2', 'x-ratelimit-remaining': '0' };
      extra.integration_ratelimit_retry_after_s = '2';
      extra.integration_ratelimit_limit = '100';
      extra.integration_ratelimit_remaining = '0';
      extra.integration_ratelimit_reset = '2';
    }
    if (with4xx && r === 2) {
      extra.http_request_resend_count = '1';
    }
    if (with5xx && r === nReq - 1) {
      status = 503;
    }
    if (i === 0 && r === 0) {
      const big = JSON.stringify({ data: Array.from({ length: 400 }, (_, k) => ({ id: k, name: `Employee ${k}`, email: '[REDACTED]' })) });
      opts.responseBody = big.slice(0, 16384);
      opts.truncated = true;
      opts.bodySize = big.length;
    }
    if (status >= 400 && status < 500) {c4++;}
    if (status >= 500) {c5++;}
    const method = type === 'action' ? 'POST' : 'GET';
    const template = type === 'action' ? '/v1/employees' : r % 2 ? '/v1/employees/{id}' : '/v1/employees';
    const url = `https://api.${tool}.example${template.replace('{id}', String(1000 + r))}?page=${r}&api_key=REDACTED`;
    push(
      t,
      {
        ...common,
        span_id: hex(16),
        event_name: 'integration.request',
        http_request_method: method,
        url_full: url,
        url_template: template,
        server_address: `api.${tool}.example`,
        http_response_status_code: String(status),
        integration_request_duration_ms: String(opts.durationMs),
        ...(status >= 400 ? { error_type: String(status), detected_level: 'error', severity_text: 'ERROR' } : {}),
        ...extra,
      },
      requestBody(method, url, status, opts)
    );
  }
  if (type === 'sync') {
    for (const model of ['employees', 'teams']) {
      push(
        startMs + durationMs * 0.9,
        {
          ...common,
          span_id: rootSpan,
          event_name: 'integration.sync.model',
          integration_sync_model: model,
          integration_sync_records_read: String(120 + i),
          integration_sync_records_created: '3',
          integration_sync_records_updated: '7',
          integration_sync_records_deleted: '0',
          integration_sync_records_failed: with4xx ? '1' : '0',
        },
        `${model}: read ${120 + i}, created 3, updated 7, deleted 0`
      );
    }
    if (with4xx) {
      push(startMs + durationMs * 0.95, { ...common, span_id: rootSpan, event_name: 'integration.warning', integration_sync_model: 'employees', detected_level: 'warn', severity_text: 'WARN' }, 'employee 1001 skipped: email missing');
    }
  }
  if (type === 'connection_flow') {
    const flowId = `flow_${i}`;
    for (const [k, ev] of ['flow_opened', 'tool_selected', 'credentials_submitted'].entries()) {
      push(
        startMs + k * 10,
        {
          ...common,
          span_id: rootSpan,
          event_name: 'integration.flow.event',
          integration_flow_id: flowId,
          integration_flow_session_id: `sess_${i}`,
          integration_flow_event: ev,
          integration_flow_step: ev,
        },
        JSON.stringify({ event: ev })
      );
    }
  }
  const outcome = c5 ? 'failure' : c4 ? 'partial' : 'success';
  const summary = `${type} ${tool} ${operation}: ${outcome} in ${(durationMs / 1000).toFixed(1)}s, ${nReq} requests${c4 ? ` (${c4} 4xx)` : ''}${c5 ? ` (${c5} 5xx)` : ''}`;
  push(
    endMs,
    {
      ...common,
      span_id: rootSpan,
      event_name: 'integration.operation',
      integration_outcome: outcome,
      integration_operation_duration_ms: String(durationMs),
      integration_request_count: String(nReq),
      integration_request_4xx_count: String(c4),
      integration_request_5xx_count: String(c5),
      ...(outcome === 'failure' ? { error_type: 'HttpError', detected_level: 'error', severity_text: 'ERROR' } : {}),
    },
    summary
  );
}

// Loki without categorized labels merges structured metadata into the stream labels: each
// distinct label set is a stream; values newest first for direction=backward.
function toResponse(recs) {
  const streams = new Map();
  for (const r of [...recs].sort((a, b) => (BigInt(b.tsNs) > BigInt(a.tsNs) ? 1 : -1))) {
    const key = JSON.stringify(Object.entries(r.labels).sort());
    if (!streams.has(key)) {streams.set(key, { stream: r.labels, values: [] });}
    streams.get(key).values.push([r.tsNs, r.line]);
  }
  return {
    status: 'success',
    data: { resultType: 'streams', result: [...streams.values()], stats: { summary: { totalEntriesReturned: recs.length } } },
  };
}

writeFileSync(join(here, 'loki-all-records.json'), JSON.stringify(toResponse(records), null, 1) + '\n');
const ops = records.filter((r) => r.labels.event_name === 'integration.operation');
writeFileSync(join(here, 'loki-operations.json'), JSON.stringify(toResponse(ops), null, 1) + '\n');
const firstTrace = ops.sort((a, b) => (BigInt(b.tsNs) > BigInt(a.tsNs) ? 1 : -1))[0].labels.trace_id;
writeFileSync(join(here, 'loki-trace-records.json'), JSON.stringify(toResponse(records.filter((r) => r.labels.trace_id === firstTrace)), null, 1) + '\n');
console.log(`wrote ${records.length} records, ${ops.length} operations; first trace ${firstTrace}`);
