#!/usr/bin/env bash
# Prints where build.sh puts (or has put) the collector binary for the current
# builder-config.yaml and the sources of the local modules it lists (`path:`): one cache
# entry per manifest and sources, so a change to either means a new build and an
# unchanged tree is never rebuilt. Tests and READMEs of those modules do not count.
# OTELCOL_BIN, when set, wins.
# Usage: bash binary-path.sh    or, sourced: otelcol_binary_path
otelcol_binary_path() {
  if [ -n "${OTELCOL_BIN:-}" ]; then
    printf '%s\n' "$OTELCOL_BIN"
    return
  fi
  local here manifest_hash
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  manifest_hash=$(cd "$here" && {
    cat builder-config.yaml
    sed -n 's/^ *path: *\(\S*\) *$/\1/p' builder-config.yaml |
      xargs -r -I{} find {} -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) |
      LC_ALL=C sort | xargs -r sha256sum
  } | sha256sum | cut -c1-16)
  printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/integration-logs/otelcol-$manifest_hash/otelcol-integration-logs"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  otelcol_binary_path
fi
