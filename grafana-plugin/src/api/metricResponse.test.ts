import { parseMatrixResponse, parseVectorResponse, stepFor } from './metricResponse';

class TestResponseError extends Error {}

describe('Loki metric responses', () => {
  it('reads a matrix as series of [ms, value] points', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { http_response_status_code: '403' }, values: [[1700000000, '3'], [1700000060.5, '1'], 'x'] },
        ],
      },
    };
    expect(parseMatrixResponse(body, TestResponseError)).toEqual([
      {
        labels: { http_response_status_code: '403' },
        points: [
          [1700000000000, 3],
          [1700000060500, 1],
        ],
      },
    ]);
  });

  it('reads a vector largest first', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { url_template: '/a' }, value: [1700000000, '2'] },
          { metric: { url_template: '/b' }, value: [1700000000, '7'] },
          { metric: {}, value: [1700000000, 'NaN'] },
        ],
      },
    };
    expect(parseVectorResponse(body, TestResponseError)).toEqual([
      { labels: { url_template: '/b' }, value: 7 },
      { labels: { url_template: '/a' }, value: 2 },
    ]);
  });

  it('rejects a streams answer to a metric query', () => {
    expect(() =>
      parseMatrixResponse({ status: 'success', data: { resultType: 'streams', result: [] } }, TestResponseError)
    ).toThrow(new TestResponseError('Expected a matrix, got "streams".'));
  });

  it('picks a round step that draws the range in at most the points asked', () => {
    expect(stepFor(3_600_000, 60)).toBe(60);
    expect(stepFor(6 * 3_600_000, 60)).toBe(600);
    expect(stepFor(60_000, 60)).toBe(15);
    expect(stepFor(90 * 86_400_000, 60)).toBe(172800);
  });
});
