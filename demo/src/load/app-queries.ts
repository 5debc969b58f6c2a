// The Grafana app's main Loki queries, in the shapes the app sends them (stream selectors
// on the index labels event_name, integration_log_type and integration_tool; everything
// else filtered after the selector), run over the load's time range. Each reports its
// latency and the bytes Loki read, next to the bytes of the operation records in range:
// the list can never read less than those, and should read little more.
import { EVENT_OPERATION, EVENT_SYNC_MODEL, LOKI_LABELS as L } from '@integration-logs/semantic-conventions';
import type { LokiClient, LokiStats } from './loki.js';

export interface QueryCost extends LokiStats {
  name: string;
  query: string;
  ms: number;
  lines: number;
}

export interface AppQueryInputs {
  tool: string;
  customerId: string;
  /** An integration whose sync-model history is opened. */
  integrationId: string;
  traceId: string;
  /** The operation whose detail is opened: its end and duration, for the app's narrow detail range. */
  traceEndMs: number;
  traceDurationMs: number;
  startMs: number;
  endMs: number;
}

const LIST_LIMIT = 100;
/** The app's slack around an operation's own time range when it opens its detail. */
const DETAIL_SLACK_MS = 2_000;

export function appQueries(
  i: AppQueryInputs
): Array<{ name: string; query: string; startMs: number; endMs: number; limit: number }> {
  const ops = `{${L.eventName}="${EVENT_OPERATION}"}`;
  return [
    { name: 'list, no filter', query: ops, startMs: i.startMs, endMs: i.endMs, limit: LIST_LIMIT },
    {
      name: 'list, one tool and type',
      query: `{${L.eventName}="${EVENT_OPERATION}", ${L.tool}="${i.tool}", ${L.logType}="sync"}`,
      startMs: i.startMs,
      endMs: i.endMs,
      limit: LIST_LIMIT,
    },
    {
      name: 'list, one customer',
      query: `${ops} | ${L.customerId}="${i.customerId}"`,
      startMs: i.startMs,
      endMs: i.endMs,
      limit: LIST_LIMIT,
    },
    {
      name: 'list, with 4xx',
      query: `${ops} | ${L.request4xxCount} > 0`,
      startMs: i.startMs,
      endMs: i.endMs,
      limit: LIST_LIMIT,
    },
    {
      name: 'sync-model history',
      query: `{${L.eventName}="${EVENT_SYNC_MODEL}", ${L.tool}="${i.tool}"} | ${L.integrationId}="${i.integrationId}"`,
      startMs: i.startMs,
      endMs: i.endMs,
      limit: LIST_LIMIT,
    },
    {
      name: 'log detail (one trace)',
      query: `{${L.tool}="${i.tool}", ${L.logType}="sync"} | ${L.traceId}="${i.traceId}"`,
      startMs: i.traceEndMs - i.traceDurationMs - DETAIL_SLACK_MS,
      endMs: i.traceEndMs + DETAIL_SLACK_MS,
      limit: 5000,
    },
    {
      name: 'fallback: one customer without index labels',
      query: `{${L.serviceName}=~".+"} | ${L.eventName}="${EVENT_OPERATION}" | ${L.customerId}="${i.customerId}"`,
      startMs: i.startMs,
      endMs: i.endMs,
      limit: LIST_LIMIT,
    },
  ];
}

export async function measureAppQueries(
  loki: LokiClient,
  i: AppQueryInputs
): Promise<{ costs: QueryCost[]; operationBytes: number }> {
  const rangeS = Math.max(1, Math.ceil((i.endMs - i.startMs) / 1000));
  // A metric query over every operation record in range reads exactly those records.
  const all = await loki.instant(`sum(count_over_time({${L.eventName}="${EVENT_OPERATION}"}[${rangeS}s]))`, i.endMs);
  const costs: QueryCost[] = [];
  for (const q of appQueries(i)) {
    const t0 = performance.now();
    const { entries, stats } = await loki.logs(q.query, q.startMs, q.endMs, q.limit, 'backward');
    costs.push({ name: q.name, query: q.query, ms: performance.now() - t0, lines: entries.length, ...stats });
  }
  return { costs, operationBytes: all.stats.bytesProcessed };
}
