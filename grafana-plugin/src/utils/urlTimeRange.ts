import { dateTime, type DateTime, type RawTimeRange, type TimeRange } from '@grafana/data';

/** The URL keys of a page's time range, as Grafana's own pages name them. */
export const TIME_URL_KEYS = { from: 'from', to: 'to' } as const;

/** A URL time as Grafana's raw time: epoch ms ("1795...") become a date, "now-7d" stays relative. Pure. */
export function urlTime(value: string): string | DateTime {
  return /^\d+$/.test(value) ? dateTime(Number(value)) : value;
}

export function toRawTimeRange(from: string, to: string): RawTimeRange {
  return { from: urlTime(from), to: urlTime(to) };
}

/** A raw time back to its URL form: relative text as is, a date as epoch ms. Pure. */
export function rawTimeToUrl(value: string | DateTime): string {
  return typeof value === 'string' ? value : String(value.valueOf());
}

/** The URL update for a range picked in the time picker. Pure. */
export function timeRangeToQuery(next: TimeRange): Record<string, string> {
  return { [TIME_URL_KEYS.from]: rawTimeToUrl(next.raw.from), [TIME_URL_KEYS.to]: rawTimeToUrl(next.raw.to) };
}

/** The URL update for an absolute range in ms. Pure. */
export function msRangeToQuery(fromMs: number, toMs: number): Record<string, string> {
  return { [TIME_URL_KEYS.from]: String(Math.round(fromMs)), [TIME_URL_KEYS.to]: String(Math.round(toMs)) };
}
