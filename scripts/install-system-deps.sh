#!/usr/bin/env bash
# Debian packages the tests run for real: Chromium (browser tests), Prometheus and promtool
# (alert rules, span metrics), docker-compose (validates the compose file without an engine),
# Python with venv (the OpenTelemetry Python SDK sync through the collector).
set -euo pipefail
needed=()
command -v chromium >/dev/null || needed+=(chromium)
command -v promtool >/dev/null || needed+=(prometheus)
command -v docker-compose >/dev/null || needed+=(docker-compose)
command -v python3 >/dev/null || needed+=(python3)
# ensurepip is what Debian splits out into python3-venv.
python3 -c 'import ensurepip, venv' 2>/dev/null || needed+=(python3-venv)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing ${needed[*]}: install them with apt-get (needs root)" >&2
  exit 1
fi
echo "Installing ${needed[*]} from Debian"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
