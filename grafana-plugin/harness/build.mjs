#!/usr/bin/env node
// Bundles the browser harness (harness/index.tsx) into harness/dist with esbuild, with
// @grafana/runtime replaced by harness/runtime-stub.tsx.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const HARNESS_DIST = join(here, 'dist');

/** esbuild settings every harness bundle shares: the real app code, @grafana/runtime stubbed. */
export const HARNESS_BUILD_OPTIONS = {
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: false,
  target: 'es2020',
  jsx: 'transform',
  alias: { '@grafana/runtime': join(here, 'runtime-stub.tsx') },
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: { '.svg': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file' },
  logLevel: 'error',
};

export async function buildHarness() {
  await build({
    ...HARNESS_BUILD_OPTIONS,
    entryPoints: [join(here, 'index.tsx')],
    outdir: HARNESS_DIST,
    entryNames: 'harness',
  });
  return HARNESS_DIST;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildHarness();
  console.log(`harness built in ${Date.now() - started} ms → ${HARNESS_DIST}`);
}
