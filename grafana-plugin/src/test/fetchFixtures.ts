import { of, throwError } from 'rxjs';
import allRecords from '../__fixtures__/handmade/loki-all-records.json';
import { BadQueryError, queryRange, recordsOf } from '../../harness/fakeLoki.mjs';

export interface FetchCall {
  url: string;
  params: Record<string, string>;
}

/**
 * A getBackendSrv().fetch that answers Loki proxy requests from the HAND-MADE fixture
 * records, evaluating the app's LogQL with the harness's fake Loki. Records every call.
 */
export function fixtureFetch(opts: { fail?: { status: number; data: unknown } } = {}) {
  const records = recordsOf(allRecords);
  const calls: FetchCall[] = [];
  const fetch = jest.fn((req: { url: string; params?: Record<string, string> }) => {
    const params = req.params ?? {};
    calls.push({ url: req.url, params });
    if (opts.fail) {
      return throwError(() => ({ ...opts.fail, statusText: 'error' }));
    }
    if (!req.url.endsWith('/loki/api/v1/query_range')) {
      return throwError(() => ({ status: 404, data: { message: 'Not found' } }));
    }
    try {
      return of({ data: queryRange(records, params), status: 200, ok: true });
    } catch (err) {
      if (err instanceof BadQueryError) {
        return throwError(() => ({ status: 400, data: { message: err.message } }));
      }
      throw err;
    }
  });
  return { fetch, calls, records };
}
