/**
 * Grafana's side of the built plugin: loads grafana-plugin/dist, served under
 * /public/plugins/integrationlogs-app/, with Grafana's plugin loader (pluginLoader.ts) against
 * the real shared packages, and renders what it exports with the props Grafana gives:
 *   /a/integrationlogs-app/...                   the app's root page (AppRootPage)
 *   /panel?plugin=panels/<dir>&query=<LogQL>&options=<json>&from=<ms>&to=<ms>
 *                                                one panel on its query's Loki frames
 * window.grafanaHost says what was loaded, or why loading failed.
 */
import React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Route, Routes, useLocation } from 'react-router';
import {
  AppPlugin,
  dateTime,
  PanelPlugin,
  PluginContextProvider,
  type AppRootProps,
  type PluginMeta,
} from '@grafana/data';
import { config, locationService, setBackendSrv, type BackendSrv } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { LocationServiceRouter } from '../../src/test/LocationServiceRouter';
import { harnessPanelProps } from '../panelProps';
import { getBackendSrv as harnessBackendSrv } from '../runtime-stub';
import { queryLokiFrames } from './lokiFrames';
import { registerOptionEditors } from './optionEditors';
import { importPluginModule, initPluginLoader } from './pluginLoader';
import { sharedDependencies } from './sharedDependencies';

const APP_ID = 'integrationlogs-app';
const APP_PATH = `public/plugins/${APP_ID}`;

interface HostState {
  loaded?: { module: string; exports: string[] };
  error?: string;
}
const host: HostState = {};
(window as unknown as { grafanaHost: HostState }).grafanaHost = host;

/** PluginMeta as Grafana's backend builds it from the plugin.json next to the module. */
async function pluginMeta(dir: string): Promise<PluginMeta> {
  const base = dir ? `${APP_PATH}/${dir}` : APP_PATH;
  const response = await fetch(`/${base}/plugin.json`);
  if (!response.ok) {
    throw new Error(`/${base}/plugin.json: HTTP ${response.status}`);
  }
  const json = await response.json();
  return { ...json, baseUrl: base, module: `${base}/module.js`, enabled: true, jsonData: {} };
}

/** The module's `plugin` export, which must be an instance of the shared @grafana/data class. */
async function importPlugin<T>(
  meta: PluginMeta,
  kind: abstract new (...args: never[]) => T,
  kindName: string
): Promise<T> {
  const exports = await importPluginModule(meta.module);
  if (!(exports.plugin instanceof kind)) {
    throw new Error(`${meta.module} exports no ${kindName} as plugin (exports: ${Object.keys(exports).join(', ')})`);
  }
  host.loaded = { module: meta.module, exports: Object.keys(exports) };
  return exports.plugin;
}

/** Grafana's theme and global styles around a plugin's component, with the plugin's context. */
function Grafana({ meta, children }: { meta: PluginMeta; children: React.ReactNode }) {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <PluginContextProvider meta={meta}>{children}</PluginContextProvider>
    </ThemeContext.Provider>
  );
}

async function showApp(root: Root, meta: PluginMeta) {
  const plugin = await importPlugin(meta, AppPlugin, 'AppPlugin');
  plugin.init(meta);
  plugin.meta = meta;
  const AppRoot = plugin.root!;
  // AppRootPage: the app's routes live below /a/<id>, the props come from the route and the URL
  const AppRootPage = () => {
    const location = useLocation();
    const props: AppRootProps = {
      meta: meta as AppRootProps['meta'],
      basename: `/a/${APP_ID}`,
      onNavChanged: () => {},
      query: locationService.getSearchObject(),
      path: location.pathname,
    };
    return <AppRoot {...props} />;
  };
  root.render(
    <Grafana meta={meta}>
      <LocationServiceRouter service={locationService}>
        <Routes>
          <Route path={`/a/${APP_ID}/*`} element={<AppRootPage />} />
        </Routes>
      </LocationServiceRouter>
    </Grafana>
  );
}

async function showPanel(root: Root, params: URLSearchParams) {
  const meta = await pluginMeta(params.get('plugin') ?? '');
  const plugin = await importPlugin(meta, PanelPlugin, 'PanelPlugin');
  plugin.meta = { ...meta, sort: 0 }; // the panel list's order, of no use here
  const timeRange = { from: dateTime(Number(params.get('from'))), to: dateTime(Number(params.get('to'))) };
  const range = { ...timeRange, raw: timeRange };
  const series = await queryLokiFrames('loki', params.get('query') ?? '', range);
  const Panel = plugin.panel!;
  const props = harnessPanelProps({
    series,
    timeRange: range,
    options: { ...plugin.defaults, ...JSON.parse(params.get('options') ?? '{}') },
    fieldConfig: plugin.fieldConfigDefaults,
    width: 1100,
    height: 600,
    title: meta.name,
  });
  root.render(
    <Grafana meta={meta}>
      <div style={{ width: props.width, height: props.height, padding: 16 }}>
        <Panel {...props} />
      </div>
    </Grafana>
  );
}

async function main() {
  const appMeta = await pluginMeta('');
  initPluginLoader(sharedDependencies, appMeta.info.version);
  // Grafana's BackendSrv lives in its core: the harness's fetch-based one answers the same calls.
  setBackendSrv(harnessBackendSrv() as unknown as BackendSrv);
  registerOptionEditors();
  const root = createRoot(document.getElementById('reactRoot')!);
  if (location.pathname === '/panel') {
    await showPanel(root, new URLSearchParams(location.search));
  } else {
    await showApp(root, appMeta);
  }
}

main().catch((err: Error) => {
  host.error = String(err?.stack ?? err);
  console.error(err);
});
