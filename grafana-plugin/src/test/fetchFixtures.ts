import { of, throwError } from 'rxjs';
import allRecords from '../../test/fixtures/handmade/loki-all-records.json';
import { answerLoki, BadQueryError, type FakeLokiLayout, recordsOf } from '../../harness/fakeLoki.mjs';
import { answerPrometheus } from '../../harness/fakePrometheus.mjs';

export interface FetchCall {
  url: string;
  params: Record<string, string>;
}

/**
 * A getBackendSrv().fetch that answers Loki proxy requests (query_range, query, labels), and
 * Prometheus range queries over the span metrics of the same request records, from the
 * HAND-MADE fixture records, evaluating the app's LogQL with the harness's fake Loki of the
 * given layout (default: event_name, integration_tool, integration_log_type indexed). Records
 * every call.
 */
export function fixtureFetch(
  opts: {
    /** Every request fails with this answer; only those to `path` when it is set. */
    fail?: { status: number; data: unknown; path?: string };
    layout?: FakeLokiLayout;
  } = {}
) {
  const layout = opts.layout ?? 'labels';
  const records = recordsOf(allRecords);
  const calls: FetchCall[] = [];
  const fetch = jest.fn((req: { url: string; params?: Record<string, string> }) => {
    const params = req.params ?? {};
    calls.push({ url: req.url, params });
    const fail = opts.fail;
    if (fail && req.url.endsWith(fail.path ?? '')) {
      return throwError(() => ({ status: fail.status, data: fail.data, statusText: 'error' }));
    }
    try {
      const data = req.url.includes('/loki/api/')
        ? answerLoki(records, req.url, params, layout)
        : answerPrometheus(records, req.url, params);
      return data
        ? of({ data, status: 200, ok: true })
        : throwError(() => ({ status: 404, data: { message: 'Not found' } }));
    } catch (err) {
      if (err instanceof BadQueryError) {
        return throwError(() => ({ status: 400, data: { message: err.message } }));
      }
      throw err;
    }
  });
  return { fetch, calls, records };
}

/** The LogQL of a page's list queries among `calls` (the layout check reads single lines, charts have a step). */
export function listQueriesOf(calls: FetchCall[]): Array<string | undefined> {
  return calls
    .filter((c) => c.url.endsWith('/query_range') && c.params.limit !== '1' && c.params.step === undefined)
    .map((c) => c.params.query);
}
