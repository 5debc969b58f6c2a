/**
 * @jest-environment node
 */
// Connection flows page, the Events and Sync metrics tabs and both panel plugins in headless
// Chromium. The app harness (harness/index.tsx) and the panels page (harness/panels.tsx) are
// bundled in beforeAll into harness/dist/flows (apart from the app browser test's bundle);
// harness/flowsServer.mjs serves them and answers the Loki proxy from the fixture records plus
// harness/flowsFixtures.mjs. Screenshots go to artifacts/screenshots/.
import { ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';

import { flowTestIds } from '../components/FlowTimeline/testIds';
import { syncTestIds } from '../components/SyncMetrics/testIds';
import { testIds } from '../components/testIds';
import { launchChromium } from '../test/chromium';
import { harnessUrl, startHarnessServer } from '../test/harnessServer';

const PLUGIN_DIR = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.resolve(PLUGIN_DIR, '..', 'artifacts', 'screenshots');
// harness/flowsFixtures.mjs dates its records on 2026-11-20, apart from the other fixtures
const RANGE = `from=${Date.UTC(2026, 10, 20)}&to=${Date.UTC(2026, 10, 21)}`;
// harness/flowsFixtures.mjs trace ids
const TRACE = {
  acmeSecond: '000000000000000000000000000f10a2',
  acmeFirst: '000000000000000000000000000f10a1',
  latestSync: '000000000000000000000000005c0005',
};
const sel = (id: string) => `[data-testid="${id}"]`;

let server: ChildProcess;
let baseUrl: string;
let operations: Record<string, { time: number; duration: number }>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const badResponses: string[] = [];

function build(script: string) {
  const run = spawnSync(process.execPath, [path.join(PLUGIN_DIR, 'harness', script)], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

const detailUrl = (traceId: string, extra = '') =>
  `${baseUrl}/a/integrationlogs-app/logs/${traceId}?time=${operations[traceId]!.time}&duration=${operations[traceId]!.duration}${extra}`;

async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const attrs = (selector: string, name: string) =>
  page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name);

beforeAll(async () => {
  build('buildPanels.mjs');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = startHarnessServer(path.join(PLUGIN_DIR, 'harness', 'flowsServer.mjs'), (out) => {
    const url = harnessUrl(out);
    const ops = out.match(/operations (\{.*\})\n/);
    return url && ops ? { url, ops: ops[1]! } : undefined;
  });
  server = started.server;
  const ready = await started.ready;
  baseUrl = ready.url;
  operations = JSON.parse(ready.ops);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('response', (res) => {
    if (res.url().includes('/api/datasources/proxy/') && res.status() !== 200) {
      badResponses.push(`${res.status()} ${res.url()}`);
    }
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(badResponses).toEqual([]);
});

test('connection flows page: flows by tool with outcome and sessions, funnel, a flow opened', async () => {
  await page.goto(`${baseUrl}/a/integrationlogs-app/flows?${RANGE}`);
  await page.waitForSelector(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_acme"]`);
  const acme = page.locator(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_acme"]`);
  expect(await acme.locator(sel(flowTestIds.outcome)).getAttribute('data-status')).toBe('connected');
  expect(await acme.locator(sel(flowTestIds.session)).count()).toBe(2);
  expect(await acme.locator(sel(flowTestIds.gap)).textContent()).toBe('2 h 10 min later');
  const globex = page.locator(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_globex"]`);
  expect(await globex.locator(sel(flowTestIds.outcome)).textContent()).toContain('Abandoned at permissions');
  const initech = page.locator(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_initech"]`);
  expect(await initech.locator(sel(flowTestIds.outcome)).textContent()).toContain('Failed at credentials');
  // grouped by tool (most flows first), one customer's attempts together
  expect(await attrs(sel(flowTestIds.pageFlowRow), 'data-flow-id')).toEqual([
    'flow_acme',
    'flow_initech',
    'flow_globex',
  ]);
  expect(await attrs(sel(flowTestIds.funnelStage), 'data-stage')).toEqual([
    'select_tool',
    'credentials',
    'permissions',
    'done',
  ]);
  expect(await attrs(sel(flowTestIds.funnelStage), 'data-reached')).toEqual(['3', '3', '2', '1']);
  expect(await page.locator(sel(flowTestIds.funnel)).textContent()).toContain('3 flows · 1 connected (33 %)');
  await shot('flows-01-page');

  // funnel for one tool: the URL carries it
  await page.getByRole('radio', { name: 'bamboohr' }).check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tool') === 'bamboohr');
  await page.waitForSelector(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_globex"]`);
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 1, sel(flowTestIds.pageFlowRow));
  const stages = await attrs(sel(flowTestIds.funnelStage), 'data-stage');
  expect(stages).toEqual(['select_tool', 'credentials', 'permissions']);
  expect(await attrs(sel(flowTestIds.funnelStage), 'data-reached')).toEqual(['1', '1', '1']);

  await page.click(`${sel(flowTestIds.pageFlowRow)}[data-flow-id="flow_globex"]`);
  await page.waitForSelector(sel(flowTestIds.timeline));
  expect(await page.locator(`${sel(flowTestIds.timeline)} ${sel(flowTestIds.session)}`).count()).toBe(2);
  expect(await page.locator(`${sel(flowTestIds.timeline)} ${sel(flowTestIds.gap)}`).textContent()).toBe('49 min later');
  await shot('flows-02-tool-funnel-and-timeline');
}, 120_000);

test("Events tab: the whole flow across operations, by session, with the step's requests one click away", async () => {
  await page.goto(detailUrl(TRACE.acmeSecond));
  await page.waitForSelector(sel(flowTestIds.tab));
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, sel(flowTestIds.session));
  expect(await texts(`${sel(flowTestIds.tab)} ${sel(flowTestIds.gap)}`)).toEqual(['2 h 10 min later']);
  expect(await attrs(sel(flowTestIds.event), 'data-event')).toEqual([
    'flow_opened',
    'tool_selected',
    'credentials_submitted',
    'credentials_invalid',
    'flow_opened',
    'credentials_submitted',
    'connected',
    'closed',
  ]);
  expect(await page.locator(sel(flowTestIds.outcome)).getAttribute('data-status')).toBe('connected');
  const requests = page.locator(sel(flowTestIds.eventRequests));
  expect(await requests.count()).toBe(1); // this operation's two requests, under credentials_submitted
  expect(await requests.textContent()).toContain('2 requests');
  await requests.click();
  await shot('flows-03-events-tab');

  const link = page.locator(sel(flowTestIds.requestLink)).filter({ hasText: 'GET /v1/company' });
  const spanId = (await link.getAttribute('data-span-id'))!;
  await link.click();
  const drawer = await page.waitForSelector(sel(testIds.requests.drawer));
  expect(await drawer.textContent()).toContain(`Span id${spanId}`);
  expect(new URL(page.url()).searchParams.get('tab')).toBe('requests');
  expect(new URL(page.url()).searchParams.get('request')).toBe(spanId);
  await shot('flows-04-request-from-event', false);
}, 120_000);

test("Events tab: an earlier operation's events lead to that operation's request logs", async () => {
  await page.goto(detailUrl(TRACE.acmeSecond));
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, sel(flowTestIds.session));
  const links = page.locator(sel(flowTestIds.operationLink));
  expect(await links.count()).toBe(1);
  await links.click();
  await page.waitForSelector(sel(testIds.requests.row));
  expect(new URL(page.url()).pathname).toBe(`/a/integrationlogs-app/logs/${TRACE.acmeFirst}`);
  expect(await texts(sel(testIds.requests.row))).toEqual([expect.stringContaining('/v1/auth/token')]);
  await shot('flows-04b-earlier-operation-requests', false);
}, 120_000);

test('Sync metrics tab: per model figures, warnings under their model, the drop against previous syncs', async () => {
  await page.goto(detailUrl(TRACE.latestSync, '&tab=sync-metrics'));
  await page.waitForSelector(sel(syncTestIds.tab));
  await page.waitForSelector(`${sel(syncTestIds.model)}[data-model="employees"][data-flagged="true"]`);
  expect(await attrs(sel(syncTestIds.model), 'data-model')).toEqual(['employees', 'absences', 'teams']);
  expect(await page.locator(sel(syncTestIds.drop)).textContent()).toContain('-74 %');
  expect(await texts(sel(syncTestIds.warning))).toEqual([' 3 employees skipped: missing email']);
  expect(
    await page.locator(`${sel(syncTestIds.model)}[data-model="employees"] ${sel(syncTestIds.trend)} > span`).count()
  ).toBe(6);
  expect(await page.locator(sel(syncTestIds.otherWarnings)).textContent()).toContain('rate limited by bamboohr');
  await shot('flows-05-sync-metrics-tab');
}, 120_000);

test.each([
  ['flowsessions', 'flows-legacy'],
  ['flowsessions', 'flows-dataplane'],
])(
  '%s panel on Loki frames (%s)',
  async (panel, fixture) => {
    await page.goto(`${baseUrl}/harness/panels.html?panel=${panel}&fixture=${fixture}`);
    await page.waitForSelector(sel(flowTestIds.panel));
    expect(await attrs(sel(flowTestIds.panelFlow), 'data-flow-id')).toEqual([
      'flow-personio-acme',
      'flow-bamboohr-globex',
      'flow-personio-initech',
    ]);
    expect(await texts(`${sel(flowTestIds.panelFlow)} ${sel(flowTestIds.outcome)}`)).toEqual([
      'Connected',
      'Abandoned at permissions',
      'Failed at credentials',
    ]);
    expect(await page.locator(`${sel(flowTestIds.timeline)} ${sel(flowTestIds.gap)}`).textContent()).toBe(
      '2 h 15 min later'
    );
    await shot(`panel-flowsessions-${fixture}`);
  },
  120_000
);

test.each([['sync-loki'], ['sync-prometheus']])(
  'syncmetrics panel on %s frames',
  async (fixture) => {
    await page.goto(`${baseUrl}/harness/panels.html?panel=syncmetrics&fixture=${fixture}&height=320`);
    await page.waitForSelector(sel(syncTestIds.panel));
    expect(await attrs(sel(syncTestIds.model), 'data-flagged')).toEqual(['true', 'false', 'false']);
    expect(await page.locator(sel(syncTestIds.drop)).textContent()).toContain('-74 %');
    await shot(`panel-syncmetrics-${fixture}`);
  },
  120_000
);
