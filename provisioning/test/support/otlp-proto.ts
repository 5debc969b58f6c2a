// Decodes OTLP/HTTP protobuf export requests (what the collector's otlp_http exporter
// sends to Tempo and Loki) into plain objects. The schema is the subset of
// opentelemetry-proto (trace, logs, common, resource) that the assertions read;
// protobuf skips the fields it leaves out.
import protobuf from 'protobufjs';

const SCHEMA = `
syntax = "proto3";
package otlp;

message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; }
message Resource { repeated KeyValue attributes = 1; }

message Status { string message = 2; int32 code = 3; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9;
  Status status = 15;
}
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }

message LogRecord {
  fixed64 time_unix_nano = 1;
  int32 severity_number = 2;
  string severity_text = 3;
  AnyValue body = 5;
  repeated KeyValue attributes = 6;
  bytes trace_id = 9;
  bytes span_id = 10;
  string event_name = 12;
}
message ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; }
message ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; }
message ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const TraceRequest = root.lookupType('otlp.ExportTraceServiceRequest');
const LogsRequest = root.lookupType('otlp.ExportLogsServiceRequest');

export type AttributeValue = string | number | boolean | AttributeValue[] | { [key: string]: AttributeValue } | null;
export type Attributes = Record<string, AttributeValue>;

/** Span kinds as OTLP numbers them. */
export const SpanKind = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
/** Status codes as OTLP numbers them. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  statusCode: number;
  attributes: Attributes;
  resource: Attributes;
}

export interface DecodedLogRecord {
  traceId: string;
  spanId: string;
  eventName: string;
  body: AttributeValue;
  attributes: Attributes;
  resource: Attributes;
  /** Instrumentation scope name: who wrote the record. */
  scope: string;
  /** Nanoseconds since the epoch, as a decimal string (beyond a double's precision). */
  timeUnixNano: string;
  severityNumber: number;
  severityText: string;
}

type Raw = Record<string, any>;

function hex(bytes: Uint8Array | undefined): string {
  return bytes ? Buffer.from(bytes).toString('hex') : '';
}

function anyValue(value: Raw | undefined): AttributeValue {
  if (!value) return null;
  if ('string_value' in value) return value.string_value;
  if ('bool_value' in value) return value.bool_value;
  if ('int_value' in value) return Number(value.int_value);
  if ('double_value' in value) return value.double_value;
  if ('array_value' in value) return (value.array_value.values ?? []).map(anyValue);
  if ('kvlist_value' in value) return attributes(value.kvlist_value.values);
  if ('bytes_value' in value) return Buffer.from(value.bytes_value).toString('base64');
  return null;
}

function attributes(list: Raw[] | undefined): Attributes {
  const out: Attributes = {};
  for (const kv of list ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

export function decodeTraces(body: Uint8Array): DecodedSpan[] {
  const request = TraceRequest.toObject(TraceRequest.decode(body), { longs: Number }) as Raw;
  const spans: DecodedSpan[] = [];
  for (const rs of request.resource_spans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    for (const ss of rs.scope_spans ?? []) {
      for (const span of ss.spans ?? []) {
        spans.push({
          traceId: hex(span.trace_id),
          spanId: hex(span.span_id),
          parentSpanId: hex(span.parent_span_id),
          name: span.name ?? '',
          kind: span.kind ?? 0,
          statusCode: span.status?.code ?? 0,
          attributes: attributes(span.attributes),
          resource,
        });
      }
    }
  }
  return spans;
}

export function decodeLogs(body: Uint8Array): DecodedLogRecord[] {
  // Longs as strings: timestamps need all their digits (anyValue makes ints numbers).
  const request = LogsRequest.toObject(LogsRequest.decode(body), { longs: String }) as Raw;
  const records: DecodedLogRecord[] = [];
  for (const rl of request.resource_logs ?? []) {
    const resource = attributes(rl.resource?.attributes);
    for (const sl of rl.scope_logs ?? []) {
      for (const record of sl.log_records ?? []) {
        records.push({
          traceId: hex(record.trace_id),
          spanId: hex(record.span_id),
          eventName: record.event_name ?? '',
          body: anyValue(record.body),
          attributes: attributes(record.attributes),
          resource,
          scope: sl.scope?.name ?? '',
          timeUnixNano: String(record.time_unix_nano ?? '0'),
          severityNumber: record.severity_number ?? 0,
          severityText: record.severity_text ?? '',
        });
      }
    }
  }
  return records;
}

export interface LogRecordInput {
  attributes: Record<string, string>;
  body: string;
}

/**
 * An ExportLogsServiceRequest as an OTLP/protobuf client encodes it. Strings are written
 * as protobufjs writes them: a lone UTF-16 surrogate becomes bytes that are not UTF-8,
 * as they do from any JavaScript client that does not check.
 */
export function encodeLogs(records: LogRecordInput[], resource: Record<string, string> = { 'service.name': 'pipeline-test' }): Buffer {
  const kv = (attrs: Record<string, string>) => Object.entries(attrs).map(([key, value]) => ({ key, value: { string_value: value } }));
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const request = LogsRequest.fromObject({
    resource_logs: [
      {
        resource: { attributes: kv(resource) },
        scope_logs: [
          {
            scope: { name: 'pipeline-test' },
            log_records: records.map((r) => ({
              time_unix_nano: nowNs.toString(),
              severity_number: 9,
              body: { string_value: r.body },
              attributes: kv(r.attributes),
            })),
          },
        ],
      },
    ],
  });
  return Buffer.from(LogsRequest.encode(request).finish());
}
