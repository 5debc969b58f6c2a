import React from 'react';
import { render } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps, PluginType } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import App from '../components/App/App';
import { AppSettings, PLUGIN_BASE_URL, PLUGIN_ID } from '../constants';
import { LocationServiceRouter } from './LocationServiceRouter';

/** PluginPage as Grafana renders it, minus the chrome: actions above the content. */
export function TestPluginPage({ actions, children }: { actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div>
      <div>{actions}</div>
      {children}
    </div>
  );
}

/**
 * Renders the real app at `path` (below the plugin's base URL). Navigates Grafana's own
 * locationService (jest module mocks copy its exports, so it is moved, not replaced).
 */
export function renderApp(path: string, jsonData: Partial<AppSettings> = {}) {
  locationService.push(`${PLUGIN_BASE_URL}${path}`);
  const props = {
    basename: PLUGIN_BASE_URL,
    meta: {
      id: PLUGIN_ID,
      name: 'Integration Logs',
      type: PluginType.app,
      jsonData,
      info: {} as never,
      module: '',
      baseUrl: '',
    },
    query: {},
    path: PLUGIN_BASE_URL,
    onNavChanged: () => {},
  } as unknown as AppRootProps<Partial<AppSettings>>;
  const view = render(
    <LocationServiceRouter service={locationService}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App {...props} />} />
      </Routes>
    </LocationServiceRouter>
  );
  return { ...view, location: () => locationService.getLocation() };
}
