import { proxyGet } from '../proxyGet';
import { LogRecord } from '../../domain/types';
import { LokiResponseError, parseStreamsResponse } from './parse';

export interface QueryRangeParams {
  query: string;
  /** Inclusive start, ms since the epoch. */
  startMs: number;
  /** End, ms since the epoch; or endNs for an exact cursor. */
  endMs?: number;
  endNs?: string;
  limit: number;
  direction: 'forward' | 'backward';
}

/** ms → ns decimal string (Loki takes ns epochs). */
export function msToNs(ms: number): string {
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Invalid time: ${ms}`);
  }
  return `${BigInt(Math.floor(ms)) * 1_000_000n}`;
}

/** Query parameters of /loki/api/v1/query_range. Pure. */
export function queryRangeParams(p: QueryRangeParams): Record<string, string> {
  return {
    query: p.query,
    start: msToNs(p.startMs),
    end: p.endNs ?? msToNs(p.endMs ?? Date.now()),
    limit: String(p.limit),
    direction: p.direction,
  };
}

/** Runs a LogQL log query through Grafana's data source proxy; records come back newest first. */
export async function queryRange(datasourceUid: string, params: QueryRangeParams): Promise<LogRecord[]> {
  const request = { path: 'loki/api/v1/query_range', params: queryRangeParams(params) };
  return proxyGet('Loki', datasourceUid, request, parseStreamsResponse, LokiResponseError);
}
