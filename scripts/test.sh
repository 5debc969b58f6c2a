#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

. scripts/setup-node.sh
bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
if [ -f provisioning/collector/build.sh ]; then bash provisioning/collector/build.sh; fi
# The collector's own components (Go modules next to its manifest): vet and unit tests.
command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
for mod in provisioning/collector/*/go.mod; do
  [ -f "$mod" ] || continue
  (cd "$(dirname "$mod")" && go vet ./... && go test ./...)
done
npm run build
# Every workspace's TypeScript, tests, harness and benches included, through tsc.
npm run typecheck
# ESLint over every workspace (one root configuration; the plugin keeps @grafana/eslint-config)
# and Prettier's check of every source file.
npm run lint
npm run format:check
npm test
