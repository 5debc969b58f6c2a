const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people read it in a timeline, with its two largest units:
 * `45 s`, `12 min`, `2 h 14 min`, `3 d 4 h`.
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < SECOND) {
    return '< 1 s';
  }
  if (abs < MINUTE) {
    return `${Math.floor(abs / SECOND)} s`;
  }
  if (abs < HOUR) {
    const s = Math.floor((abs % MINUTE) / SECOND);
    return join(`${Math.floor(abs / MINUTE)} min`, s && abs < 10 * MINUTE ? `${s} s` : '');
  }
  if (abs < DAY) {
    return join(`${Math.floor(abs / HOUR)} h`, pick(Math.floor((abs % HOUR) / MINUTE), 'min'));
  }
  return join(`${Math.floor(abs / DAY)} d`, pick(Math.floor((abs % DAY) / HOUR), 'h'));
}

/** The label on the broken line between two sessions: `2 h 14 min later`, or `overlapping` for concurrent sessions. */
export function formatSessionGap(gapMs: number): string {
  return gapMs < 0 ? 'overlapping' : `${formatDuration(gapMs)} later`;
}

function pick(value: number, unit: string): string {
  return value ? `${value} ${unit}` : '';
}

function join(a: string, b: string): string {
  return b ? `${a} ${b}` : a;
}
