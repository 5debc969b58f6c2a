import React, { useEffect, useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { getTrace } from '../../api/tempo/client';
import { TraceSpan } from '../../api/tempo/parse';
import { waterfallRows } from '../../domain/waterfall';
import { DetailTabProps } from '../../domain/types';
import { useSettings } from '../../settings';
import { formatDuration } from '../../utils/format';
import { QueryError } from '../common/QueryError';
import { testIds } from '../testIds';

/** The operation's trace from Tempo as a waterfall; a request span opens its request log. */
export function TraceTab({ operation, records, openRequest }: DetailTabProps) {
  const s = useStyles2(getStyles);
  const { tempoDatasourceUid } = useSettings();
  const key = `${tempoDatasourceUid}\n${operation.traceId}`;
  const [result, setResult] = useState<{ key: string; spans: TraceSpan[]; error: Error | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    getTrace(tempoDatasourceUid, operation.traceId).then(
      (spans) => !cancelled && setResult({ key, spans, error: null }),
      (error: Error) => !cancelled && setResult({ key, spans: [], error })
    );
    return () => {
      cancelled = true;
    };
  }, [key, tempoDatasourceUid, operation.traceId]);
  const current = result?.key === key ? result : null;
  const rows = useMemo(() => waterfallRows(current?.spans ?? []), [current]);
  const requestSpans = useMemo(() => new Set(records.requests.map((r) => r.spanId)), [records.requests]);

  if (!current) {
    return <LoadingPlaceholder text="Loading the trace from Tempo…" />;
  }
  if (current.error) {
    return <QueryError error={current.error} title="Could not load the trace" testId={testIds.trace.error} />;
  }
  if (rows.length === 0) {
    return (
      <div className={s.empty} data-testid={testIds.trace.empty}>
        Tempo has no trace {operation.traceId}: it may be older than the retention period or still being ingested.
      </div>
    );
  }
  return (
    <div className={s.table} data-testid={testIds.trace.container} role="table">
      {rows.map(({ span, depth, offset, width }) => {
        const hasRequest = requestSpans.has(span.spanId) && openRequest;
        const error = span.statusCode === 'STATUS_CODE_ERROR' || span.statusCode === '2';
        return (
          <div
            key={span.spanId}
            role="row"
            data-testid={testIds.trace.row}
            className={cx(s.row, hasRequest && s.clickable)}
            onClick={hasRequest ? () => openRequest(span.spanId) : undefined}
            title={hasRequest ? 'Open this request' : undefined}
          >
            <div role="cell" className={s.name} style={{ paddingLeft: depth * 16 }}>
              {span.name}
            </div>
            <div role="cell" className={s.duration}>
              {formatDuration(span.endMs - span.startMs)}
            </div>
            <div role="cell" className={s.track}>
              <div
                className={cx(s.bar, error && s.errorBar)}
                style={{ left: `${offset * 100}%`, width: `max(2px, ${width * 100}%)` }}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  empty: css({ padding: theme.spacing(3), color: theme.colors.text.secondary }),
  table: css({ fontSize: theme.typography.bodySmall.fontSize, border: `1px solid ${theme.colors.border.weak}` }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 30%) 90px 1fr',
    gap: theme.spacing(1),
    alignItems: 'center',
    height: 30,
    padding: theme.spacing(0, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  clickable: css({ cursor: 'pointer', '&:hover': { background: theme.colors.action.hover } }),
  name: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  duration: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums', color: theme.colors.text.secondary }),
  track: css({ position: 'relative', height: 12 }),
  bar: css({ position: 'absolute', top: 0, bottom: 0, borderRadius: 2, background: theme.colors.primary.main }),
  errorBar: css({ background: theme.colors.error.main }),
});
