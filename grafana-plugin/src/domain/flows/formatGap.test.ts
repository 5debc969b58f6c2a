import { formatDuration, formatSessionGap } from './formatGap';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('formatDuration / formatSessionGap', () => {
  it.each([
    [400, '< 1 s'],
    [45 * S, '45 s'],
    [3 * MIN + 5 * S, '3 min 5 s'],
    [12 * MIN + 5 * S, '12 min'],
    [2 * H + 14 * MIN + 59 * S, '2 h 14 min'],
    [5 * H, '5 h'],
    [3 * 24 * H + 4 * H + 30 * MIN, '3 d 4 h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('labels the gap between sessions', () => {
    expect(formatSessionGap(2 * H + 14 * MIN)).toBe('2 h 14 min later');
    expect(formatSessionGap(-5 * MIN)).toBe('overlapping');
  });
});
