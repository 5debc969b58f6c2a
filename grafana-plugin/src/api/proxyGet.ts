import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { BackendName, DatasourceError, proxyUrl, toDatasourceError } from './errors';

/**
 * GETs `path` of a data source's own HTTP API through Grafana's proxy and reads the answer
 * with `parse`. A failed request, or an answer `parse` rejects with a `ResponseError`, becomes
 * a DatasourceError that tells the user what to check; other exceptions pass through.
 */
export async function proxyGet<T>(
  backend: BackendName,
  datasourceUid: string,
  request: { path: string; params?: Record<string, string> },
  parse: (body: unknown) => T,
  ResponseError: new (message: string) => Error
): Promise<T> {
  let body: unknown;
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        url: proxyUrl(datasourceUid, request.path),
        method: 'GET',
        ...(request.params && { params: request.params }),
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    body = response.data;
  } catch (err) {
    throw toDatasourceError(backend, datasourceUid, err);
  }
  try {
    return parse(body);
  } catch (err) {
    if (err instanceof ResponseError) {
      throw new DatasourceError(
        backend,
        datasourceUid,
        'bad-response',
        err.message,
        `Check that data source "${datasourceUid}" is a ${backend} data source.`
      );
    }
    throw err;
  }
}
