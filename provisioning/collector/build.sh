#!/usr/bin/env bash
# Builds the collector distribution of builder-config.yaml (the components config.yaml
# uses, as the Dockerfile docker-compose.yml builds does) with this machine's Go and the
# OpenTelemetry Collector Builder (ocb), both from the Go module proxy.
# Prints the binary's path on stdout (progress goes to stderr). Cached per hash of the
# manifest and the sources of its local modules: a second run prints the path at once.
# Env: OTELCOL_BIN (use that binary, build nothing), XDG_CACHE_HOME, GOPROXY.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$here/builder-config.yaml"
. "$here/binary-path.sh"
bin=$(otelcol_binary_path)

if [ -x "$bin" ]; then
  printf '%s\n' "$bin"
  exit 0
fi
if [ -n "${OTELCOL_BIN:-}" ]; then
  echo "OTELCOL_BIN=$OTELCOL_BIN is not an executable file" >&2
  exit 1
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
  else
    echo "Go is needed to build the collector (Go 1.25 or newer): https://go.dev/doc/install" >&2
    exit 1
  fi
fi

# ocb's version is the core collector version the manifest pins (dist.version).
ocb_version=$(sed -n 's/^  version: *\([0-9][0-9.]*\) *$/\1/p' "$manifest" | head -n1)
if [ -z "$ocb_version" ]; then
  echo "No dist.version in $manifest" >&2
  exit 1
fi

entry=$(dirname "$bin")
cache=$(dirname "$entry")
mkdir -p "$cache"
# One build at a time per cache; a waiting run finds the binary when it gets the lock.
exec 9>"$cache/.build.lock"
flock 9
if [ -x "$bin" ]; then
  printf '%s\n' "$bin"
  exit 0
fi

ocb="$cache/ocb-v$ocb_version/builder"
if [ ! -x "$ocb" ]; then
  echo "Installing ocb v$ocb_version from the Go module proxy" >&2
  GOBIN="$cache/ocb-v$ocb_version" go install "go.opentelemetry.io/collector/cmd/builder@v$ocb_version" >&2
fi

work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The manifest stays free of machine paths: the output path is added to a copy.
sed "/^dist:/a\\  output_path: $work/src" "$manifest" > "$work/builder-config.yaml"
echo "Building the collector (ocb v$ocb_version, $(go env GOVERSION)); a cold build takes minutes" >&2
start=$(date +%s)
# From here: the manifest's local module paths are relative to this directory.
(cd "$here" && "$ocb" --config="$work/builder-config.yaml" >&2)
mkdir -p "$work/out"
mv "$work/src/otelcol-integration-logs" "$work/out/otelcol-integration-logs"
cp "$manifest" "$work/out/builder-config.yaml"
rm -rf "$entry"
mv "$work/out" "$entry"
echo "Built in $(( $(date +%s) - start ))s: $bin" >&2
printf '%s\n' "$bin"
