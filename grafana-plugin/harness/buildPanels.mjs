#!/usr/bin/env node
// Bundles the app harness (index.tsx, as build.mjs does) and the panels page (panels.tsx) into
// harness/dist/flows, a folder of their own, so the flows browser test never reads files the
// app browser test is writing. The esbuild settings are build.mjs's.
import { build } from 'esbuild';
import { HARNESS_BUILD_OPTIONS } from './build.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FLOWS_DIST = join(here, 'dist', 'flows');

export async function buildFlowsHarness() {
  mkdirSync(FLOWS_DIST, { recursive: true });
  await build({
    ...HARNESS_BUILD_OPTIONS,
    entryPoints: { harness: join(here, 'index.tsx'), panels: join(here, 'panels.tsx') },
    outdir: FLOWS_DIST,
  });
  writeFileSync(
    join(FLOWS_DIST, 'panels.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>integration-logs panels</title>
<link rel="stylesheet" href="/harness/panels.css"><script>window.__grafana_public_path__ = '/public/';</script></head>
<body><div id="root"></div><script type="module" src="/harness/panels.js"></script></body></html>\n`
  );
  return FLOWS_DIST;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildFlowsHarness();
  console.log(`flows harness built in ${Date.now() - started} ms → ${FLOWS_DIST}`);
}
