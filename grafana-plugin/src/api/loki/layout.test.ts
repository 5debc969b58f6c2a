import { of, throwError } from 'rxjs';
import {
  forgetLokiLayouts,
  HISTORY_LOOKBACK_MS,
  knownLokiLayout,
  LABELS_LOOKBACK_MS,
  layoutFrom,
  layoutFromLabelNames,
  lokiLayout,
  parseLabelsResponse,
} from './layout';
import { LokiResponseError } from './parse';

interface Req {
  url: string;
  params?: Record<string, string>;
}
let mockAnswer: (req: Req) => unknown;
const mockFetch = jest.fn((req: Req) => mockAnswer(req));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

const DEFAULT_OTLP = ['deployment_environment_name', 'service_name'];
const INDEXED = [...DEFAULT_OTLP, 'event_name', 'integration_log_type', 'integration_tool'];
const T = Date.UTC(2026, 10, 20, 12);
const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const streams = (ms: number | null) => ({
  status: 'success',
  data: { resultType: 'streams', result: ms === null ? [] : [{ stream: {}, values: [[ns(ms), 'line']] }] },
});

/** A Loki with these label names whose oldest labelled record and oldest record are at these times. */
function loki(names: string[], oldest: { labelled: number | null; any: number | null } = { labelled: T, any: T }) {
  return (req: Req) => {
    if (req.url.endsWith('/labels')) {
      return of({ data: { status: 'success', data: names }, status: 200 });
    }
    const labelled = req.params?.query === '{event_name=~".+"}';
    return of({ data: streams(labelled ? oldest.labelled : oldest.any), status: 200 });
  };
}

beforeEach(() => {
  mockFetch.mockClear();
  forgetLokiLayouts();
});

describe('layoutFromLabelNames', () => {
  it('selects on the labels when Loki indexes all three', () => {
    expect(layoutFromLabelNames(INDEXED)).toEqual({ layout: 'labels', unindexed: false, labelledSinceMs: null });
  });

  it("falls back to today's queries and says so when event_name is not a label", () => {
    expect(layoutFromLabelNames(DEFAULT_OTLP)).toEqual({ layout: 'metadata', unindexed: true, labelledSinceMs: null });
  });

  it('falls back when only some of the three are labels, as a selector on a missing one matches nothing', () => {
    expect(layoutFromLabelNames([...DEFAULT_OTLP, 'event_name'])).toMatchObject({
      layout: 'metadata',
      unindexed: true,
    });
  });

  it('falls back without a notice when Loki has no streams to tell from', () => {
    expect(layoutFromLabelNames([])).toMatchObject({ layout: 'metadata', unindexed: false });
  });
});

describe('layoutFrom', () => {
  it('uses the labels for ranges that start once every record has them', () => {
    expect(layoutFrom({ layout: 'labels', unindexed: false, labelledSinceMs: null }, 0)).toBe('labels');
    expect(layoutFrom({ layout: 'labels', unindexed: false, labelledSinceMs: T }, T)).toBe('labels');
  });

  it('reads without them a range that starts before they were turned on, to find the older records', () => {
    expect(layoutFrom({ layout: 'labels', unindexed: false, labelledSinceMs: T }, T - 1)).toBe('metadata');
  });

  it('keeps the metadata layout, and is null while unknown', () => {
    expect(layoutFrom({ layout: 'metadata', unindexed: true, labelledSinceMs: null }, T)).toBe('metadata');
    expect(layoutFrom(null, T)).toBeNull();
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
    mockAnswer = loki(DEFAULT_OTLP);
    const before = Date.now();
    await expect(lokiLayout('my-loki')).resolves.toEqual({
      layout: 'metadata',
      unindexed: true,
      labelledSinceMs: null,
    });
    expect(mockFetch).toHaveBeenCalledTimes(1);
    const req = mockFetch.mock.calls[0]![0];
    expect(req.url).toBe('/api/datasources/proxy/uid/my-loki/loki/api/v1/labels');
    const startMs = Number(BigInt(req.params!.start!) / 1_000_000n);
    const endMs = Number(BigInt(req.params!.end!) / 1_000_000n);
    expect(endMs - startMs).toBe(LABELS_LOOKBACK_MS);
    expect(endMs).toBeGreaterThanOrEqual(before);
  });

  it('with the labels, reads the oldest labelled record and the oldest record of all: one line each', async () => {
    mockAnswer = loki(INDEXED, { labelled: T, any: T });
    await expect(lokiLayout('loki')).resolves.toEqual({ layout: 'labels', unindexed: false, labelledSinceMs: null });
    const reads = mockFetch.mock.calls.map(([req]) => req.params!).filter((p) => p.query);
    expect(reads.map((p) => p.query).sort()).toEqual(['{event_name=~".+"}', '{service_name=~".+"}']);
    for (const p of reads) {
      expect(p).toMatchObject({ limit: '1', direction: 'forward' });
      expect(Number((BigInt(p.end!) - BigInt(p.start!)) / 1_000_000n)).toBe(HISTORY_LOOKBACK_MS);
    }
  });

  it('tells when the labels were turned on if older records were written without them', async () => {
    mockAnswer = loki(INDEXED, { labelled: T, any: T - 86_400_000 });
    await expect(lokiLayout('loki')).resolves.toEqual({ layout: 'labels', unindexed: false, labelledSinceMs: T });
  });

  it('asks once per data source for the session, also while the first answer is on its way', async () => {
    mockAnswer = loki(DEFAULT_OTLP);
    const answers = await Promise.all([lokiLayout('a'), lokiLayout('a'), lokiLayout('b')]);
    await lokiLayout('a');
    expect(answers.map((a) => a.layout)).toEqual(['metadata', 'metadata', 'metadata']);
    expect(mockFetch.mock.calls.map(([req]) => req.url)).toEqual([
      '/api/datasources/proxy/uid/a/loki/api/v1/labels',
      '/api/datasources/proxy/uid/b/loki/api/v1/labels',
    ]);
    expect(knownLokiLayout('a')).toEqual({ layout: 'metadata', unindexed: true, labelledSinceMs: null });
  });

  it("answers with today's queries, without a notice, when a request fails, and asks again next time", async () => {
    mockAnswer = () => throwError(() => ({ status: 502, data: 'bad gateway' }));
    await expect(lokiLayout('loki')).resolves.toEqual({ layout: 'metadata', unindexed: false, labelledSinceMs: null });
    expect(knownLokiLayout('loki')).toBeUndefined();
    mockAnswer = loki(INDEXED);
    await expect(lokiLayout('loki')).resolves.toMatchObject({ layout: 'labels' });
    expect(mockFetch).toHaveBeenCalledTimes(4);
  });
});
