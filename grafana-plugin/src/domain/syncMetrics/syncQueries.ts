import { ALL_SERVICES_SELECTOR, labelEquals } from '../../api/loki/logql';
import { EVENT_NAMES, LOKI_LABELS } from '../attributes';

/** The `integration.sync.model` records of one integration: the history its syncs are compared with. */
export function buildSyncHistoryQuery(integrationId: string): string {
  return (
    `${ALL_SERVICES_SELECTOR} | ${labelEquals(LOKI_LABELS.eventName, EVENT_NAMES.syncModel)}` +
    ` | ${labelEquals(LOKI_LABELS.integrationId, integrationId)}`
  );
}
