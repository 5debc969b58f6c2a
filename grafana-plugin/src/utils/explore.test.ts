import { exploreUrl, traceExploreUrl } from './explore';

function panes(url: string) {
  const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  return JSON.parse(params.get('panes')!);
}

describe('explore URLs', () => {
  it('opens a trace in the Tempo data source with a padded range', () => {
    const url = traceExploreUrl('tempo', 'abc123', 1000, 2000.4);
    expect(url.startsWith('/explore?')).toBe(true);
    expect(panes(url).a).toEqual({
      datasource: 'tempo',
      queries: [{ refId: 'A', datasource: { type: 'tempo', uid: 'tempo' }, queryType: 'traceql', query: 'abc123' }],
      range: { from: '1000', to: '2001' },
    });
  });

  it('keeps a hostile LogQL query intact as data', () => {
    const query = '{a="b"} |= "x&panes=y#z"';
    const url = exploreUrl({ datasourceUid: 'loki', datasourceType: 'loki', query, from: 'now-1h', to: 'now' });
    expect(url).not.toContain('#');
    expect(panes(url).a.queries[0].expr).toBe(query);
  });
});
