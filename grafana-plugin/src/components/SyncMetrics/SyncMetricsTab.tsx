import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Icon, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';

import { useLokiRecords } from '../FlowTimeline/useLokiRecords';
import { syncModelsFromLogRecords, syncWarningsFromLogRecords } from '../../domain/syncMetrics/fromLogRecord';
import { buildSyncMetrics, DEFAULT_DROP_OPTIONS, type DropOptions } from '../../domain/syncMetrics/syncMetrics';
import { buildSyncHistoryQuery } from '../../domain/syncMetrics/syncQueries';
import type { SyncModelRecord, SyncWarning } from '../../domain/syncMetrics/syncRecords';
import type { DetailTabProps } from '../../domain/types';
import { useSettings } from '../../settings';
import { HISTORY_LOOKBACK_MS, layoutFrom } from '../../api/loki/layout';
import { useLokiLayout } from '../common/useLokiLayout';
import { SyncModelTable } from './SyncModelTable';
import { syncTestIds } from './testIds';

/**
 * How far back previous syncs of the integration are looked for: the 30-day retention, less a
 * day so the range stays inside Loki's default query length limit (721 h).
 */
export const SYNC_HISTORY_MS = HISTORY_LOOKBACK_MS;
export const SYNC_HISTORY_LIMIT = 2000;

/**
 * Sync metrics tab: per data model what this sync read, created, updated, deleted and failed,
 * its warnings under the model, and the same model's figures from the integration's previous
 * syncs, with a drop against their median flagged.
 */
export function SyncMetricsTab({ operation, records }: DetailTabProps) {
  const { lokiDatasourceUid } = useSettings();
  const own = useMemo(() => syncModelsFromLogRecords(records.syncModels), [records.syncModels]);
  const warnings = useMemo(() => syncWarningsFromLogRecords(records.warnings), [records.warnings]);
  const integrationId = operation.integrationId;
  const layout = layoutFrom(useLokiLayout(lokiDatasourceUid), operation.endMs - SYNC_HISTORY_MS);
  const params = useMemo(
    () =>
      integrationId && layout
        ? {
            query: buildSyncHistoryQuery(layout, integrationId, operation.tool),
            startMs: operation.endMs - SYNC_HISTORY_MS,
            endMs: operation.endMs,
            limit: SYNC_HISTORY_LIMIT,
            direction: 'backward' as const,
          }
        : null,
    [integrationId, layout, operation.tool, operation.endMs]
  );
  const { records: found, loading, error } = useLokiRecords(lokiDatasourceUid, params);
  const history = useMemo(() => syncModelsFromLogRecords(found), [found]);

  return (
    <SyncMetricsView
      syncId={operation.traceId}
      records={[...own, ...history]}
      warnings={warnings}
      loading={loading}
      error={error?.message}
    />
  );
}

export interface SyncMetricsViewProps {
  syncId: string;
  records: SyncModelRecord[];
  warnings: SyncWarning[];
  options?: DropOptions;
  loading?: boolean;
  error?: string;
}

export function SyncMetricsView({ syncId, records, warnings, options, loading, error }: SyncMetricsViewProps) {
  const metrics = useMemo(
    () => buildSyncMetrics({ syncId, records, warnings }, options),
    [syncId, records, warnings, options]
  );
  const threshold = options?.dropThreshold ?? DEFAULT_DROP_OPTIONS.dropThreshold;
  const flagged = metrics.models.filter((m) => m.flagged).length;
  const styles = useStyles2(getStyles);
  return (
    <div data-testid={syncTestIds.tab}>
      {loading && <LoadingPlaceholder text="Loading previous syncs…" />}
      {error && (
        <Alert severity="warning" title="Previous syncs could not be loaded" data-testid={syncTestIds.error}>
          {error}
        </Alert>
      )}
      {metrics.models.length === 0 ? (
        <div data-testid={syncTestIds.empty}>
          <Text color="secondary">This sync reported no data models.</Text>
        </div>
      ) : (
        <Stack direction="column" gap={1}>
          {flagged > 0 && (
            <Text color="error">
              {flagged} model{flagged === 1 ? '' : 's'} dropped more than {Math.round(threshold * 100)} % below the
              median of previous syncs
            </Text>
          )}
          <SyncModelTable models={metrics.models} dropThreshold={threshold} />
        </Stack>
      )}
      {metrics.otherWarnings.length > 0 && (
        <div className={styles.other} data-testid={syncTestIds.otherWarnings}>
          <Text weight="medium">Other warnings</Text>
          <ul className={styles.list}>
            {metrics.otherWarnings.map((w, i) => (
              <li key={i}>
                <Icon name="exclamation-triangle" className={styles.warnIcon} /> {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  other: css({ marginTop: theme.spacing(2) }),
  list: css({ listStyle: 'none', margin: theme.spacing(0.5, 0, 0, 0), padding: 0, color: theme.colors.warning.text }),
  warnIcon: css({ color: theme.colors.warning.main }),
});
