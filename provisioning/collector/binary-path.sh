#!/usr/bin/env bash
# Prints where build.sh puts (or has put) the collector binary for the current
# builder-config.yaml: one cache entry per manifest, so a changed manifest means a new
# build and an unchanged one is never rebuilt. OTELCOL_BIN, when set, wins.
# Usage: bash binary-path.sh    or, sourced: otelcol_binary_path
otelcol_binary_path() {
  if [ -n "${OTELCOL_BIN:-}" ]; then
    printf '%s\n' "$OTELCOL_BIN"
    return
  fi
  local here manifest_hash
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  manifest_hash=$(sha256sum "$here/builder-config.yaml" | cut -c1-16)
  printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/integration-logs/otelcol-$manifest_hash/otelcol-integration-logs"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  otelcol_binary_path
fi
