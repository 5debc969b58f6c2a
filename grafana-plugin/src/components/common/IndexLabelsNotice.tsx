import React from 'react';
import { Alert } from '@grafana/ui';
import type { LayoutCheck } from '../../api/loki/layout';
import { INDEX_LABELS } from '../../api/loki/logql';
import { formatTime } from '../../utils/format';
import { testIds } from '../testIds';

const labelList = INDEX_LABELS.map((label, i) => (
  <React.Fragment key={label}>
    {i > 0 && (i === INDEX_LABELS.length - 1 ? ' and ' : ', ')}
    <code>{label}</code>
  </React.Fragment>
));

/**
 * Says, without blocking the page, that the page's queries read every record in its range:
 * because Loki does not index the labels the app selects on (with how to turn them on), or
 * because the range reaches back before Loki indexed them. Renders nothing otherwise.
 */
export function IndexLabelsNotice({ check, fromMs }: { check: LayoutCheck | null; fromMs: number }) {
  if (check?.unindexed) {
    return (
      <Alert
        severity="info"
        title="Queries read every log record in the time range"
        data-testid={testIds.indexLabelsNotice}
      >
        Loki does not index {labelList} as labels, so every query reads all records in its range, request bodies
        included, and gets slower as request logs grow. To turn them on, see the section &quot;Index labels&quot; of{' '}
        <code>provisioning/loki/README.md</code>.
      </Alert>
    );
  }
  const since = check?.labelledSinceMs;
  if (check?.layout === 'labels' && since !== null && since !== undefined && fromMs < since) {
    return (
      <Alert
        severity="info"
        title="Queries read every log record in the time range"
        data-testid={testIds.indexLabelsNotice}
      >
        Loki indexes {labelList} as labels since {formatTime(since)}; records written before then have them as
        structured metadata only. This range starts earlier, so its queries read all records in it to find those too.
        Ranges from {formatTime(since)} on read only what they show.
      </Alert>
    );
  }
  return null;
}
