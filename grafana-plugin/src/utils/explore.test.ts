import { exploreUrl, traceExploreUrl } from './explore';
import { logDetailUrl } from './routing';

function panes(url: string) {
  const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  return JSON.parse(params.get('panes')!);
}

describe('explore URLs', () => {
  it('opens a trace in the Tempo data source with a padded range', () => {
    // Links use the normalised id, whatever a source wrote.
    const url = traceExploreUrl('tempo', 'ABC123', 1000, 2000.4);
    expect(url.startsWith('/explore?')).toBe(true);
    expect(panes(url).a).toEqual({
      datasource: 'tempo',
      queries: [
        {
          refId: 'A',
          datasource: { type: 'tempo', uid: 'tempo' },
          queryType: 'traceql',
          query: '00000000000000000000000000abc123',
        },
      ],
      range: { from: '1000', to: '2001' },
    });
  });

  it('links an operation by its normalised trace id', () => {
    expect(logDetailUrl('8A3C5E1F2B4D6A7C9E0F1A2B3C4D5E6', '?from=1')).toBe(
      '/a/integrationlogs-app/logs/08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6?from=1'
    );
  });

  it('keeps a hostile LogQL query intact as data', () => {
    const query = '{a="b"} |= "x&panes=y#z"';
    const url = exploreUrl({ datasourceUid: 'loki', datasourceType: 'loki', query, from: 'now-1h', to: 'now' });
    expect(url).not.toContain('#');
    expect(panes(url).a.queries[0].expr).toBe(query);
  });
});
