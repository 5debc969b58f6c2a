import React from 'react';
import { Alert } from '@grafana/ui';
import type { LayoutCheck } from '../../api/loki/layout';
import { INDEX_LABELS } from '../../api/loki/logql';
import { testIds } from '../testIds';

/**
 * Says, without blocking the page, that queries read every record because Loki does not
 * index the labels the app selects on, and how to turn them on. Renders nothing otherwise.
 */
export function IndexLabelsNotice({ check }: { check: LayoutCheck | null }) {
  if (!check?.unindexed) {
    return null;
  }
  return (
    <Alert
      severity="info"
      title="Queries read every log record in the time range"
      data-testid={testIds.indexLabelsNotice}
    >
      Loki does not index{' '}
      {INDEX_LABELS.map((label, i) => (
        <React.Fragment key={label}>
          {i > 0 && (i === INDEX_LABELS.length - 1 ? ' and ' : ', ')}
          <code>{label}</code>
        </React.Fragment>
      ))}{' '}
      as labels, so every query reads all records in its range, request bodies included, and gets slower as request logs
      grow. To turn them on, see the section &quot;Index labels&quot; of <code>provisioning/loki/README.md</code>.
    </Alert>
  );
}
