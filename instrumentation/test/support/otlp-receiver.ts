/**
 * A real OTLP/HTTP receiver for tests: listens on 127.0.0.1 (dynamic port), decodes
 * what the OTLP/HTTP exporters send to /v1/traces and /v1/logs, JSON or protobuf (with
 * the generated OTLP types of @opentelemetry/otlp-transformer 0.214, the last release
 * that shipped them), and keeps every raw byte it received so tests can scan them for
 * secrets (protobuf carries strings as plain UTF-8).
 *
 *   const rx = await startOtlpReceiver();
 *   process.env.OTEL_EXPORTER_OTLP_ENDPOINT = rx.url;
 *   ...; await rx.waitFor(() => rx.logs.some(...));
 *   await rx.close();
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** The generated message classes used here (protobufjs static code). */
interface GeneratedMessage {
  decode(raw: Uint8Array): object;
  toObject(message: object, options: { longs: typeof String; enums: typeof Number; bytes: typeof String }): unknown;
}
interface GeneratedOtlp {
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: GeneratedMessage } }; logs: { v1: { ExportLogsServiceRequest: GeneratedMessage } } } } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated: GeneratedOtlp = require('otlp-transformer-protobufjs/build/src/generated/root');
const TraceRequest = generated.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const LogsRequest = generated.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** A protobuf export request as the OTLP JSON mapping's object (ids in base64, which id() reads). */
function decodeProtobuf(url: string | undefined, raw: Buffer): unknown {
  const type = url?.endsWith('/v1/traces') ? TraceRequest : url?.endsWith('/v1/logs') ? LogsRequest : undefined;
  if (!type) return {};
  return type.toObject(type.decode(raw), { longs: String, enums: Number, bytes: String });
}

export type AttrMap = Record<string, unknown>;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: AttrMap;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  events: { name: string; attributes: AttrMap }[];
  resource: AttrMap;
  scope: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

export interface ReceivedLog {
  traceId: string | undefined;
  spanId: string | undefined;
  eventName: string | undefined;
  severityNumber: number | undefined;
  severityText: string | undefined;
  /** Decimal nanoseconds since the epoch. */
  timeUnixNano: string;
  body: unknown;
  attributes: AttrMap;
  resource: AttrMap;
  scope: string;
}

/** How the receiver answers: `ok` (200), `fail` (500), `hang` (never answers). */
export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface OtlpReceiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:41234 */
  url: string;
  spans: ReceivedSpan[];
  logs: ReceivedLog[];
  /** Every request body as received (after content decoding), in order, as UTF-8 text. */
  rawBodies: string[];
  /** Content type of every export request, in order (`application/json`, `application/x-protobuf`). */
  contentTypes: string[];
  /** Count of export requests per path, whatever the mode. */
  requestCount: number;
  /** Request headers of every export request, in order. */
  requestHeaders: http.IncomingHttpHeaders[];
  mode: ReceiverMode;
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Events (log records) by event name. */
  logsByEvent(eventName: string): ReceivedLog[];
  reset(): void;
  close(): Promise<void>;
}

type OtlpAnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
};
type OtlpKeyValue = { key: string; value?: OtlpAnyValue };

export function decodeAnyValue(v: OtlpAnyValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(decodeAnyValue);
  if (v.kvlistValue) return decodeAttributes(v.kvlistValue.values);
  return undefined;
}

export function decodeAttributes(kvs: OtlpKeyValue[] | undefined): AttrMap {
  const out: AttrMap = {};
  for (const kv of kvs ?? []) out[kv.key] = decodeAnyValue(kv.value);
  return out;
}

/** OTLP JSON ids are hex; some encoders use base64. Normalize to lower-case hex. */
function id(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^[0-9a-f]+$/i.test(v) && (v.length === 32 || v.length === 16)) return v.toLowerCase();
  const hex = Buffer.from(v, 'base64').toString('hex');
  return hex || undefined;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function ingestTraces(rx: OtlpReceiver, payload: any): void {
  for (const rs of payload?.resourceSpans ?? []) {
    const resource = decodeAttributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        rx.spans.push({
          traceId: id(s.traceId)!,
          spanId: id(s.spanId)!,
          parentSpanId: id(s.parentSpanId),
          name: s.name,
          kind: Number(s.kind ?? 0),
          attributes: decodeAttributes(s.attributes),
          status: { code: Number(s.status?.code ?? 0), message: s.status?.message },
          events: (s.events ?? []).map((e: any) => ({ name: e.name, attributes: decodeAttributes(e.attributes) })),
          resource,
          scope: ss.scope?.name ?? '',
          startTimeUnixNano: String(s.startTimeUnixNano),
          endTimeUnixNano: String(s.endTimeUnixNano),
        });
      }
    }
  }
}

function ingestLogs(rx: OtlpReceiver, payload: any): void {
  for (const rl of payload?.resourceLogs ?? []) {
    const resource = decodeAttributes(rl.resource?.attributes);
    for (const sl of rl.scopeLogs ?? []) {
      for (const l of sl.logRecords ?? []) {
        rx.logs.push({
          traceId: id(l.traceId),
          spanId: id(l.spanId),
          eventName: l.eventName || undefined,
          severityNumber: l.severityNumber,
          severityText: l.severityText,
          timeUnixNano: String(l.timeUnixNano),
          body: decodeAnyValue(l.body),
          attributes: decodeAttributes(l.attributes),
          resource,
          scope: sl.scope?.name ?? '',
        });
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export async function startOtlpReceiver(initialMode: ReceiverMode = 'ok'): Promise<OtlpReceiver> {
  const hanging = new Set<http.ServerResponse>();
  const rx: OtlpReceiver = {
    url: '',
    spans: [],
    logs: [],
    rawBodies: [],
    contentTypes: [],
    requestCount: 0,
    requestHeaders: [],
    mode: initialMode,
    async waitFor(predicate, timeoutMs = 20_000, what = 'condition') {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`OTLP receiver: timed out waiting for ${what} (${rx.spans.length} spans, ${rx.logs.length} logs received)`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    logsByEvent(eventName) {
      return rx.logs.filter((l) => l.eventName === eventName || l.attributes['event.name'] === eventName);
    },
    reset() {
      rx.spans.length = 0;
      rx.logs.length = 0;
      rx.rawBodies.length = 0;
      rx.contentTypes.length = 0;
      rx.requestCount = 0;
      rx.requestHeaders.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      rx.requestCount++;
      rx.requestHeaders.push(req.headers);
      if (rx.mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (rx.mode === 'fail') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('collector failure');
        return;
      }
      let raw = Buffer.concat(chunks);
      const enc = req.headers['content-encoding'];
      try {
        if (enc === 'gzip') raw = zlib.gunzipSync(raw);
        else if (enc === 'deflate') raw = zlib.inflateSync(raw);
      } catch {
        res.writeHead(400).end('bad content encoding');
        return;
      }
      const text = raw.toString('utf8');
      const contentType = String(req.headers['content-type'] ?? '');
      rx.rawBodies.push(text);
      rx.contentTypes.push(contentType);
      const json = contentType.includes('json');
      if (!json && !contentType.includes('protobuf')) {
        res.writeHead(415).end('this receiver decodes OTLP JSON and protobuf');
        return;
      }
      try {
        const payload = json ? JSON.parse(text) : decodeProtobuf(req.url, raw);
        if (req.url?.endsWith('/v1/traces')) ingestTraces(rx, payload);
        else if (req.url?.endsWith('/v1/logs')) ingestLogs(rx, payload);
        else if (!req.url?.endsWith('/v1/metrics')) {
          res.writeHead(404).end();
          return;
        }
      } catch {
        res.writeHead(400).end(json ? 'invalid JSON' : 'invalid protobuf');
        return;
      }
      if (json) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rx.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return rx;
}
