import { DEFAULT_SETTINGS } from './constants';
import { resolveSettings } from './settings';

describe('resolveSettings', () => {
  it('defaults to the provisioned data sources and a 30 minute gap', () => {
    expect(resolveSettings(undefined)).toEqual({
      tempoDatasourceUid: 'tempo',
      lokiDatasourceUid: 'loki',
      prometheusDatasourceUid: 'prometheus',
      sessionGapMinutes: 30,
    });
  });

  it('keeps valid values and replaces blank or malformed ones', () => {
    expect(
      resolveSettings({
        lokiDatasourceUid: ' loki-eu ',
        tempoDatasourceUid: '',
        prometheusDatasourceUid: 7,
        sessionGapMinutes: '45',
      })
    ).toEqual({ ...DEFAULT_SETTINGS, lokiDatasourceUid: 'loki-eu', sessionGapMinutes: 45 });
    expect(resolveSettings({ sessionGapMinutes: -1 }).sessionGapMinutes).toBe(30);
    expect(resolveSettings({ sessionGapMinutes: 'soon' }).sessionGapMinutes).toBe(30);
  });
});
