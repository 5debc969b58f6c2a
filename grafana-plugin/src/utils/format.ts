import { dateTimeFormat, getTimeZone } from '@grafana/data';
import { config } from '@grafana/runtime';
import { BadgeColor } from '@grafana/ui';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people read it, with its two largest units: `83 ms`, `1.24 s`, `45.0 s`,
 * `3 min 5 s` (seconds only under 10 minutes), `2 h 14 min`, `3 d 4 h`; `–` when unknown.
 * The one duration format of the app: request timings, operations, flow sessions and gaps.
 * Pure.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) {
    return '–';
  }
  const abs = Math.abs(ms);
  if (abs < SECOND) {
    return `${Math.round(abs)} ms`;
  }
  if (abs < MINUTE) {
    return `${(abs / SECOND).toFixed(abs < 10 * SECOND ? 2 : 1)} s`;
  }
  if (abs < HOUR) {
    const s = Math.floor((abs % MINUTE) / SECOND);
    return join(`${Math.floor(abs / MINUTE)} min`, s && abs < 10 * MINUTE ? `${s} s` : '');
  }
  if (abs < DAY) {
    return join(`${Math.floor(abs / HOUR)} h`, unit(Math.floor((abs % HOUR) / MINUTE), 'min'));
  }
  return join(`${Math.floor(abs / DAY)} d`, unit(Math.floor((abs % DAY) / HOUR), 'h'));
}

function unit(value: number, name: string): string {
  return value ? `${value} ${name}` : '';
}

function join(a: string, b: string): string {
  return b ? `${a} ${b}` : a;
}

/**
 * The Grafana user's time zone (their profile's, else what Grafana resolves: the org's or
 * the browser's). Every time the app shows is in it.
 */
export function userTimeZone(): string {
  const fromProfile = config.bootData?.user?.timezone;
  return fromProfile ? fromProfile : getTimeZone();
}

const TIME_FORMATS = {
  ms: 'YYYY-MM-DD HH:mm:ss.SSS',
  second: 'YYYY-MM-DD HH:mm:ss',
  minute: 'YYYY-MM-DD HH:mm',
  /** Short, for dense charts and strips. */
  shortMinute: 'MM-DD HH:mm',
} as const;

/** A time in the user's time zone with Grafana's date formatting, e.g. 2026-11-26 14:03:12.345. */
export function formatTime(
  ms: number,
  precision: keyof typeof TIME_FORMATS = 'ms',
  timeZone: string = userTimeZone()
): string {
  return dateTimeFormat(ms, { format: TIME_FORMATS[precision], timeZone });
}

export const LOG_TYPE_LABELS: Record<string, string> = {
  sync: 'Sync',
  connection_flow: 'Connection flow',
  action: 'Action',
  passthrough: 'Passthrough',
  incoming_webhook: 'Incoming webhook',
};

export function logTypeLabel(type: string): string {
  return LOG_TYPE_LABELS[type] ?? type;
}

export function outcomeColor(outcome: string): BadgeColor {
  switch (outcome) {
    case 'success':
      return 'green';
    case 'partial':
      return 'orange';
    case 'failure':
      return 'red';
    default:
      return 'darkgrey';
  }
}

export function statusColor(status: number | null): BadgeColor {
  if (status === null) {
    return 'red';
  }
  if (status >= 500) {
    return 'red';
  }
  if (status >= 400) {
    return 'orange';
  }
  if (status >= 300) {
    return 'blue';
  }
  return 'green';
}

/** A count with its noun, plural unless one: `1 request`, `1,204 operations`. Pure. */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}
