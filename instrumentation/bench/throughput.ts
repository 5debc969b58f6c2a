/**
 * (e) of the benchmark: the SDK's maximum sustained export rate per core, OTLP http/json
 * against http/protobuf, to a plain local sink in another process. The telemetry is real:
 * spans and `integration.request` records (bodies built) from requests in scopes, exported
 * again and again by the SDK's exporters, one batch of 512 per signal in flight as the
 * batch processors do. Rate = exported items (spans + records) per CPU second of this
 * process; rounds of the two protocols interleave. Prints one BenchRow as JSON.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { context, logs, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  type LogRecordExporter,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter, TracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
import { integrationLogsComponents } from '../src/index.js';
import { createLogExporter, createSpanExporter, type OtlpProtocol } from '../src/otlp-exporters.js';
import type { BenchRow } from './types.js';

const toolUrl = process.env.TOOL_URL!;
const seconds = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 6);
const ROUNDS = 6;
const BATCH = 512;

/** Real spans and records: requests in scopes through the SDK, kept by in-memory exporters. */
async function sampleTelemetry(): Promise<{ spans: ReadableSpan[]; records: ReadableLogRecord[] }> {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const spanExporter = new InMemorySpanExporter();
  const logExporter = new InMemoryLogRecordExporter();
  const c = integrationLogsComponents({ spanExporter, logExporter, instrumentHttp: false });
  const tp = new TracerProvider({ spanProcessors: c.spanProcessors });
  const lp = new LoggerProvider({ processors: c.logRecordProcessors });
  trace.setGlobalTracerProvider(tp);
  logs.setGlobalLoggerProvider(lp);
  for (const i of c.instrumentations) i.setTracerProvider(tp);
  for (let s = 0; s < 16; s++) {
    await c.integrationLogs.sync(
      { tool: 'bench', integrationId: `int-${s}`, customerId: 'cust-1', operation: 'delta' },
      async () => {
        for (let i = 0; i < 32; i++)
          await (
            await fetch(`${toolUrl}/v1/employees/${i}?page=${s}`, { headers: { authorization: 'Bearer x' } })
          ).text();
      }
    );
  }
  await tp.forceFlush();
  await lp.forceFlush();
  c.disable();
  return { spans: spanExporter.getFinishedSpans().slice(), records: logExporter.getFinishedLogRecords().slice() };
}

function batchOf<T>(items: T[]): T[] {
  const out: T[] = [];
  while (out.length < BATCH) out.push(...items.slice(0, BATCH - out.length));
  return out;
}

const exportOnce = <T>(exporter: { export(items: T[], cb: (r: ExportResult) => void): void }, items: T[]) =>
  new Promise<void>((resolve, reject) =>
    exporter.export(items, (r) =>
      r.code === ExportResultCode.SUCCESS ? resolve() : reject(r.error ?? new Error('export failed'))
    )
  );

/** Exports batches of both signals for `ms`; returns items exported and CPU ms used. */
async function drive(
  spanExporter: SpanExporter,
  logExporter: LogRecordExporter,
  spans: ReadableSpan[],
  records: ReadableLogRecord[],
  ms: number
) {
  let items = 0;
  const cpu0 = process.cpuUsage();
  const until = Date.now() + ms;
  const loop = async <T>(exporter: { export(items: T[], cb: (r: ExportResult) => void): void }, batch: T[]) => {
    while (Date.now() < until) {
      await exportOnce(exporter, batch);
      items += batch.length;
    }
  };
  await Promise.all([loop(spanExporter, spans), loop(logExporter, records)]);
  const cpu = process.cpuUsage(cpu0);
  return { items, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main() {
  const sink = fork(path.join(__dirname, 'sink-process.js'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<string>((resolve) =>
    sink.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    const sample = await sampleTelemetry();
    const spans = batchOf(sample.spans);
    const records = batchOf(sample.records);
    const protocols: OtlpProtocol[] = ['http/json', 'http/protobuf'];
    const exporters = new Map(
      protocols.map((p) => [
        p,
        {
          spans: createSpanExporter({ url: `${base}/v1/traces` }, p),
          logs: createLogExporter({ url: `${base}/v1/logs` }, p),
        },
      ])
    );
    const rates = new Map<OtlpProtocol, number[]>(protocols.map((p) => [p, []]));
    for (const p of protocols) await drive(exporters.get(p)!.spans, exporters.get(p)!.logs, spans, records, 500); // warm up
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of r % 2 ? [...protocols].reverse() : protocols) {
        const { items, cpuMs } = await drive(
          exporters.get(p)!.spans,
          exporters.get(p)!.logs,
          spans,
          records,
          (seconds * 1000) / ROUNDS / protocols.length
        );
        rates.get(p)!.push(items / (cpuMs / 1000));
      }
    }
    for (const e of exporters.values()) await Promise.all([e.spans.shutdown(), e.logs.shutdown()]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const json = median(rates.get('http/json')!);
    const proto = median(rates.get('http/protobuf')!);
    const recordBytes = Math.round(records.reduce((n, l) => n + String(l.body).length, 0) / records.length);
    const row: BenchRow = {
      name: '(e) export throughput per core, http/protobuf vs http/json',
      ratio: proto / json,
      target: 'report',
      detail: `items (spans + integration.request records, record body ~${recordBytes} B) exported per CPU second of the exporting process to a plain local sink in another process, median of ${ROUNDS} interleaved rounds over ${seconds} s, batches of ${BATCH} per signal: http/protobuf ${Math.round(proto)}/s, http/json ${Math.round(json)}/s`,
    };
    process.stdout.write(JSON.stringify(row) + '\n');
  } finally {
    sink.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
