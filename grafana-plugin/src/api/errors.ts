/** Which backend a request went to, for messages that tell the user what to fix. */
export type BackendName = 'Loki' | 'Tempo' | 'Prometheus';

export type DatasourceErrorKind =
  'unreachable' | 'not-found' | 'unauthorized' | 'bad-request' | 'bad-response' | 'unknown';

/** A failed request to a datasource, with a message a user can act on. */
export class DatasourceError extends Error {
  constructor(
    readonly backend: BackendName,
    readonly datasourceUid: string,
    readonly kind: DatasourceErrorKind,
    message: string,
    /** What the user can do about it. */
    readonly hint: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'DatasourceError';
  }
}

interface FetchErrorLike {
  status?: number;
  statusText?: string;
  data?: unknown;
  message?: string;
}

function errorText(err: FetchErrorLike): string {
  const data = err.data;
  if (typeof data === 'string' && data.trim() !== '') {
    return data.trim();
  }
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const key of ['message', 'error', 'msg']) {
      if (typeof d[key] === 'string' && d[key] !== '') {
        return d[key] as string;
      }
    }
  }
  return err.message || err.statusText || 'no details';
}

/** Maps a rejected getBackendSrv().fetch (FetchError-like) to a DatasourceError. Pure. */
export function toDatasourceError(backend: BackendName, uid: string, err: unknown): DatasourceError {
  if (err instanceof DatasourceError) {
    return err;
  }
  const e = (err ?? {}) as FetchErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const detail = errorText(e);
  const configHint = `Check the ${backend} data source in the app's configuration (Administration → Plugins → Integration Logs).`;
  if (status === 404 && /data ?source/i.test(detail)) {
    return new DatasourceError(
      backend,
      uid,
      'not-found',
      `There is no ${backend} data source with uid "${uid}".`,
      configHint,
      status
    );
  }
  if (status === 401 || status === 403) {
    return new DatasourceError(
      backend,
      uid,
      'unauthorized',
      `Access to the ${backend} data source "${uid}" was denied (${status}): ${detail}`,
      `Ask an admin for query permission on the data source, or check its credentials.`,
      status
    );
  }
  if (status === undefined || status === 0 || status === 502 || status === 503 || status === 504) {
    return new DatasourceError(
      backend,
      uid,
      'unreachable',
      `${backend} (data source "${uid}") could not be reached${status ? ` (${status})` : ''}: ${detail}`,
      `Check that ${backend} is running and that the data source's URL is right (Connections → Data sources → ${uid} → Save & test).`,
      status
    );
  }
  if (status >= 400 && status < 500) {
    return new DatasourceError(
      backend,
      uid,
      'bad-request',
      `${backend} rejected the query (${status}): ${detail}`,
      `Try a shorter time range or fewer filters.`,
      status
    );
  }
  return new DatasourceError(
    backend,
    uid,
    'unknown',
    `${backend} (data source "${uid}") failed (${status}): ${detail}`,
    configHint,
    status
  );
}

/** Proxy path of a datasource's native HTTP API through Grafana. */
export function proxyUrl(datasourceUid: string, path: string): string {
  return `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}/${path.replace(/^\//, '')}`;
}
