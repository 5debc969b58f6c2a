import { formatSessionGap } from './formatGap';

const MIN = 60_000;
const H = 60 * MIN;

describe('formatSessionGap', () => {
  it('labels the gap between sessions', () => {
    expect(formatSessionGap(2 * H + 14 * MIN)).toBe('2 h 14 min later');
    expect(formatSessionGap(-5 * MIN)).toBe('overlapping');
  });
});
