import { DEFAULT_SESSION_GAP_MS } from '@integration-logs/semantic-conventions';
import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;

/** Routes below PLUGIN_BASE_URL. */
export enum ROUTES {
  Logs = 'logs',
  Flows = 'flows',
  Requests = 'requests',
}

/** App settings as stored in the plugin's jsonData (see AppConfig). */
export interface AppSettings {
  tempoDatasourceUid: string;
  lokiDatasourceUid: string;
  prometheusDatasourceUid: string;
  /** Inactivity gap that starts a new connection-flow session. */
  sessionGapMinutes: number;
}

/** Defaults match the datasource uids the repository's provisioning creates. */
export const DEFAULT_SETTINGS: AppSettings = {
  tempoDatasourceUid: 'tempo',
  lokiDatasourceUid: 'loki',
  prometheusDatasourceUid: 'prometheus',
  sessionGapMinutes: DEFAULT_SESSION_GAP_MS / 60_000,
};

/** Operations fetched per page of the list (Loki `limit`). */
export const OPERATIONS_PAGE_SIZE = 500;
/** Requests fetched per page of the Requests page (Loki `limit`). */
export const REQUESTS_PAGE_SIZE = 500;
/** Records fetched for one operation's detail view (all record types of one trace). */
export const DETAIL_RECORDS_LIMIT = 5000;
/** Live tail: how often to poll and how far back each poll looks. */
export const LIVE_TAIL_INTERVAL_MS = 2500;
export const LIVE_TAIL_WINDOW_MS = 60_000;
/** Most operations kept in memory while live tailing. */
export const LIVE_TAIL_MAX_ROWS = 10_000;
