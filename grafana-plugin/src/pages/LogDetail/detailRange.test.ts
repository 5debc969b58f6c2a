import { DETAIL_FALLBACK_LOOKBACK_MS, detailRange } from './detailRange';

describe('detailRange', () => {
  it('covers the operation from start to end with a minute either side', () => {
    expect(detailRange(new URLSearchParams('time=1000000&duration=5000'), 9e12)).toEqual({
      startMs: 1000000 - 5000 - 60000,
      endMs: 1000000 + 60000,
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
