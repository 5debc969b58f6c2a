import { of, throwError } from 'rxjs';
import {
  forgetLokiLayouts,
  knownLokiLayout,
  LABELS_LOOKBACK_MS,
  layoutFromLabelNames,
  lokiLayout,
  parseLabelsResponse,
} from './layout';
import { LokiResponseError } from './parse';

let mockAnswer: () => unknown;
const mockFetch = jest.fn((_req: { url: string; params?: Record<string, string> }) => mockAnswer());
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

const labels = (data: string[]) => () => of({ data: { status: 'success', data }, status: 200 });
const DEFAULT_OTLP = ['deployment_environment_name', 'service_name'];
const INDEXED = [...DEFAULT_OTLP, 'event_name', 'integration_log_type', 'integration_tool'];

beforeEach(() => {
  mockFetch.mockClear();
  forgetLokiLayouts();
});

describe('layoutFromLabelNames', () => {
  it('selects on the labels when Loki indexes all three', () => {
    expect(layoutFromLabelNames(INDEXED)).toEqual({ layout: 'labels', unindexed: false });
  });

  it("falls back to today's queries and says so when event_name is not a label", () => {
    expect(layoutFromLabelNames(DEFAULT_OTLP)).toEqual({ layout: 'metadata', unindexed: true });
  });

  it('falls back when only some of the three are labels, as a selector on a missing one matches nothing', () => {
    expect(layoutFromLabelNames([...DEFAULT_OTLP, 'event_name'])).toEqual({ layout: 'metadata', unindexed: true });
  });

  it('falls back without a notice when Loki has no streams to tell from', () => {
    expect(layoutFromLabelNames([])).toEqual({ layout: 'metadata', unindexed: false });
  });
});

describe('parseLabelsResponse', () => {
  it('reads the label names', () => {
    expect(parseLabelsResponse({ status: 'success', data: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(parseLabelsResponse({ status: 'success' })).toEqual([]);
  });

  it('rejects an answer that is not a labels answer', () => {
    expect(() => parseLabelsResponse({ status: 'error', data: [] })).toThrow(LokiResponseError);
    expect(() => parseLabelsResponse({ status: 'success', data: { resultType: 'streams' } })).toThrow(
      LokiResponseError
    );
  });
});

describe('lokiLayout', () => {
  it("asks the data source's labels API for the last day through Grafana's proxy", async () => {
    mockAnswer = labels(INDEXED);
    const before = Date.now();
    await expect(lokiLayout('my-loki')).resolves.toEqual({ layout: 'labels', unindexed: false });
    expect(mockFetch).toHaveBeenCalledTimes(1);
    const req = mockFetch.mock.calls[0]![0];
    expect(req.url).toBe('/api/datasources/proxy/uid/my-loki/loki/api/v1/labels');
    const startMs = Number(BigInt(req.params!.start!) / 1_000_000n);
    const endMs = Number(BigInt(req.params!.end!) / 1_000_000n);
    expect(endMs - startMs).toBe(LABELS_LOOKBACK_MS);
    expect(endMs).toBeGreaterThanOrEqual(before);
  });

  it('asks once per data source for the session, also while the first answer is on its way', async () => {
    mockAnswer = labels(DEFAULT_OTLP);
    const answers = await Promise.all([lokiLayout('a'), lokiLayout('a'), lokiLayout('b')]);
    await lokiLayout('a');
    expect(answers.map((a) => a.layout)).toEqual(['metadata', 'metadata', 'metadata']);
    expect(mockFetch.mock.calls.map(([req]) => req.url)).toEqual([
      '/api/datasources/proxy/uid/a/loki/api/v1/labels',
      '/api/datasources/proxy/uid/b/loki/api/v1/labels',
    ]);
    expect(knownLokiLayout('a')).toEqual({ layout: 'metadata', unindexed: true });
  });

  it("answers with today's queries, without a notice, when the request fails, and asks again next time", async () => {
    mockAnswer = () => throwError(() => ({ status: 502, data: 'bad gateway' }));
    await expect(lokiLayout('loki')).resolves.toEqual({ layout: 'metadata', unindexed: false });
    expect(knownLokiLayout('loki')).toBeUndefined();
    mockAnswer = labels(INDEXED);
    await expect(lokiLayout('loki')).resolves.toEqual({ layout: 'labels', unindexed: false });
    expect(mockFetch).toHaveBeenCalledTimes(2);
  });
});
