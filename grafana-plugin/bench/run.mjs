#!/usr/bin/env node
// `npm run bench -w integrationlogs-app`: every benchmark of the plugin, one run, ratios
// against a baseline measured in the same run. No thresholds fail the run; the figures are
// printed (and written to artifacts/bench/plugin.json) for people and CI logs.
//
// 1. List view: 10k operations in the app's OperationsTable vs a plain @grafana/ui Table with
//    the same rows, in headless Chromium (mount to painted frame, then scrolling through).
// 2. Requests list: 5k requests in the Requests page's RequestTable vs a plain Table, the same way.
// 3. Sessionizing connection-flow events vs sorting them (bench/sessionize.bench.ts).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = join(here, '..');
const cacheDir = join(pluginDir, '.cache', 'bench');
const N = Number(process.env.BENCH_ROWS ?? 10_000);
const N_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCROLL_STEPS = 30;
const TARGET = 1.2;

// @grafana/ui's ESM files (.mjs) default-import the CommonJS react-custom-scrollbars-2; with
// Node's .mjs interop that default is the whole exports object. Grafana's own build uses the
// package's `default` export: do the same.
const scrollbarsMain = createRequire(import.meta.url).resolve('react-custom-scrollbars-2');
const cjsDefaultInterop = {
  name: 'cjs-default-interop',
  setup(b) {
    b.onResolve({ filter: /^react-custom-scrollbars-2$/ }, () => ({
      path: 'react-custom-scrollbars-2',
      namespace: 'interop',
    }));
    b.onLoad({ filter: /.*/, namespace: 'interop' }, () => ({
      contents: `import m from ${JSON.stringify(scrollbarsMain)}; export default m;`,
      loader: 'js',
      resolveDir: pluginDir,
    }));
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Both lists of each pair, alternated on one page so both see the same machine load. */
async function listBench() {
  await build({
    entryPoints: [join(here, 'listBench.tsx')],
    outfile: join(cacheDir, 'listBench.js'),
    plugins: [cjsDefaultInterop],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    alias: { '@grafana/runtime': join(pluginDir, 'harness', 'runtime-stub.tsx') },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file' },
    logLevel: 'error',
  });
  const js = readFileSync(join(cacheDir, 'listBench.js'));
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end(js);
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><script src="/bench.js"></script></body></html>'
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.title === 'bench-ready');
    const compare = async (kind, baseline, n, name) => {
      const results = { [kind]: [], [baseline]: [] };
      const once = (k) => page.evaluate(([k2, n2, s]) => window.runBench(k2, n2, s), [k, n, SCROLL_STEPS]);
      // warm-up, then alternate
      await once(kind);
      await once(baseline);
      for (let i = 0; i < ROUNDS; i++) {
        for (const k of [kind, baseline]) {
          results[k].push(await once(k));
        }
      }
      const summary = (k) => ({
        mountMs: median(results[k].map((r) => r.mountMs)),
        scrollMs: median(results[k].map((r) => r.scrollMs)),
        mountedRows: results[k][0].rows,
      });
      const list = summary(kind);
      const table = summary(baseline);
      const ratio = (list.mountMs + list.scrollMs) / (table.mountMs + table.scrollMs);
      return { name, rounds: ROUNDS, list, table, ratio, target: TARGET, ok: ratio <= TARGET };
    };
    return {
      operations: await compare('list', 'table', N, `list view, ${N} operations vs @grafana/ui Table`),
      requests: await compare(
        'requests',
        'requestsTable',
        N_REQUESTS,
        `Requests list, ${N_REQUESTS} requests vs @grafana/ui Table`
      ),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

async function sessionizeBench() {
  const out = join(cacheDir, 'sessionize.bench.mjs');
  await build({
    entryPoints: [join(here, 'sessionize.bench.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(out).href);
  return typeof mod.benchSessionize === 'function' ? await mod.benchSessionize() : null;
}

mkdirSync(cacheDir, { recursive: true });
const lists = await listBench();
for (const [label, result] of [
  ['OperationsTable', lists.operations],
  ['RequestTable', lists.requests],
]) {
  console.log(`\n${result.name} (Chromium, median of ${result.rounds})`);
  console.log(
    `  ${label}: mount ${result.list.mountMs.toFixed(1)} ms, scroll ${SCROLL_STEPS} screens ${result.list.scrollMs.toFixed(1)} ms, ${result.list.mountedRows} rows in the DOM`
  );
  console.log(
    `  @grafana/ui Table: mount ${result.table.mountMs.toFixed(1)} ms, scroll ${SCROLL_STEPS} screens ${result.table.scrollMs.toFixed(1)} ms, ${result.table.mountedRows} rows in the DOM`
  );
  console.log(
    `  ratio (mount+scroll) ${result.ratio.toFixed(2)} (target <= ${TARGET}) ${result.ok ? 'OK' : 'ABOVE TARGET'}`
  );
}
let sessionize = null;
try {
  sessionize = await sessionizeBench();
  if (sessionize) {
    console.log(
      `\n${sessionize.name}: ${sessionize.events} events, sort ${sessionize.sortMs.toFixed(1)} ms, sessionize ${sessionize.sessionizeMs.toFixed(1)} ms, ratio ${sessionize.ratio.toFixed(2)} (target <= ${sessionize.target}) ${sessionize.ok ? 'OK' : 'ABOVE TARGET'}`
    );
  }
} catch (err) {
  console.log(`\nsessionize benchmark failed: ${err.message}`);
}
const artifacts = join(pluginDir, '..', 'artifacts', 'bench');
mkdirSync(artifacts, { recursive: true });
writeFileSync(
  join(artifacts, 'plugin.json'),
  JSON.stringify({ list: lists.operations, requests: lists.requests, sessionize }, null, 2)
);
