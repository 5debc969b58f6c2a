#!/usr/bin/env node
// Bundles harness/panels.tsx (the panel plugins on a page of their own) into harness/dist,
// next to the app harness, with the same esbuild settings as build.mjs.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, 'dist');

export async function buildPanelsHarness() {
  await build({
    entryPoints: [join(here, 'panels.tsx')],
    outdir: DIST,
    entryNames: 'panels',
    chunkNames: 'panels-chunk-[hash]',
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2020',
    jsx: 'transform',
    alias: { '@grafana/runtime': join(here, 'runtime-stub.tsx') },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file' },
    logLevel: 'error',
  });
  writeFileSync(
    join(DIST, 'panels.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>integration-logs panels</title>
<link rel="stylesheet" href="/harness/panels.css"><script>window.__grafana_public_path__ = '/public/';</script></head>
<body><div id="root"></div><script type="module" src="/harness/panels.js"></script></body></html>\n`,
  );
  return DIST;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildPanelsHarness();
  console.log(`panels harness built in ${Date.now() - started} ms → ${DIST}`);
}
