import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, LoadingPlaceholder, useStyles2 } from '@grafana/ui';

/**
 * A list page's list: a placeholder while the first rows load, what the range lacks when
 * it holds nothing (unless the query failed, which the page shows), else the list itself.
 */
export function ListBody(props: {
  loading: boolean;
  error: Error | null;
  count: number;
  noun: string;
  filtered: boolean;
  emptyTestId: string;
  children: React.ReactNode;
}) {
  const { loading, error, count, noun, filtered, emptyTestId, children } = props;
  if (count > 0) {
    return <>{children}</>;
  }
  if (loading) {
    return <LoadingPlaceholder text={`Loading ${noun}…`} />;
  }
  return error ? null : <EmptyList noun={noun} filtered={filtered} testId={emptyTestId} />;
}

/** What a list page says when the range holds nothing to show. */
export function EmptyList({ noun, filtered, testId }: { noun: string; filtered: boolean; testId: string }) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.empty} data-testid={testId}>
      <p>
        No {noun} in this time range{filtered ? ' match the filters' : ''}.
      </p>
      <p className={s.hint}>
        {filtered
          ? 'Clear some filters or widen the time range.'
          : 'Widen the time range, or check that your integrations run with the integration-logs SDK and that the collector sends logs to Loki.'}
      </p>
    </div>
  );
}

/** Paging state of a list read newest first (useRecordPages). */
export interface OlderPages {
  loadingMore: boolean;
  loadMore: () => void;
}

/** The footer of a list with older rows to read: a button that loads the next page. */
export function LoadOlder({ pages, noun, testId }: { pages: OlderPages; noun: string; testId: string }) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.footer}>
      <Button variant="secondary" onClick={pages.loadMore} disabled={pages.loadingMore} data-testid={testId}>
        {pages.loadingMore ? 'Loading…' : `Load older ${noun}`}
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  empty: css({ padding: theme.spacing(4), textAlign: 'center', color: theme.colors.text.secondary }),
  hint: css({ fontSize: theme.typography.bodySmall.fontSize }),
  footer: css({ display: 'flex', justifyContent: 'center', padding: theme.spacing(1) }),
});
