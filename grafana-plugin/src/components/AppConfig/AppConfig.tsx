import React, { FormEvent, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, useStyles2 } from '@grafana/ui';
import { AppSettings } from '../../constants';
import { resolveSettings } from '../../settings';
import { testIds } from '../testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<Partial<AppSettings>>> {}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const s = useStyles2(getStyles);
  const { enabled, pinned, jsonData } = plugin.meta;
  const [settings, setSettings] = useState<AppSettings>(() => resolveSettings(jsonData));
  const [gapText, setGapText] = useState(String(settings.sessionGapMinutes));
  const [error, setError] = useState<string | null>(null);
  const gapValid = /^\d+$/.test(gapText.trim()) && Number(gapText) > 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!gapValid) {
      return;
    }
    setError(null);
    try {
      await updatePlugin(plugin.meta.id, {
        enabled,
        pinned,
        jsonData: { ...jsonData, ...settings, sessionGapMinutes: Number(gapText) },
      });
      // Plugin settings are read once when Grafana loads the app, so reload to apply them.
      window.location.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Saving the settings failed.');
    }
  };

  return (
    <form onSubmit={onSubmit} data-testid={testIds.appConfig.container}>
      <DataSourceFields settings={settings} onChange={(key, uid) => setSettings((prev) => ({ ...prev, [key]: uid }))} />
      <FieldSet label="Defaults" className={s.marginTop}>
        <Field
          label="Session gap (minutes)"
          description="Connection-flow events further apart than this start a new user session."
          invalid={!gapValid}
          error="Enter a whole number of minutes greater than 0."
        >
          <Input
            width={20}
            id="config-session-gap"
            data-testid={testIds.appConfig.sessionGap}
            value={gapText}
            onChange={(e) => setGapText(e.currentTarget.value)}
          />
        </Field>
      </FieldSet>
      {error && (
        <Alert severity="error" title="Could not save the settings">
          {error}
        </Alert>
      )}
      <div className={s.marginTop}>
        <Button type="submit" data-testid={testIds.appConfig.submit} disabled={!gapValid}>
          Save settings
        </Button>
      </div>
    </form>
  );
};

export default AppConfig;

type DataSourceKey = 'lokiDatasourceUid' | 'tempoDatasourceUid' | 'prometheusDatasourceUid';

interface DataSourceField {
  key: DataSourceKey;
  label: string;
  pluginId: string;
  description: string;
  testId: string;
}

const DATA_SOURCES: DataSourceField[] = [
  {
    key: 'lokiDatasourceUid',
    label: 'Loki',
    pluginId: 'loki',
    description: 'Holds the operation, request, sync and flow log records.',
    testId: testIds.appConfig.lokiUid,
  },
  {
    key: 'tempoDatasourceUid',
    label: 'Tempo',
    pluginId: 'tempo',
    description: 'Holds the traces behind each operation.',
    testId: testIds.appConfig.tempoUid,
  },
  {
    key: 'prometheusDatasourceUid',
    label: 'Prometheus',
    pluginId: 'prometheus',
    description: 'Holds the request span metrics (rates, errors, latency).',
    testId: testIds.appConfig.prometheusUid,
  },
];

function DataSourceFields(props: { settings: AppSettings; onChange: (key: DataSourceKey, uid: string) => void }) {
  const { settings, onChange } = props;
  return (
    <FieldSet label="Data sources">
      {DATA_SOURCES.map(({ key, label, pluginId, description, testId }) => (
        <Field key={key} label={label} description={description}>
          <div data-testid={testId}>
            <DataSourcePicker
              width={40}
              pluginId={pluginId}
              current={settings[key]}
              noDefault
              onChange={(ds) => onChange(key, ds.uid)}
            />
          </div>
        </Field>
      ))}
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  marginTop: css`
    margin-top: ${theme.spacing(3)};
  `,
});

async function updatePlugin(pluginId: string, data: Partial<PluginMeta>) {
  return lastValueFrom(getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data }));
}
