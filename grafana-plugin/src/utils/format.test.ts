import { countOf, formatDuration, formatTime } from './format';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('formatDuration', () => {
  it.each([
    [83.4, '83 ms'],
    [400, '400 ms'],
    [1240, '1.24 s'],
    [45 * S, '45.0 s'],
    [3 * MIN + 5 * S, '3 min 5 s'],
    [12 * MIN + 5 * S, '12 min'],
    [2 * H + 14 * MIN + 59 * S, '2 h 14 min'],
    [5 * H, '5 h'],
    [3 * 24 * H + 4 * H + 30 * MIN, '3 d 4 h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says when the duration is unknown', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatTime', () => {
  const t = Date.UTC(2026, 10, 26, 23, 30, 5, 123);

  it('shows the time in the given time zone', () => {
    expect(formatTime(t, 'ms', 'utc')).toBe('2026-11-26 23:30:05.123');
    expect(formatTime(t, 'ms', 'Europe/Berlin')).toBe('2026-11-27 00:30:05.123');
    expect(formatTime(t, 'minute', 'America/New_York')).toBe('2026-11-26 18:30');
  });

  it("defaults to the Grafana user's time zone", () => {
    const { config } = jest.requireActual('@grafana/runtime');
    const before = config.bootData.user.timezone;
    config.bootData.user.timezone = 'Asia/Tokyo';
    try {
      expect(formatTime(t, 'second')).toBe('2026-11-27 08:30:05');
    } finally {
      config.bootData.user.timezone = before;
    }
  });
});

describe('countOf', () => {
  it.each([
    [0, 'request', '0 requests'],
    [1, 'request', '1 request'],
    [2, 'operation', '2 operations'],
    [1204, 'operation', '1,204 operations'],
  ])('%d %s reads %s', (n, noun, text) => {
    expect(countOf(n, noun)).toBe(text);
  });
});
