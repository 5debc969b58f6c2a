import {
  DETAIL_FALLBACK_LOOKBACK_MS,
  DETAIL_PARAMS,
  detailRange,
  detailSearch,
  detailStreams,
  requestDetailSearch,
} from './detailRange';

describe('detailRange', () => {
  it('covers the operation from start to end with a minute either side', () => {
    expect(detailRange(new URLSearchParams('time=1000000&duration=5000'), 9e12)).toEqual({
      startMs: 1000000 - 5000 - 2000,
      endMs: 1000000 + 2000,
      exact: true,
    });
  });

  it('falls back to the last week when the link has no time', () => {
    expect(detailRange(new URLSearchParams('time=abc'), 1e12)).toEqual({
      startMs: 1e12 - DETAIL_FALLBACK_LOOKBACK_MS,
      endMs: 1e12,
      exact: false,
    });
  });
});

describe('detailSearch and detailStreams', () => {
  const op = { endMs: 1000000.4, durationMs: 5000.2, tool: 'personio', logType: 'sync' };

  it("carries the operation's time, tool and log type to the detail page and back", () => {
    const search = new URLSearchParams(detailSearch(op));
    expect(search.toString()).toBe('time=1000000&duration=5001&tool=personio&type=sync');
    expect(detailStreams(search.get(DETAIL_PARAMS.tool), search.get(DETAIL_PARAMS.logType))).toEqual({
      tool: 'personio',
      logType: 'sync',
    });
  });

  it('keeps a tool with any characters as one parameter', () => {
    const tool = 'a&type=x #?';
    const search = new URLSearchParams(detailSearch({ ...op, tool }));
    expect(search.get(DETAIL_PARAMS.tool)).toBe(tool);
    expect(search.get(DETAIL_PARAMS.logType)).toBe('sync');
  });

  it('leaves the streams unknown for a link without tool and log type', () => {
    expect(detailSearch({ ...op, tool: '', logType: '' })).toBe('time=1000000&duration=5001');
    expect(detailStreams(null, ' ')).toBeUndefined();
  });
});

describe('requestDetailSearch', () => {
  const request = { spanId: '96823af2be9696c8', tool: 'workday', logType: 'connection_flow' };

  it("opens the request in its operation's Request logs, over the operation's own range", () => {
    const op = { endMs: 2_000_000, durationMs: 4_000.2, tool: 'workday', logType: 'connection_flow' };
    expect(Object.fromEntries(new URLSearchParams(requestDetailSearch(request, op)))).toEqual({
      time: '2000000',
      duration: '4001',
      tool: 'workday',
      type: 'connection_flow',
      tab: 'requests',
      request: '96823af2be9696c8',
    });
  });

  it("names only the request's streams when its operation was not found, so the detail asks the trace for its time", () => {
    expect(requestDetailSearch(request, null)).toBe(
      'tool=workday&type=connection_flow&tab=requests&request=96823af2be9696c8'
    );
    expect(detailRange(new URLSearchParams(requestDetailSearch(request, null)), 9e12).exact).toBe(false);
  });
});
