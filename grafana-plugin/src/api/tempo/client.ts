import { DatasourceError } from '../errors';
import { proxyGet } from '../proxyGet';
import { parseTraceResponse, TempoResponseError, TraceSpan } from './parse';
import { isTraceId, normalizeTraceId } from '../../domain/traceId';

/** Reads one trace through Grafana's data source proxy (Tempo's /api/v2/traces/<id>). */
export async function getTrace(datasourceUid: string, traceId: string): Promise<TraceSpan[]> {
  if (!isTraceId(traceId)) {
    throw new DatasourceError(
      'Tempo',
      datasourceUid,
      'bad-request',
      `"${traceId}" is not a trace id.`,
      'Trace ids are 32 hex characters.'
    );
  }
  const path = `api/v2/traces/${normalizeTraceId(traceId)}`;
  return proxyGet('Tempo', datasourceUid, { path }, parseTraceResponse, TempoResponseError);
}
