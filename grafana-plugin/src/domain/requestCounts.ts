import { statusClass } from './requests';

/** The classes the status chart stacks, bottom up; `none` is requests without a response. */
export const CHART_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'none'] as const;
export type ChartClass = (typeof CHART_CLASSES)[number];

export interface StatusBucket {
  /** Start of the step, ms. */
  timeMs: number;
  counts: Record<ChartClass, number>;
  total: number;
}

const zero = (): Record<ChartClass, number> => ({ '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, none: 0 });

function chartClass(code: string | undefined): ChartClass {
  const status = code === undefined || code === '' ? null : Number(code);
  const cls = statusClass(status !== null && Number.isFinite(status) ? status : null);
  return cls === 'other' ? 'none' : cls;
}

/**
 * Counts per status code and step (a Loki matrix over `sum by (status code)`) → one bucket per
 * step of the range, by class, empty steps included. A point at time t counts the step
 * before it. Pure.
 */
export function statusBuckets(
  series: Array<{ labels: Record<string, string>; points: Array<[number, number]> }>,
  statusLabel: string,
  range: { fromMs: number; toMs: number },
  stepS: number
): StatusBucket[] {
  const stepMs = stepS * 1000;
  const count = Math.max(1, Math.ceil((range.toMs - range.fromMs) / stepMs));
  const buckets: StatusBucket[] = Array.from({ length: count }, (_, i) => ({
    timeMs: range.fromMs + i * stepMs,
    counts: zero(),
    total: 0,
  }));
  for (const s of series) {
    const cls = chartClass(s.labels[statusLabel]);
    for (const [t, v] of s.points) {
      const i = Math.min(count - 1, Math.max(0, Math.ceil((t - range.fromMs) / stepMs) - 1));
      buckets[i]!.counts[cls] += v;
      buckets[i]!.total += v;
    }
  }
  return buckets;
}

/** Totals per class over the buckets. Pure. */
export function classTotals(buckets: StatusBucket[]): Record<ChartClass, number> {
  const totals = zero();
  for (const b of buckets) {
    for (const cls of CHART_CLASSES) {
      totals[cls] += b.counts[cls];
    }
  }
  return totals;
}
