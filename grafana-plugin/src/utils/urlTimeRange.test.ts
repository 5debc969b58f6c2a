import { dateTime, type TimeRange } from '@grafana/data';
import { msRangeToQuery, timeRangeToQuery, toRawTimeRange, urlTime } from './urlTimeRange';

describe('URL time range', () => {
  it('reads epoch ms as absolute times and keeps relative ones', () => {
    const raw = toRawTimeRange('1700000000000', 'now');
    expect(typeof raw.from === 'string' ? raw.from : raw.from.valueOf()).toBe(1700000000000);
    expect(raw.to).toBe('now');
    expect(urlTime('now-7d')).toBe('now-7d');
  });

  it('writes a picked range back as the URL has it', () => {
    const picked = { raw: { from: dateTime(1700000000000), to: 'now' } } as unknown as TimeRange;
    expect(timeRangeToQuery(picked)).toEqual({ from: '1700000000000', to: 'now' });
    expect(msRangeToQuery(1.4, 2.6)).toEqual({ from: '1', to: '3' });
  });
});
