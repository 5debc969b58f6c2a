import { useEffect, useState } from 'react';
import { layoutFrom } from '../../api/loki/layout';
import { queryRange } from '../../api/loki/client';
import {
  buildTraceOperationQuery,
  buildTraceRecordsQuery,
  type LokiLayout,
  type OperationStreams,
} from '../../api/loki/logql';
import { getTrace } from '../../api/tempo/client';
import { traceBounds } from '../../api/tempo/parse';
import { useLokiLayout } from '../../components/common/useLokiLayout';
import { DETAIL_RECORDS_LIMIT } from '../../constants';
import { groupTraceRecords } from '../../domain/records';
import { LogRecord, Operation, OperationRecords } from '../../domain/types';
import { operationRange, RECORD_SLACK_MS } from './detailRange';

export type Loaded = { operation: Operation | null; records: OperationRecords; truncated: boolean };

/**
 * The range to read a trace's records in: the linked time when the link has one; else the
 * trace's own span times from Tempo; else the fallback range (Tempo unreachable or no trace).
 */
async function recordsRange(
  tempoUid: string,
  traceId: string,
  range: { startMs: number; endMs: number; exact: boolean }
) {
  if (range.exact) {
    return range;
  }
  try {
    const bounds = traceBounds(await getTrace(tempoUid, traceId));
    return bounds ? { startMs: bounds.startMs - RECORD_SLACK_MS, endMs: bounds.endMs + RECORD_SLACK_MS } : range;
  } catch {
    return range;
  }
}

/** Operation records of one trace read to find its streams: the root and any nested operations. */
const TRACE_OPERATIONS_LIMIT = 100;

/**
 * Every record of the trace in the range. In the `labels` layout only the streams of the
 * operation's tool and log type are read: from the link when it names them, else from the
 * trace's operation record, read first (operation streams only), which also narrows the
 * range to the operation's own. Without an operation record nothing more is read.
 */
async function traceRecords(
  lokiUid: string,
  layout: LokiLayout,
  traceId: string,
  range: { startMs: number; endMs: number },
  linked: OperationStreams | undefined
): Promise<LogRecord[]> {
  let streams = linked;
  let within = range;
  if (layout === 'labels' && !streams) {
    const query = buildTraceOperationQuery(layout, traceId);
    const found = await queryRange(lokiUid, { query, ...range, limit: TRACE_OPERATIONS_LIMIT, direction: 'forward' });
    const operation = groupTraceRecords(found).operation;
    if (!operation) {
      return found;
    }
    streams = { tool: operation.tool, logType: operation.logType };
    within = operationRange(operation.endMs, operation.durationMs);
  }
  const query = buildTraceRecordsQuery(layout, traceId, streams);
  return queryRange(lokiUid, { query, ...within, limit: DETAIL_RECORDS_LIMIT, direction: 'forward' });
}

/** The trace's records, grouped, read once per trace, range and streams (a late answer to an older one is dropped). */
export function useTraceRecords(
  lokiUid: string,
  tempoUid: string,
  traceId: string,
  range: { startMs: number; endMs: number; exact: boolean },
  streams: OperationStreams | undefined
) {
  const layout = layoutFrom(useLokiLayout(lokiUid), range.startMs);
  const key = [lokiUid, tempoUid, traceId, range.startMs, range.endMs, layout, streams?.tool, streams?.logType].join(
    '\n'
  );
  const [result, setResult] = useState<{ key: string; error: Error | null; data: Loaded | null } | null>(null);
  useEffect(() => {
    if (!layout) {
      return;
    }
    let cancelled = false;
    recordsRange(tempoUid, traceId, range)
      .then((r) => traceRecords(lokiUid, layout, traceId, { startMs: r.startMs, endMs: r.endMs }, streams))
      .then(
        (records) =>
          !cancelled &&
          setResult({
            key,
            error: null,
            data: { ...groupTraceRecords(records), truncated: records.length >= DETAIL_RECORDS_LIMIT },
          }),
        (error: Error) => !cancelled && setResult({ key, error, data: null })
      );
    return () => {
      cancelled = true;
    };
  }, [key, lokiUid, tempoUid, traceId, range, layout, streams]);
  const current = result?.key === key ? result : null;
  return { loading: current === null, error: current?.error ?? null, data: current?.data ?? null };
}
