#!/usr/bin/env bash
# Puts a current Node LTS first on PATH when the machine's node is older than 22.15.
# The binary comes from the npm registry's `node` package, installed into .tools/node.
# Source it: `. scripts/setup-node.sh`.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=15)?0:1)' 2>/dev/null; }
if ! node_ok; then
  prefix="$root/.tools/node"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    echo "Installing Node 24 from the npm registry into $prefix"
    npm install --no-save --no-audit --no-fund --prefix "$prefix" node@24 >/dev/null
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
fi
echo "Using node $(node --version)"
