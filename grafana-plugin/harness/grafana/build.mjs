#!/usr/bin/env node
// Bundles the page that plays Grafana for the built plugin (host.tsx) into harness/dist/grafana,
// with the esbuild settings of ../build.mjs but the real @grafana/runtime.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HARNESS_BUILD_OPTIONS } from '../build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const GRAFANA_HOST_DIST = join(here, '..', 'dist', 'grafana');

export async function buildGrafanaHost() {
  await build({
    ...HARNESS_BUILD_OPTIONS,
    alias: {},
    // The page's own packages must not see the AMD loader's global define (lodash would hand
    // itself to it instead of module.exports): webpack keeps it from Grafana's bundle the same way.
    define: { ...HARNESS_BUILD_OPTIONS.define, define: 'undefined' },
    entryPoints: { host: join(here, 'host.tsx') },
    outdir: GRAFANA_HOST_DIST,
  });
  return GRAFANA_HOST_DIST;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildGrafanaHost();
  console.log(`Grafana host page built in ${Date.now() - started} ms → ${GRAFANA_HOST_DIST}`);
}
