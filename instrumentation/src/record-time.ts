/**
 * Record timestamps with sub-millisecond resolution, strictly increasing within the
 * process. The logs SDK stamps a record with Date.now() (milliseconds), and Loki keeps one
 * of two records with the same timestamp and body in a stream: two syncs of a tool that
 * finish in the same millisecond with the same counts write identical sync-model records,
 * and one of them was lost (2 of 90,000 in a 30-minute run at 50 syncs a second).
 */
import type { HrTime } from '@opentelemetry/api';
import { hrTime } from '@opentelemetry/core';

const NS_PER_S = 1_000_000_000;
let last: HrTime = [0, 0];

/** Now, as [seconds, nanoseconds], later than every time this function returned before. */
export function uniqueRecordTime(): HrTime {
  let [s, ns] = hrTime();
  if (s < last[0] || (s === last[0] && ns <= last[1])) {
    [s, ns] = last[1] + 1 < NS_PER_S ? [last[0], last[1] + 1] : [last[0] + 1, 0];
  }
  last = [s, ns];
  return last;
}
