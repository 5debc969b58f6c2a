/**
 * @jest-environment node
 */
// The built plugin (grafana-plugin/dist, written by `npm run build`) in headless Chromium, loaded
// the way Grafana loads it: harness/grafana/server.mjs serves dist/ under
// /public/plugins/integrationlogs-app/ and a page (harness/grafana/host.tsx, bundled here in
// beforeAll) that imports module.js and each panels/*/module.js with Grafana's SystemJS loader
// against the real shared packages, then renders the app's root page and both panels on the
// provisioned dashboard's queries, answered by the harness's fake Loki. Any page error, console
// error or failed request fails the test.
import { ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';

import { flowTestIds } from '../components/FlowTimeline/testIds';
import { syncTestIds } from '../components/SyncMetrics/testIds';
import { launchChromium } from '../test/chromium';
import { harnessUrl, startHarnessServer } from '../test/harnessServer';

const PLUGIN_DIR = path.resolve(__dirname, '..', '..');
const DIST = path.join(PLUGIN_DIR, 'dist');
const SCREENSHOTS = path.resolve(PLUGIN_DIR, '..', 'artifacts', 'screenshots');
const DASHBOARD = path.resolve(
  PLUGIN_DIR,
  '..',
  'provisioning',
  'grafana',
  'dashboards',
  'json',
  'integration-health.json'
);
const PLUGIN_URL = '/public/plugins/integrationlogs-app/';
// the nested panel plugins: every src/panels/<dir> with a plugin.json
const PANEL_DIRS = readdirSync(path.join(PLUGIN_DIR, 'src', 'panels')).filter((dir) =>
  existsSync(path.join(PLUGIN_DIR, 'src', 'panels', dir, 'plugin.json'))
);
// harness/flowsFixtures.mjs dates its records on 2026-11-20
const FROM = Date.UTC(2026, 10, 20);
const TO = Date.UTC(2026, 10, 21);
// Grafana's own static files (GlobalStyles' web fonts, the icons @grafana/ui does not ship) are
// neither the plugin's nor a package's: the harness has none of them.
const GRAFANA_STATIC = /\/public\/(?!plugins\/)/;
const sel = (id: string) => `[data-testid="${id}"]`;

let server: ChildProcess;
let baseUrl: string;
let browser: Browser;
let page: Page;
let problems: string[] = [];
// rejects with the test's first problem, so a wait for the page ends as soon as one is seen
let firstProblem: Promise<never>;
let rejectFirstProblem: (error: Error) => void;
let pluginResponses: Array<{ url: string; status: number }> = [];

/** Fails with what to do when the build has not run: the test is about its output. */
function requireDist() {
  const files = [
    'module.js',
    'plugin.json',
    ...PANEL_DIRS.flatMap((d) => [`panels/${d}/module.js`, `panels/${d}/plugin.json`]),
  ];
  const missing = files.filter((f) => !existsSync(path.join(DIST, f)));
  if (missing.length > 0) {
    throw new Error(
      `grafana-plugin/dist has no ${missing.join(', ')}: run \`npm run build\` first; this test loads the built plugin.`
    );
  }
}

function buildHostPage() {
  const run = spawnSync(process.execPath, [path.join(PLUGIN_DIR, 'harness', 'grafana', 'build.mjs')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`harness/grafana/build.mjs failed:\n${run.stdout}\n${run.stderr}`);
  }
}

function problem(text: string) {
  problems.push(text);
  rejectFirstProblem(new Error(text));
}

function watchPage() {
  problems = [];
  firstProblem = new Promise((_, reject) => (rejectFirstProblem = reject));
  firstProblem.catch(() => {}); // afterEach reports every problem
  page.on('pageerror', (err) => problem(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !GRAFANA_STATIC.test(msg.location().url)) {
      problem(`console error: ${msg.text()}`);
    }
  });
  page.on('requestfailed', (req) => {
    if (!GRAFANA_STATIC.test(new URL(req.url()).pathname)) {
      problem(`request failed: ${req.url()} ${req.failure()?.errorText}`);
    }
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith(PLUGIN_URL)) {
      pluginResponses.push({ url: `${url.pathname}${url.search}`, status: res.status() });
    }
    if (res.status() >= 400 && !GRAFANA_STATIC.test(url.pathname)) {
      problem(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
}

/** Waits until the page shows selector, or fails with the first problem seen. */
async function shown(selector: string) {
  await Promise.race([page.waitForSelector(selector), firstProblem]);
}

/** What the page loaded; throws the page's own account when loading the plugin failed. */
async function loadedModule(): Promise<{ module: string; exports: string[] }> {
  type Host = { loaded?: { module: string; exports: string[] }; error?: string };
  const handle = await Promise.race([
    page.waitForFunction(() => {
      const host = (window as unknown as { grafanaHost?: Host }).grafanaHost;
      return host && (host.error || host.loaded) ? host : undefined;
    }),
    firstProblem,
  ]);
  const host = (await handle.jsonValue()) as Host;
  if (host.error) {
    throw new Error(`${host.error}\n${problems.join('\n')}`);
  }
  return host.loaded!;
}

/** A panel of the provisioned dashboard by plugin type: its Loki query with "All" selected, and its options. */
function dashboardPanel(type: string): { query: string; options: object } {
  const { panels } = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: Array<{
      type: string;
      datasource?: { type?: string };
      options?: object;
      targets?: Array<{ expr: string }>;
    }>;
  };
  const panel = panels.find((p) => p.type === type && p.datasource?.type === 'loki');
  if (!panel?.targets?.[0]) {
    throw new Error(`${DASHBOARD} has no Loki panel of type ${type}`);
  }
  return {
    query: panel.targets[0].expr.replace(/\$service/g, '.+').replace(/\$tool/g, '.*'),
    options: panel.options ?? {},
  };
}

function panelUrl(dir: string) {
  const { id } = JSON.parse(readFileSync(path.join(DIST, 'panels', dir, 'plugin.json'), 'utf8')) as { id: string };
  const { query, options } = dashboardPanel(id);
  const params = new URLSearchParams({
    plugin: `panels/${dir}`,
    query,
    options: JSON.stringify(options),
    from: `${FROM}`,
    to: `${TO}`,
  });
  return `${baseUrl}/panel?${params}`;
}

const attrs = (selector: string, name: string) =>
  page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name);

/** What each panel shows of harness/flowsFixtures.mjs's records, by src/panels directory. */
const PANEL_CHECKS: Record<string, () => Promise<void>> = {
  flowsessions: async () => {
    await shown(sel(flowTestIds.panelFlow));
    // latest activity first
    expect(await attrs(sel(flowTestIds.panelFlow), 'data-flow-id')).toEqual([
      'flow_acme',
      'flow_initech',
      'flow_globex',
    ]);
  },
  syncmetrics: async () => {
    await shown(sel(syncTestIds.model));
    expect(await attrs(sel(syncTestIds.model), 'data-model')).toEqual(['employees', 'absences', 'teams']);
    expect(await attrs(`${sel(syncTestIds.model)}[data-flagged="true"]`, 'data-model')).toEqual(['employees']);
  },
};

beforeAll(async () => {
  requireDist();
  buildHostPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = startHarnessServer(path.join(PLUGIN_DIR, 'harness', 'grafana', 'server.mjs'), harnessUrl);
  server = started.server;
  baseUrl = await started.ready;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

beforeEach(async () => {
  pluginResponses = [];
  page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  page.setDefaultTimeout(60_000);
  watchPage();
});

afterEach(async () => {
  await page?.close();
  expect(problems).toEqual([]);
});

test('module.js exports an AppPlugin whose root page renders, its pages loaded as chunks from the public path', async () => {
  await page.goto(`${baseUrl}/a/integrationlogs-app/flows?from=${FROM}&to=${TO}`);
  const loaded = await loadedModule();
  expect(loaded.module).toBe('public/plugins/integrationlogs-app/module.js');
  expect(loaded.exports).toContain('plugin');
  await shown(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_acme"]`);
  expect(await attrs(sel(flowTestIds.pageFlowRow), 'data-flow-id')).toEqual([
    'flow_acme',
    'flow_initech',
    'flow_globex',
  ]);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'dist-app-flows.png') });

  // module.js with Grafana's cache key (the plugin's version), then webpack's lazy chunks below
  // the same public path
  const { info } = JSON.parse(readFileSync(path.join(DIST, 'plugin.json'), 'utf8')) as { info: { version: string } };
  expect(pluginResponses.filter((r) => r.url.includes('module.js'))).toEqual([
    { url: `${PLUGIN_URL}module.js?_cache=${info.version}`, status: 200 },
  ]);
  const chunks = pluginResponses.filter((r) => /\.js\?/.test(r.url) && !r.url.includes('module.js'));
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.every((c) => c.status === 200)).toBe(true);
}, 120_000);

test.each(PANEL_DIRS)(
  'panels/%s/module.js exports a PanelPlugin that renders the dashboard query',
  async (dir) => {
    await page.goto(panelUrl(dir));
    const loaded = await loadedModule();
    expect(loaded.module).toBe(`public/plugins/integrationlogs-app/panels/${dir}/module.js`);
    expect(loaded.exports).toContain('plugin');
    expect(Object.keys(PANEL_CHECKS)).toContain(dir);
    await PANEL_CHECKS[dir]!();
    await page.screenshot({ path: path.join(SCREENSHOTS, `dist-panel-${dir}.png`) });
  },
  120_000
);
