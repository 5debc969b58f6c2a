import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { of } from 'rxjs';
import { AppPluginMeta, PluginType } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import AppConfig, { AppConfigProps } from './AppConfig';
import { testIds } from '../testIds';

const mockFetch = jest.fn((_req: unknown) => of({ data: {}, status: 200 }));
const mockDatasources = [
  { uid: 'loki', name: 'Loki', type: 'loki', meta: { id: 'loki', info: { logos: { small: '' } } } },
  { uid: 'loki-eu', name: 'Loki EU', type: 'loki', meta: { id: 'loki', info: { logos: { small: '' } } } },
  { uid: 'tempo', name: 'Tempo', type: 'tempo', meta: { id: 'tempo', info: { logos: { small: '' } } } },
  {
    uid: 'prometheus',
    name: 'Prometheus',
    type: 'prometheus',
    meta: { id: 'prometheus', info: { logos: { small: '' } } },
  },
];
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

// The data source picker reads Grafana's data source service: give it four data sources.
setDataSourceSrv({
  getList: (filters: { pluginId?: string } = {}) =>
    mockDatasources.filter((d) => !filters.pluginId || d.type === filters.pluginId),
  getInstanceSettings: (ref: string | { uid: string } | undefined) =>
    mockDatasources.find((d) => d.uid === (typeof ref === 'string' ? ref : ref?.uid)),
} as unknown as DataSourceSrv);

function renderConfig(jsonData: Record<string, unknown>) {
  const meta = {
    id: 'integrationlogs-app',
    name: 'Integration Logs',
    type: PluginType.app,
    enabled: true,
    pinned: true,
    jsonData,
  } as unknown as AppPluginMeta;
  const props = { plugin: { meta }, query: {} } as unknown as AppConfigProps;
  return render(<AppConfig {...props} />);
}

describe('AppConfig', () => {
  beforeEach(() => mockFetch.mockClear());

  it('shows the configured data sources, defaulting to the provisioned uids', () => {
    renderConfig({ lokiDatasourceUid: 'loki-eu' });
    expect(screen.getByTestId(testIds.appConfig.lokiUid)).toHaveTextContent('Loki EU');
    expect(screen.getByTestId(testIds.appConfig.tempoUid)).toHaveTextContent('Tempo');
    expect(screen.getByTestId(testIds.appConfig.prometheusUid)).toHaveTextContent('Prometheus');
    expect(screen.getByTestId(testIds.appConfig.sessionGap)).toHaveValue('30');
  });

  it('refuses a session gap that is not a positive whole number', () => {
    renderConfig({});
    fireEvent.change(screen.getByTestId(testIds.appConfig.sessionGap), { target: { value: '-5' } });
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
    expect(screen.getByText('Enter a whole number of minutes greater than 0.')).toBeInTheDocument();
  });

  it('saves every setting to the plugin jsonData, keeping other keys', async () => {
    renderConfig({ tempoDatasourceUid: 'tempo', extra: 'kept' });
    fireEvent.change(screen.getByTestId(testIds.appConfig.sessionGap), { target: { value: '45' } });
    await act(async () => fireEvent.click(screen.getByTestId(testIds.appConfig.submit)));
    expect(mockFetch).toHaveBeenCalledWith({
      url: '/api/plugins/integrationlogs-app/settings',
      method: 'POST',
      data: {
        enabled: true,
        pinned: true,
        jsonData: {
          extra: 'kept',
          tempoDatasourceUid: 'tempo',
          lokiDatasourceUid: 'loki',
          prometheusDatasourceUid: 'prometheus',
          sessionGapMinutes: 45,
        },
      },
    });
  });
});
