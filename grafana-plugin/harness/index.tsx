/**
 * Browser harness: mounts the app's real root page (src/module.tsx's plugin) inside a theme
 * and a router driven by the (stubbed) locationService, as Grafana does.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps, PluginType } from '@grafana/data';
import { locationService, config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { plugin } from '../src/module';
import { PLUGIN_BASE_URL, PLUGIN_ID } from '../src/constants';
import { LocationServiceRouter } from '../src/test/LocationServiceRouter';

const Root = plugin.root!;
const props = {
  basename: PLUGIN_BASE_URL,
  meta: {
    id: PLUGIN_ID,
    name: 'Integration Logs',
    type: PluginType.app,
    jsonData: {},
    info: {},
    module: '',
    baseUrl: '',
  },
  query: {},
  path: PLUGIN_BASE_URL,
  onNavChanged: () => {},
} as unknown as AppRootProps;

createRoot(document.getElementById('root')!).render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <LocationServiceRouter service={locationService}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<Root {...props} />} />
      </Routes>
    </LocationServiceRouter>
  </ThemeContext.Provider>
);
