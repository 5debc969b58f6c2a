/**
 * Browser side of the list benchmarks: renders N operations in the app's OperationsTable, or
 * N requests in the Requests page's RequestTable, or either in a plain @grafana/ui Table fed
 * the same rows, and measures mount to first painted frame, then a scroll through the list
 * one screen per frame.
 */
import React from 'react';
import { createRoot, Root } from 'react-dom/client';
import { applyFieldOverrides, createDataFrame, createTheme, FieldType } from '@grafana/data';
import { Table, ThemeContext } from '@grafana/ui';
import { OperationsTable } from '../src/components/OperationsTable/OperationsTable';
import { RequestTable } from '../src/components/RequestLogs/RequestTable';
import { toOperation } from '../src/domain/operations';
import { toRequestLog } from '../src/domain/requests';
import { LogRecord, Operation, RequestLog } from '../src/domain/types';

const theme = createTheme({ colors: { mode: 'dark' } });
const TYPES = ['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'];
const TOOLS = ['personio', 'bamboohr', 'greenhouse', 'hubspot', 'workday'];
const WIDTH = 1500;
const HEIGHT = 800;

function operations(n: number): Operation[] {
  const base = Date.UTC(2026, 10, 26, 12);
  const out: Operation[] = [];
  for (let i = 0; i < n; i++) {
    const ms = base - i * 1000;
    const record: LogRecord = {
      timestampNs: `${ms}000000`,
      timeMs: ms,
      eventName: 'integration.operation',
      traceId: i.toString(16).padStart(32, '0'),
      spanId: i.toString(16).padStart(16, '0'),
      body: `summary ${i}`,
      attributes: {
        event_name: 'integration.operation',
        integration_log_type: TYPES[i % 5]!,
        integration_tool: TOOLS[(i * 7) % 5]!,
        integration_id: `int_${i % 97}`,
        integration_customer_id: `cust_${i % 31}`,
        integration_operation: `op_${i % 13}`,
        integration_outcome: i % 11 === 0 ? 'failure' : 'success',
        integration_operation_duration_ms: String(100 + (i % 900)),
        integration_request_count: String(i % 20),
        integration_request_4xx_count: String(i % 7 === 0 ? 1 : 0),
        integration_request_5xx_count: String(i % 13 === 0 ? 1 : 0),
      },
    };
    out.push(toOperation(record)!);
  }
  return out;
}

const STATUSES = ['200', '200', '200', '201', '404', '403', '429', '500', '503', '200'];

/** Request logs as the Requests page holds them: attributes and a JSON body with both bodies. */
function requests(n: number): RequestLog[] {
  const base = Date.UTC(2026, 10, 26, 12);
  const out: RequestLog[] = [];
  for (let i = 0; i < n; i++) {
    const ms = base - i * 200;
    const status = STATUSES[i % STATUSES.length]!;
    const url = `https://api.${TOOLS[i % 5]}.example/v1/employees/${i}?page=${i % 9}`;
    const record: LogRecord = {
      timestampNs: `${ms}000000`,
      timeMs: ms,
      eventName: 'integration.request',
      traceId: (i >> 3).toString(16).padStart(32, '0'),
      spanId: i.toString(16).padStart(16, '0'),
      body: JSON.stringify({
        request: { method: 'GET', url, headers: { accept: 'application/json' }, body: null },
        response: { status: Number(status), headers: {}, body: JSON.stringify({ id: i, name: `Employee ${i}` }) },
        durationMs: 20 + (i % 300),
      }),
      attributes: {
        event_name: 'integration.request',
        integration_log_type: TYPES[i % 5]!,
        integration_tool: TOOLS[i % 5]!,
        integration_customer_id: `cust_${i % 31}`,
        http_request_method: 'GET',
        url_full: url,
        url_template: '/v1/employees/{id}',
        server_address: `api.${TOOLS[i % 5]}.example`,
        http_response_status_code: status,
        integration_request_duration_ms: String(20 + (i % 300)),
        ...(i % 10 === 6 ? { integration_ratelimit_retry_after_s: '3', integration_ratelimit_remaining: '0' } : {}),
      },
    };
    out.push(toRequestLog(record)!);
  }
  return out;
}

function operationsFrame(ops: Operation[]) {
  return withOverrides(
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: ops.map((o) => o.startMs) },
        { name: 'Type', type: FieldType.string, values: ops.map((o) => o.logType) },
        { name: 'Tool', type: FieldType.string, values: ops.map((o) => o.tool) },
        { name: 'Integration', type: FieldType.string, values: ops.map((o) => o.integrationId) },
        { name: 'Customer', type: FieldType.string, values: ops.map((o) => o.customerId) },
        { name: 'Operation', type: FieldType.string, values: ops.map((o) => o.operation) },
        { name: 'Outcome', type: FieldType.string, values: ops.map((o) => o.outcome) },
        { name: 'Duration', type: FieldType.number, values: ops.map((o) => o.durationMs), config: { unit: 'ms' } },
        { name: 'Requests', type: FieldType.number, values: ops.map((o) => o.requestCount) },
      ],
    })
  );
}

function requestsFrame(reqs: RequestLog[]) {
  return withOverrides(
    createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: reqs.map((r) => r.timeMs) },
        { name: 'Tool', type: FieldType.string, values: reqs.map((r) => r.tool) },
        { name: 'Method', type: FieldType.string, values: reqs.map((r) => r.method) },
        { name: 'Path', type: FieldType.string, values: reqs.map((r) => r.path) },
        { name: 'Status', type: FieldType.number, values: reqs.map((r) => r.status) },
        { name: 'Duration', type: FieldType.number, values: reqs.map((r) => r.durationMs), config: { unit: 'ms' } },
        { name: 'Customer', type: FieldType.string, values: reqs.map((r) => r.customerId) },
        { name: 'Retry-After', type: FieldType.number, values: reqs.map((r) => r.retryAfterS) },
      ],
    })
  );
}

function withOverrides(frame: ReturnType<typeof createDataFrame>) {
  return applyFieldOverrides({
    data: [frame],
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (v: string) => v,
    theme,
    timeZone: 'utc',
  })[0]!;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let root: Root | null = null;
let host: HTMLDivElement | null = null;

function scroller(): HTMLElement {
  // the element that scrolls: the tallest overflowing descendant of the host
  const all = Array.from(host!.querySelectorAll<HTMLElement>('*'));
  const candidates = all.filter(
    (el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible'
  );
  candidates.sort((a, b) => b.scrollHeight - a.scrollHeight);
  if (!candidates[0]) {
    throw new Error('no scrolling element');
  }
  return candidates[0];
}

type Kind = 'list' | 'table' | 'requests' | 'requestsTable';

function view(kind: Kind, n: number): React.ReactElement {
  switch (kind) {
    case 'list':
      return <OperationsTable operations={operations(n)} onOpen={() => {}} height={HEIGHT - 40} />;
    case 'table':
      return <Table data={operationsFrame(operations(n))} width={WIDTH} height={HEIGHT} />;
    case 'requests':
      return (
        <RequestTable
          requests={requests(n)}
          columns={['time', 'tool', 'method', 'path', 'status', 'duration', 'customer', 'facts']}
          selectedId={null}
          onOpen={() => {}}
          height={HEIGHT - 40}
        />
      );
    case 'requestsTable':
      return <Table data={requestsFrame(requests(n))} width={WIDTH} height={HEIGHT} />;
  }
}

async function run(kind: Kind, n: number, scrollSteps: number) {
  root?.unmount();
  host?.remove();
  host = document.createElement('div');
  document.body.appendChild(host);
  await nextFrame();
  // the rows (and the Table's frame) are built before the clock starts, as the page has them
  const element = view(kind, n);
  const t0 = performance.now();
  root = createRoot(host);
  root.render(<ThemeContext.Provider value={theme}>{element}</ThemeContext.Provider>);
  await nextFrame();
  await nextFrame();
  const mountMs = performance.now() - t0;
  const el = scroller();
  const t1 = performance.now();
  for (let i = 1; i <= scrollSteps; i++) {
    el.scrollTop = (el.scrollHeight * i) / scrollSteps;
    await nextFrame();
  }
  const scrollMs = performance.now() - t1;
  const rows = host.querySelectorAll('[role=row]').length;
  return { mountMs, scrollMs, rows };
}

(window as unknown as { runBench: typeof run }).runBench = run;
document.title = 'bench-ready';
