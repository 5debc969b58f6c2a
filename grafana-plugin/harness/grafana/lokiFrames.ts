/**
 * A panel's Loki query as a dashboard runs it: the query goes to the harness's fake Loki through
 * getBackendSrv and the data source proxy, and the streams come back as the one log frame
 * Grafana's Loki data source makes of them (pkg/tsdb/loki/frame.go, legacy layout: labels,
 * Time, Line, tsNs), newest first.
 */
import { lastValueFrom } from 'rxjs';
import { createDataFrame, type DataFrame, FieldType, type TimeRange } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';

interface LokiStreams {
  data: { result: Array<{ stream: Record<string, string>; values: Array<[string, string]> }> };
}

export async function queryLokiFrames(datasourceUid: string, query: string, range: TimeRange): Promise<DataFrame[]> {
  const response = await lastValueFrom(
    getBackendSrv().fetch<LokiStreams>({
      url: `/api/datasources/proxy/uid/${datasourceUid}/loki/api/v1/query_range`,
      params: {
        query,
        start: `${range.from.valueOf()}000000`,
        end: `${range.to.valueOf()}000000`,
        limit: '1000',
        direction: 'backward',
      },
    })
  );
  const entries = response.data.data.result
    .flatMap(({ stream, values }) => values.map(([tsNs, line]) => ({ labels: stream, tsNs, line })))
    .sort((a, b) => (BigInt(b.tsNs) > BigInt(a.tsNs) ? 1 : -1));
  return [
    createDataFrame({
      refId: 'A',
      fields: [
        { name: 'labels', type: FieldType.other, values: entries.map((e) => e.labels) },
        { name: 'Time', type: FieldType.time, values: entries.map((e) => Number(BigInt(e.tsNs) / 1_000_000n)) },
        { name: 'Line', type: FieldType.string, values: entries.map((e) => e.line) },
        { name: 'tsNs', type: FieldType.string, values: entries.map((e) => e.tsNs) },
      ],
    }),
  ];
}
