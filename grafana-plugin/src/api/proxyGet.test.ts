import { of, throwError } from 'rxjs';
import { DatasourceError } from './errors';
import { queryRange } from './loki/client';
import { getTrace } from './tempo/client';

let mockAnswer: () => unknown = () => of({ data: {}, status: 200 });
const mockFetch = jest.fn((_req: Record<string, unknown>) => mockAnswer());
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

const TRACE = 'ed9e5386bea60cf2f11016283b2d5644';
const lokiParams = { query: '{service_name="x"}', startMs: 0, endMs: 1000, limit: 10, direction: 'backward' as const };

describe('proxyGet through the Loki and Tempo clients', () => {
  beforeEach(() => mockFetch.mockClear());

  it('sends a GET through the proxy, with query parameters only when given', async () => {
    mockAnswer = () => of({ data: { status: 'success', data: { resultType: 'streams', result: [] } }, status: 200 });
    await expect(queryRange('loki-uid', lokiParams)).resolves.toEqual([]);
    expect(mockFetch.mock.calls[0]![0]).toMatchObject({
      url: '/api/datasources/proxy/uid/loki-uid/loki/api/v1/query_range',
      method: 'GET',
      params: { query: lokiParams.query, limit: '10', direction: 'backward' },
      showErrorAlert: false,
    });
    mockAnswer = () => of({ data: { trace: {} }, status: 200 });
    await getTrace('tempo-uid', TRACE);
    expect(mockFetch.mock.calls[1]![0]).toMatchObject({
      url: `/api/datasources/proxy/uid/tempo-uid/api/v2/traces/${TRACE}`,
      method: 'GET',
    });
    expect(mockFetch.mock.calls[1]![0]).not.toHaveProperty('params');
  });

  it('turns an answer of the wrong shape into a bad-response error naming the backend', async () => {
    mockAnswer = () => of({ data: { status: 'error' }, status: 200 });
    const loki = await queryRange('loki-uid', lokiParams).catch((e: unknown) => e);
    expect(loki).toBeInstanceOf(DatasourceError);
    expect(loki).toMatchObject({
      backend: 'Loki',
      kind: 'bad-response',
      hint: 'Check that data source "loki-uid" is a Loki data source.',
    });
    mockAnswer = () => of({ data: { batches: [] }, status: 200 });
    const tempo = await getTrace('tempo-uid', TRACE).catch((e: unknown) => e);
    expect(tempo).toMatchObject({
      backend: 'Tempo',
      kind: 'bad-response',
      message: 'Tempo answered without a "trace" object.',
    });
  });

  it('maps a failed request to a DatasourceError for that backend', async () => {
    mockAnswer = () => throwError(() => ({ status: 503, statusText: 'Service Unavailable' }));
    await expect(getTrace('tempo-uid', TRACE)).rejects.toMatchObject({
      backend: 'Tempo',
      kind: 'unreachable',
      status: 503,
    });
    await expect(queryRange('loki-uid', lokiParams)).rejects.toMatchObject({
      backend: 'Loki',
      kind: 'unreachable',
      status: 503,
    });
  });
});
