import { flowsUrlUpdate, parseFlowsUrl } from './flowsUrlState';

describe('flows page URL state', () => {
  it('reads defaults and values', () => {
    expect(parseFlowsUrl(new URLSearchParams(''))).toEqual({
      from: 'now-7d',
      to: 'now',
      tool: '',
      customer: '',
      text: '',
    });
    expect(parseFlowsUrl(new URLSearchParams('tool=personio&customer=acme&q=hr&from=1&to=2'))).toEqual({
      from: '1',
      to: '2',
      tool: 'personio',
      customer: 'acme',
      text: 'hr',
    });
  });

  it('writes only the given keys and removes emptied ones', () => {
    expect(flowsUrlUpdate({ tool: 'personio', text: '' })).toEqual({ tool: 'personio', q: null });
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(flowsUrlUpdate({ customer: 'a&b=c' }))) {
      params.set(k, v!);
    }
    expect(parseFlowsUrl(params).customer).toBe('a&b=c');
  });
});
