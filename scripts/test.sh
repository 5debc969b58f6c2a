#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

. scripts/setup-node.sh
bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
if [ -f provisioning/collector/build.sh ]; then bash provisioning/collector/build.sh; fi
npm run build
npm test
