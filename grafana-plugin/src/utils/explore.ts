/**
 * Explore URLs (Grafana's `panes` format). Pure. The query goes through JSON and URL encoding,
 * so any value in it is data, never URL structure.
 */
import { normalizeTraceId } from '../domain/traceId';

export function exploreUrl(pane: {
  datasourceUid: string;
  datasourceType: 'loki' | 'tempo';
  query: string;
  queryType?: string;
  from: string;
  to: string;
}): string {
  const panes = {
    a: {
      datasource: pane.datasourceUid,
      queries: [
        {
          refId: 'A',
          datasource: { type: pane.datasourceType, uid: pane.datasourceUid },
          ...(pane.datasourceType === 'tempo' ? { queryType: pane.queryType ?? 'traceql' } : {}),
          expr: pane.datasourceType === 'loki' ? pane.query : undefined,
          query: pane.datasourceType === 'tempo' ? pane.query : undefined,
        },
      ],
      range: { from: pane.from, to: pane.to },
    },
  };
  return `/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}

/** Explore link that opens one trace in Tempo. */
export function traceExploreUrl(tempoUid: string, traceId: string, fromMs: number, toMs: number): string {
  return exploreUrl({
    datasourceUid: tempoUid,
    datasourceType: 'tempo',
    query: normalizeTraceId(traceId),
    queryType: 'traceql',
    from: String(Math.floor(fromMs)),
    to: String(Math.ceil(toMs)),
  });
}
