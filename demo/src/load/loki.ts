// The few Loki HTTP API calls the load tool makes, with the cost Loki reports for each.

export interface LokiStats {
  /** Bytes Loki read to answer: log lines plus structured metadata (stats.summary.totalBytesProcessed). */
  bytesProcessed: number;
  linesProcessed: number;
}

export interface StreamEntry {
  labels: Record<string, string>;
  tsNs: bigint;
  line: string;
}

interface QueryResponse {
  status?: string;
  data?: {
    resultType?: string;
    result?: Array<{
      stream?: Record<string, string>;
      values?: Array<[string, string]>;
      value?: [number, string];
      metric?: Record<string, string>;
    }>;
    stats?: { summary?: { totalBytesProcessed?: number; totalLinesProcessed?: number } };
  };
}

export const msToNs = (ms: number): bigint => BigInt(Math.floor(ms)) * 1_000_000n;

export class LokiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tenant?: string
  ) {}

  private async get(path: string, params: Record<string, string>): Promise<QueryResponse> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(params)}`;
    const res = await fetch(url, { headers: this.tenant ? { 'X-Scope-OrgID': this.tenant } : {} });
    const text = await res.text();
    if (!res.ok) throw new Error(`Loki ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as QueryResponse;
  }

  private static stats(r: QueryResponse): LokiStats {
    const s = r.data?.stats?.summary;
    return { bytesProcessed: s?.totalBytesProcessed ?? 0, linesProcessed: s?.totalLinesProcessed ?? 0 };
  }

  /** A log query over [startMs, endMs]; entries in the order asked for. */
  async logs(
    query: string,
    startMs: number,
    endMs: number,
    limit: number,
    direction: 'forward' | 'backward'
  ): Promise<{ entries: StreamEntry[]; stats: LokiStats }> {
    const r = await this.get('/loki/api/v1/query_range', {
      query,
      start: String(msToNs(startMs)),
      end: String(msToNs(endMs)),
      limit: String(limit),
      direction,
    });
    const entries: StreamEntry[] = [];
    for (const s of r.data?.result ?? []) {
      for (const [ts, line] of s.values ?? []) entries.push({ labels: s.stream ?? {}, tsNs: BigInt(ts), line });
    }
    entries.sort((a, b) => (a.tsNs < b.tsNs ? -1 : a.tsNs > b.tsNs ? 1 : 0));
    if (direction === 'backward') entries.reverse();
    return { entries, stats: LokiClient.stats(r) };
  }

  /** An instant metric query at `atMs`: each series' value, keyed by its labels as JSON. */
  async instant(query: string, atMs: number): Promise<{ values: Map<string, number>; stats: LokiStats }> {
    const r = await this.get('/loki/api/v1/query', { query, time: String(msToNs(atMs)) });
    const values = new Map<string, number>();
    for (const s of r.data?.result ?? []) values.set(JSON.stringify(s.metric ?? {}), Number(s.value?.[1] ?? 0));
    return { values, stats: LokiClient.stats(r) };
  }

  /** Label names Loki has in [startMs, endMs]. */
  async labelNames(startMs: number, endMs: number): Promise<string[]> {
    const url = `${this.baseUrl}/loki/api/v1/labels?${new URLSearchParams({ start: String(msToNs(startMs)), end: String(msToNs(endMs)) })}`;
    const res = await fetch(url, { headers: this.tenant ? { 'X-Scope-OrgID': this.tenant } : {} });
    if (!res.ok) throw new Error(`Loki labels answered ${res.status}`);
    const body = (await res.json()) as { data?: string[] };
    return body.data ?? [];
  }
}
