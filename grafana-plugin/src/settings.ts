import { createContext, useContext } from 'react';
import { AppSettings, DEFAULT_SETTINGS } from './constants';

/** Fills missing or malformed jsonData fields with defaults. Pure. */
export function resolveSettings(jsonData: Partial<Record<keyof AppSettings, unknown>> | undefined | null): AppSettings {
  const data = jsonData ?? {};
  const uid = (value: unknown, fallback: string) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
  const gap = Number(data.sessionGapMinutes);
  return {
    tempoDatasourceUid: uid(data.tempoDatasourceUid, DEFAULT_SETTINGS.tempoDatasourceUid),
    lokiDatasourceUid: uid(data.lokiDatasourceUid, DEFAULT_SETTINGS.lokiDatasourceUid),
    prometheusDatasourceUid: uid(data.prometheusDatasourceUid, DEFAULT_SETTINGS.prometheusDatasourceUid),
    sessionGapMinutes: Number.isFinite(gap) && gap > 0 ? gap : DEFAULT_SETTINGS.sessionGapMinutes,
  };
}

export const SettingsContext = createContext<AppSettings>(DEFAULT_SETTINGS);

export function useSettings(): AppSettings {
  return useContext(SettingsContext);
}
