/**
 * OTLP export requests to plain records, and back for logs. Protobuf goes through the
 * generated OTLP types of @opentelemetry/otlp-transformer 0.214 (the last release that
 * shipped them); JSON is the same OTLP JSON mapping, so both end in the same records.
 */

/** The generated message classes used here (protobufjs static code). */
interface GeneratedMessage {
  decode(raw: Uint8Array): object;
  toObject(message: object, options: { longs: typeof String; enums: typeof Number; bytes: typeof String }): unknown;
  fromObject(value: object): object;
  encode(message: object): { finish(): Uint8Array };
}
interface GeneratedOtlp {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: { ExportTraceServiceRequest: GeneratedMessage } };
        logs: { v1: { ExportLogsServiceRequest: GeneratedMessage } };
      };
    };
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated: GeneratedOtlp = require('otlp-transformer-protobufjs/build/src/generated/root');
const TraceRequest = generated.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const LogsRequest = generated.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** How an export request is encoded: `application/x-protobuf` or `application/json`. */
export type OtlpFormat = 'protobuf' | 'json';

export type AttrMap = Record<string, unknown>;

/** Span kinds as OTLP numbers them. */
export const SpanKind = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
/** Status codes as OTLP numbers them. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client (SpanKind). */
  kind: number;
  attributes: AttrMap;
  /** OTLP status code: 0 unset, 1 ok, 2 error (StatusCode). */
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
  /** Decimal nanoseconds since the epoch (beyond a double's precision). */
  timeUnixNano: string;
  body: unknown;
  attributes: AttrMap;
  resource: AttrMap;
  /** Instrumentation scope name: who wrote the record. */
  scope: string;
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

/** An AnyValue as a plain value: ints as numbers, bytes as base64, an empty value as null. */
export function decodeAnyValue(v: OtlpAnyValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(decodeAnyValue);
  if (v.kvlistValue) return decodeAttributes(v.kvlistValue.values);
  return null;
}

export function decodeAttributes(kvs: OtlpKeyValue[] | undefined): AttrMap {
  const out: AttrMap = {};
  for (const kv of kvs ?? []) out[kv.key] = decodeAnyValue(kv.value);
  return out;
}

/** OTLP JSON ids are hex, the protobuf mapping's bytes base64. Normalize to lower-case hex. */
function id(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^[0-9a-f]+$/i.test(v) && (v.length === 32 || v.length === 16)) return v.toLowerCase();
  const hex = Buffer.from(v, 'base64').toString('hex');
  return hex || undefined;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A request body as the OTLP JSON mapping's object (protobuf: ids and bytes in base64). */
function requestObject(type: GeneratedMessage, body: Uint8Array, format: OtlpFormat): any {
  if (format === 'json') return JSON.parse(Buffer.from(body).toString('utf8'));
  return type.toObject(type.decode(body), { longs: String, enums: Number, bytes: String });
}

export function decodeTraces(body: Uint8Array, format: OtlpFormat = 'protobuf'): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const rs of requestObject(TraceRequest, body, format)?.resourceSpans ?? []) {
    const resource = decodeAttributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        spans.push({
          traceId: id(s.traceId)!,
          spanId: id(s.spanId)!,
          parentSpanId: id(s.parentSpanId),
          name: s.name ?? '',
          kind: Number(s.kind ?? 0),
          attributes: decodeAttributes(s.attributes),
          status: { code: Number(s.status?.code ?? 0), message: s.status?.message },
          events: (s.events ?? []).map((e: any) => ({ name: e.name, attributes: decodeAttributes(e.attributes) })),
          resource,
          scope: ss.scope?.name ?? '',
          startTimeUnixNano: String(s.startTimeUnixNano ?? '0'),
          endTimeUnixNano: String(s.endTimeUnixNano ?? '0'),
        });
      }
    }
  }
  return spans;
}

export function decodeLogs(body: Uint8Array, format: OtlpFormat = 'protobuf'): ReceivedLog[] {
  const logs: ReceivedLog[] = [];
  for (const rl of requestObject(LogsRequest, body, format)?.resourceLogs ?? []) {
    const resource = decodeAttributes(rl.resource?.attributes);
    for (const sl of rl.scopeLogs ?? []) {
      for (const l of sl.logRecords ?? []) {
        logs.push({
          traceId: id(l.traceId),
          spanId: id(l.spanId),
          eventName: l.eventName || undefined,
          severityNumber: l.severityNumber,
          severityText: l.severityText,
          timeUnixNano: String(l.timeUnixNano ?? '0'),
          body: decodeAnyValue(l.body),
          attributes: decodeAttributes(l.attributes),
          resource,
          scope: sl.scope?.name ?? '',
        });
      }
    }
  }
  return logs;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface LogRecordInput {
  attributes: Record<string, string>;
  body: string;
}

/**
 * An ExportLogsServiceRequest as an OTLP/protobuf client encodes it. Strings are written
 * as protobufjs writes them: a lone UTF-16 surrogate becomes bytes that are not UTF-8,
 * as they do from any JavaScript client that does not check.
 */
export function encodeLogs(
  records: LogRecordInput[],
  resource: Record<string, string> = { 'service.name': 'pipeline-test' }
): Buffer {
  const kv = (attrs: Record<string, string>) =>
    Object.entries(attrs).map(([key, value]) => ({ key, value: { stringValue: value } }));
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const request = LogsRequest.fromObject({
    resourceLogs: [
      {
        resource: { attributes: kv(resource) },
        scopeLogs: [
          {
            scope: { name: 'pipeline-test' },
            logRecords: records.map((r) => ({
              timeUnixNano: nowNs.toString(),
              severityNumber: 9,
              body: { stringValue: r.body },
              attributes: kv(r.attributes),
            })),
          },
        ],
      },
    ],
  });
  return Buffer.from(LogsRequest.encode(request).finish());
}
