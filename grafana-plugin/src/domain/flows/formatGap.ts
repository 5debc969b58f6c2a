import { formatDuration } from '../../utils/format';

/** The label on the broken line between two sessions: `2 h 14 min later`, or `overlapping` for concurrent sessions. */
export function formatSessionGap(gapMs: number): string {
  return gapMs < 0 ? 'overlapping' : `${formatDuration(gapMs)} later`;
}
