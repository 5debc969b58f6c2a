#!/bin/sh
# Builds the Grafana app plugin (grafana-plugin/) into /dist for docker-compose's
# plugin-build service: the repository is mounted read-only at /src, the build runs in
# the container's own filesystem, and /dist is the volume Grafana loads the plugin from.
# Skips the build when the plugin's sources and the lockfile have not changed.
set -eu
src=${PLUGIN_SRC:-/src}
dist=${PLUGIN_DIST:-/dist}
work=${PLUGIN_WORK:-/tmp/plugin-build}

hash=$(cd "$src" && find semantic-conventions grafana-plugin package.json package-lock.json \
  \( -name node_modules -o -name dist -o -name .cache \) -prune -o -type f -print \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
if [ -f "$dist/.source-hash" ] && [ "$(cat "$dist/.source-hash")" = "$hash" ] && [ -f "$dist/plugin.json" ]; then
  echo "integrationlogs-app is up to date ($hash)"
  exit 0
fi

rm -rf "$work"
mkdir -p "$work"
# Every workspace's package.json, so `npm ci` matches the lockfile; only the plugin's
# dependencies are installed, with the contract package it imports, built first.
(cd "$src" && tar -cf - \
  --exclude=node_modules --exclude=dist --exclude=.cache \
  package.json package-lock.json tsconfig.json \
  semantic-conventions instrumentation/package.json test-support/package.json demo/package.json \
  provisioning/package.json grafana-plugin) \
  | tar -C "$work" -xf -
cd "$work"
npm ci --no-audit --no-fund --include-workspace-root -w @integration-logs/semantic-conventions -w integrationlogs-app
npm run build -w @integration-logs/semantic-conventions
npm run build -w integrationlogs-app

rm -rf "${dist:?}"/* "$dist"/.source-hash
cp -R grafana-plugin/dist/. "$dist/"
echo "$hash" > "$dist/.source-hash"
echo "integrationlogs-app built ($hash)"
