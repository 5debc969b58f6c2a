import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { DatasourceError, proxyUrl, toDatasourceError } from '../errors';
import { parseTraceResponse, TempoResponseError, TraceSpan } from './parse';
import { isTraceId, normalizeTraceId } from '../../domain/traceId';

/** Reads one trace through Grafana's data source proxy (Tempo's /api/v2/traces/<id>). */
export async function getTrace(datasourceUid: string, traceId: string): Promise<TraceSpan[]> {
  if (!isTraceId(traceId)) {
    throw new DatasourceError('Tempo', datasourceUid, 'bad-request', `"${traceId}" is not a trace id.`, 'Trace ids are 32 hex characters.');
  }
  let body: unknown;
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        url: proxyUrl(datasourceUid, `api/v2/traces/${normalizeTraceId(traceId)}`),
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    body = response.data;
  } catch (err) {
    throw toDatasourceError('Tempo', datasourceUid, err);
  }
  try {
    return parseTraceResponse(body);
  } catch (err) {
    if (err instanceof TempoResponseError) {
      throw new DatasourceError('Tempo', datasourceUid, 'bad-response', err.message, `Check that data source "${datasourceUid}" is a Tempo data source.`);
    }
    throw err;
  }
}
