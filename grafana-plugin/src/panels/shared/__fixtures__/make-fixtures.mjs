// Writes the data-frame fixtures in this folder (see README.md). Run: node make-fixtures.mjs
// They are TypeScript modules, not .json files, because the plugin build copies every
// src/**/*.json into dist.
import { writeFileSync } from 'node:fs';

const MIN = 60_000n * 1_000_000n; // one minute in ns
const T0 = BigInt(Date.UTC(2026, 10, 24, 9, 0, 0)) * 1_000_000n;

// Go's hash/fnv New32 (FNV-1, not 1a), as grafana pkg/tsdb/loki/frame.go calculateCheckSum uses.
function fnv32(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash = (hash ^ byte) >>> 0;
  }
  return hash.toString(16);
}

const INDEX = ['service_name', 'deployment_environment_name'];

/** Rows -> the frame Grafana's Loki backend sends to the browser (legacy or dataplane names). */
function lokiLogFrame(rows, { dataplane = false, expr }) {
  const seen = new Map();
  const labels = [], times = [], nanos = [], lines = [], tsNs = [], types = [], ids = [];
  for (const row of rows) {
    const ns = row.ns.toString();
    const labelsJson = JSON.stringify(row.labels);
    const sum = `${ns}_${fnv32(`${row.line}_${labelsJson}`)}`;
    const count = seen.get(sum) ?? 0;
    seen.set(sum, count + 1);
    labels.push(row.labels);
    times.push(Number(row.ns / 1_000_000n));
    nanos.push(Number(row.ns % 1_000_000n));
    lines.push(row.line);
    tsNs.push(ns);
    types.push(Object.fromEntries(Object.keys(row.labels).map((k) => [k, INDEX.includes(k) ? 'I' : 'S'])));
    ids.push(count ? `${sum}_${count}` : sum);
  }
  const field = (name, type, frame, extra = {}) => ({ name, type, typeInfo: { frame }, ...extra });
  const labelTypes = field('labelTypes', 'other', 'json.RawMessage', { config: { custom: { hidden: true } } });
  if (dataplane) {
    return {
      schema: {
        meta: { type: 'log-lines', typeVersion: [0, 0], executedQueryString: `Expr: ${expr}` },
        fields: [
          field('labels', 'other', 'json.RawMessage'),
          field('timestamp', 'time', 'time.Time'),
          field('body', 'string', 'string'),
          field('id', 'string', 'string'),
          labelTypes,
        ],
      },
      data: { values: [labels, times, lines, ids, types], nanos: [null, nanos, null, null, null] },
    };
  }
  return {
    schema: {
      meta: { typeVersion: [0, 0], custom: { frameType: 'LabeledTimeValues' }, executedQueryString: `Expr: ${expr}` },
      fields: [
        field('labels', 'other', 'json.RawMessage'),
        field('Time', 'time', 'time.Time'),
        field('Line', 'string', 'string'),
        field('tsNs', 'string', 'string'),
        labelTypes,
        field('id', 'string', 'string'),
      ],
    },
    data: { values: [labels, times, lines, tsNs, types, ids], nanos: [null, nanos, null, null, null, null] },
  };
}

const hex = (n, len) => n.toString(16).padStart(len, '0');

// ---- connection flows ----
function flowRow(minute, flow, event, step, details, sessionId) {
  const labels = {
    service_name: 'connect-backend',
    deployment_environment_name: 'production',
    event_name: 'integration.flow.event',
    integration_log_type: 'connection_flow',
    integration_tool: flow.tool,
    integration_customer_id: flow.customer,
    integration_operation: step,
    integration_flow_id: flow.id,
    integration_flow_event: event,
    integration_flow_step: step,
    ...(sessionId ? { integration_flow_session_id: sessionId } : {}),
    severity_text: 'INFO',
    span_id: hex(flow.n * 1000 + minute, 16),
    trace_id: hex(flow.n * 100000 + Math.floor(minute / 30), 32),
  };
  return { ns: T0 + BigInt(minute) * MIN + BigInt(flow.n * 1000 + 123), labels, line: JSON.stringify(details) };
}
const personio = { id: 'flow-personio-acme', n: 1, tool: 'personio', customer: 'acme' };
const bamboo = { id: 'flow-bamboohr-globex', n: 2, tool: 'bamboohr', customer: 'globex' };
const failed = { id: 'flow-personio-initech', n: 3, tool: 'personio', customer: 'initech' };
const flowRows = [
  // two identified sessions 2 h 14 min apart, connected in the second
  flowRow(0, personio, 'flow_opened', 'select_tool', { endUserId: 'hr-admin@acme.example' }, 'sess-a1'),
  flowRow(1, personio, 'tool_selected', 'select_tool', { tool: 'personio' }, 'sess-a1'),
  flowRow(3, personio, 'credentials_submitted', 'credentials', { fields: ['client_id', 'client_secret'] }, 'sess-a1'),
  flowRow(4, personio, 'credentials_invalid', 'credentials', { status: 401, message: 'invalid client secret' }, 'sess-a1'),
  flowRow(4 + 134 + 1, personio, 'flow_opened', 'credentials', {}, 'sess-a2'),
  flowRow(4 + 134 + 3, personio, 'credentials_submitted', 'credentials', {}, 'sess-a2'),
  flowRow(4 + 134 + 4, personio, 'connected', 'done', { integrationId: 'int-personio-acme' }, 'sess-a2'),
  flowRow(4 + 134 + 5, personio, 'closed', 'done', {}, 'sess-a2'),
  // no session ids: split by the 30 min gap; stops at permissions
  flowRow(20, bamboo, 'flow_opened', 'select_tool', { endUserId: 'it@globex.example' }),
  flowRow(21, bamboo, 'tool_selected', 'select_tool', {}),
  flowRow(80, bamboo, 'flow_opened', 'select_tool', {}),
  flowRow(82, bamboo, 'credentials_submitted', 'credentials', {}),
  flowRow(83, bamboo, 'permissions_missing', 'permissions', { missing: ['employees:read'] }),
  flowRow(84, bamboo, 'closed', 'permissions', {}),
  // fails at credentials
  flowRow(40, failed, 'flow_opened', 'select_tool', {}, 'sess-c1'),
  flowRow(41, failed, 'credentials_submitted', 'credentials', {}, 'sess-c1'),
  flowRow(42, failed, 'failed', 'credentials', { reason: 'tool returned 500' }, 'sess-c1'),
];
flowRows.push({ ...flowRows[12] }); // the same record delivered twice
// Loki returns newest first (direction=backward)
flowRows.sort((a, b) => (a.ns < b.ns ? 1 : a.ns > b.ns ? -1 : 0));
const flowExpr = '{service_name=~".+"} | event_name="integration.flow.event"';

// ---- sync metrics ----
const syncRows = [];
const reads = { employees: [1180, 1204, 1199, 1210, 1215, 310], absences: [88, 91, 90, 87, 93, 92], teams: [12, 12, 12, 13, 13, 13] };
for (let s = 0; s < 6; s++) {
  const trace = hex(0xabc000 + s, 32);
  const base = T0 + BigInt(s) * 60n * MIN; // hourly syncs
  Object.entries(reads).forEach(([model, values], m) => {
    const read = values[s];
    const created = model === 'employees' ? s + 1 : 0;
    const failedCount = model === 'employees' && s === 5 ? 3 : 0;
    syncRows.push({
      ns: base + BigInt(m + 1) * 1_000_000_000n,
      labels: {
        service_name: 'hris-sync',
        deployment_environment_name: 'production',
        event_name: 'integration.sync.model',
        integration_log_type: 'sync',
        integration_tool: 'personio',
        integration_id: 'int-personio-acme',
        integration_customer_id: 'acme',
        integration_operation: 'delta',
        integration_sync_model: model,
        integration_sync_records_read: String(read),
        integration_sync_records_created: String(created),
        integration_sync_records_updated: String(Math.floor(read / 50)),
        integration_sync_records_deleted: '0',
        integration_sync_records_failed: String(failedCount),
        span_id: hex(0x5000 + s * 10 + m, 16),
        trace_id: trace,
      },
      line: `${model}: ${read} read, ${created} created, ${Math.floor(read / 50)} updated, 0 deleted, ${failedCount} failed`,
    });
  });
  if (s === 5) {
    const warning = (model, message, sec) => ({
      ns: base + BigInt(sec) * 1_000_000_000n,
      labels: {
        service_name: 'hris-sync',
        deployment_environment_name: 'production',
        event_name: 'integration.warning',
        integration_log_type: 'sync',
        integration_tool: 'personio',
        integration_id: 'int-personio-acme',
        integration_customer_id: 'acme',
        integration_operation: 'delta',
        ...(model ? { integration_sync_model: model } : {}),
        span_id: hex(0x6000 + sec, 16),
        trace_id: trace,
      },
      line: message,
    });
    syncRows.push(warning('employees', '3 employees skipped: missing email', 2));
    syncRows.push(warning(undefined, 'rate limited by personio, retried after 2 s', 3));
  }
}
syncRows.sort((a, b) => (a.ns < b.ns ? 1 : a.ns > b.ns ? -1 : 0));
const syncExpr = '{service_name="hris-sync"} | integration_id="int-personio-acme" | event_name=~"integration.sync.model|integration.warning"';

// Prometheus-style matrix frames (Grafana's Prometheus data source: Time + Value with labels).
function promFrame(model, count, points, refId) {
  return {
    schema: {
      refId,
      meta: { type: 'timeseries-multi', typeVersion: [0, 1] },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' }, config: { interval: 3600000 } },
        {
          name: 'Value',
          type: 'number',
          typeInfo: { frame: 'float64' },
          labels: { integration_sync_model: model },
          config: { displayNameFromDS: `${count} ${model}` },
        },
      ],
    },
    data: { values: [points.map((_, i) => Number(T0 / 1_000_000n) + i * 3600000), points] },
  };
}

const write = (name, frames, note) =>
  writeFileSync(
    new URL(name, import.meta.url),
    `// Generated by make-fixtures.mjs. ${note}\nimport type { DataFrameJSON } from '@grafana/data';\n\n` +
      `// Wire JSON has plain strings where @grafana/data declares enums (FieldType, DataFrameType).\n` +
      `const frames = ${JSON.stringify(frames, null, 1)};\n\nexport default frames as unknown as DataFrameJSON[];\n`,
  );
write('lokiFlowEvents.legacy.ts', [lokiLogFrame(flowRows, { expr: flowExpr })], `Loki log frame, legacy field names. Expr: ${flowExpr}`);
write('lokiFlowEvents.dataplane.ts', [lokiLogFrame(flowRows, { expr: flowExpr, dataplane: true })], 'Loki log frame, dataplane field names (lokiLogsDataplane toggle).');
write('lokiSyncModels.legacy.ts', [lokiLogFrame(syncRows, { expr: syncExpr })], `Loki log frame, legacy field names. Expr: ${syncExpr}`);
write(
  'prometheusSyncRead.ts',
  Object.entries(reads).map(([model, values]) => promFrame(model, 'read', values, 'A')),
  'Prometheus matrix frames: one Time/Value frame per series, value field labels carry the model.',
);
