#!/usr/bin/env node
// Serves the built plugin as Grafana serves an installed one: grafana-plugin/dist under
// /public/plugins/integrationlogs-app/, with the page that plays Grafana (host.tsx, bundled by
// build.mjs) at /a/* and /panel. Everything else goes to ../server.mjs: the bundle at /harness/,
// icons, and the data source proxy over the records of ../flowsFixtures.mjs. Prints "harness on <url>".
//   node harness/grafana/server.mjs [port]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flowsHarnessRecords } from '../flowsFixtures.mjs';
import { send, sendFile, startHarnessServer } from '../server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PLUGIN_DIST = join(here, '..', '..', 'dist');
const PLUGIN_URL = '/public/plugins/integrationlogs-app/';

// Grafana's index.html: boot data before its bundle, which @grafana/runtime's config reads.
const BOOT_DATA = {
  settings: { appSubUrl: '', buildInfo: { version: '13.1.1', env: 'production' }, featureToggles: {} },
  user: { orgId: 1, theme: 'dark', timezone: 'utc' },
  navTree: [],
};
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grafana</title>
<link rel="stylesheet" href="/harness/grafana/host.css">
<script>window.grafanaBootData = ${JSON.stringify(BOOT_DATA)}; window.__grafana_public_path__ = '/public/';</script></head>
<body><div id="reactRoot"></div><script type="module" src="/harness/grafana/host.js"></script></body></html>`;

function serve(url, res) {
  if (url.pathname.startsWith(PLUGIN_URL)) {
    sendFile(res, PLUGIN_DIST, url.pathname.slice(PLUGIN_URL.length));
    return true;
  }
  if (url.pathname.startsWith('/a/') || url.pathname === '/panel') {
    send(res, 200, PAGE, 'text/html');
    return true;
  }
  return false;
}

const server = await startHarnessServer({ port: Number(process.argv[2] ?? 0), records: flowsHarnessRecords(), serve });
console.log(`harness on ${server.url}`);

// Open keep-alive connections would hold a graceful close; the server keeps no state.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
