/**
 * Browser side of the list benchmark: renders N operations either in the app's
 * OperationsTable or in a plain @grafana/ui Table fed the same rows, and measures mount to
 * first painted frame, then a scroll through the list one screen per frame.
 */
import React from 'react';
import { createRoot, Root } from 'react-dom/client';
import { applyFieldOverrides, createDataFrame, createTheme, FieldType } from '@grafana/data';
import { Table, ThemeContext } from '@grafana/ui';
import { OperationsTable } from '../src/components/OperationsTable/OperationsTable';
import { toOperation } from '../src/domain/operations';
import { LogRecord, Operation } from '../src/domain/types';

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

function tableFrame(ops: Operation[]) {
  const frame = createDataFrame({
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
  });
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
  const candidates = all.filter((el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible');
  candidates.sort((a, b) => b.scrollHeight - a.scrollHeight);
  if (!candidates[0]) {
    throw new Error('no scrolling element');
  }
  return candidates[0];
}

async function run(kind: 'list' | 'table', n: number, scrollSteps: number) {
  const ops = operations(n);
  const frame = kind === 'table' ? tableFrame(ops) : null;
  root?.unmount();
  host?.remove();
  host = document.createElement('div');
  document.body.appendChild(host);
  await nextFrame();
  const t0 = performance.now();
  root = createRoot(host);
  root.render(
    <ThemeContext.Provider value={theme}>
      {kind === 'list' ? (
        <OperationsTable operations={ops} onOpen={() => {}} height={HEIGHT - 40} />
      ) : (
        <Table data={frame!} width={WIDTH} height={HEIGHT} />
      )}
    </ThemeContext.Provider>
  );
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
