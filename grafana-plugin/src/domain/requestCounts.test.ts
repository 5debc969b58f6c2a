import { classTotals, statusBuckets } from './requestCounts';

const MIN = 60_000;

describe('statusBuckets', () => {
  const range = { fromMs: 0, toMs: 5 * MIN };

  it('puts each point in the step it closes, by status class, empty steps kept', () => {
    const buckets = statusBuckets(
      [
        {
          labels: { code: '200' },
          points: [
            [1 * MIN, 5],
            [3 * MIN, 2],
          ],
        },
        { labels: { code: '403' }, points: [[1 * MIN, 1]] },
        { labels: { code: '429' }, points: [[5 * MIN, 4]] },
        { labels: { code: '503' }, points: [[2 * MIN, 3]] },
        { labels: {}, points: [[2 * MIN, 1]] },
      ],
      'code',
      range,
      60
    );
    expect(buckets.map((b) => b.timeMs)).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN]);
    expect(buckets.map((b) => b.total)).toEqual([6, 4, 2, 0, 4]);
    expect(buckets[0]!.counts).toEqual({ '2xx': 5, '3xx': 0, '4xx': 1, '5xx': 0, none: 0 });
    expect(classTotals(buckets)).toEqual({ '2xx': 7, '3xx': 0, '4xx': 5, '5xx': 3, none: 1 });
  });
});
