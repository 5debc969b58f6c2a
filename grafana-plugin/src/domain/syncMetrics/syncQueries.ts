import { logQuery, one, type LokiLayout } from '../../api/loki/logql';
import { EVENT_NAMES, LOKI_LABELS } from '@integration-logs/semantic-conventions';

/**
 * The `integration.sync.model` records of one integration: the history its syncs are compared
 * with. An integration is one tool's: its tool only narrows the streams read.
 */
export function buildSyncHistoryQuery(layout: LokiLayout, integrationId: string, tool = ''): string {
  return logQuery(layout, [
    { label: LOKI_LABELS.eventName, values: [EVENT_NAMES.syncModel] },
    { ...one(LOKI_LABELS.tool, tool), selectorOnly: true },
    { label: LOKI_LABELS.integrationId, values: [integrationId] },
  ]);
}
