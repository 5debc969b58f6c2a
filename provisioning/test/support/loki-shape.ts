// What Loki's native OTLP ingestion (provisioning/loki/loki.yaml) makes of OTLP log
// records, as a categorized /loki/api/v1/query_range response: the resource and log
// attributes loki.yaml names become index labels, everything else structured metadata, names with dots
// turned into underscores, values strings, trace and span ids lower-case hex, the body the
// line. Lets the Grafana app's parsers read records from the Loki stand-in; the
// recorded fixtures from a real Loki (grafana-plugin/test/fixtures/recorded/loki) show
// the same shape.
import type { ReceivedLog } from '@integration-logs/test-support';
import type { LokiAttributesConfig, LokiConfig } from './documents.js';
import { fromProvisioning, readYaml } from './files.js';

/** The resource and log attributes loki.yaml makes index labels. */
function indexLabels(): { resource: Set<string>; log: Set<string> } {
  const otlp = readYaml<LokiConfig>(fromProvisioning('loki/loki.yaml')).limits_config?.otlp_config ?? {};
  const of = (list: LokiAttributesConfig[] | undefined) =>
    new Set((list ?? []).filter((c) => c.action === 'index_label').flatMap((c) => c.attributes ?? []));
  return { resource: of(otlp.resource_attributes?.attributes_config), log: of(otlp.log_attributes) };
}
const LEVELS: Record<string, string> = { INFO: 'info', WARN: 'warn', ERROR: 'error' };

const labelName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
const labelValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export interface LokiCategorizedResponse {
  status: 'success';
  data: {
    resultType: 'streams';
    encodingFlags: ['categorize-labels'];
    result: {
      stream: Record<string, string>;
      values: [string, string, { structuredMetadata: Record<string, string> }][];
    }[];
  };
}

/** One stream per index label set, values newest first, as Loki answers a backward query. */
export function asLokiResponse(records: ReceivedLog[]): LokiCategorizedResponse {
  const index = indexLabels();
  const streams = new Map<string, LokiCategorizedResponse['data']['result'][number]>();
  for (const r of [...records].sort((a, b) => (BigInt(b.timeUnixNano) > BigInt(a.timeUnixNano) ? 1 : -1))) {
    const stream: Record<string, string> = {};
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.resource))
      (index.resource.has(k) ? stream : metadata)[labelName(k)] = labelValue(v);
    for (const [k, v] of Object.entries(r.attributes))
      (index.log.has(k) ? stream : metadata)[labelName(k)] = labelValue(v);
    if (r.scope) metadata.scope_name = r.scope;
    if (r.severityText) metadata.severity_text = r.severityText;
    if (r.severityNumber) metadata.severity_number = String(r.severityNumber);
    const level = r.severityText && LEVELS[r.severityText];
    if (level) metadata.detected_level = level;
    if (r.traceId) metadata.trace_id = r.traceId;
    if (r.spanId) metadata.span_id = r.spanId;
    const key = JSON.stringify(stream);
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { stream, values: [] }));
    s.values.push([
      r.timeUnixNano,
      typeof r.body === 'string' ? r.body : JSON.stringify(r.body),
      { structuredMetadata: metadata },
    ]);
  }
  return {
    status: 'success',
    data: { resultType: 'streams', encodingFlags: ['categorize-labels'], result: [...streams.values()] },
  };
}
