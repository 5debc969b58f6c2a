// For jest globalSetup: builds a package's dist/ when it is missing or older than its
// src/, for tests that spawn node on the built files.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs tsc with `tsconfig` in the package at `root` when `builtFile` is missing or older than src/. */
function buildIfStale(root, builtFile, tsconfig) {
  const built = path.join(root, builtFile);
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestMtime(path.join(root, 'src'));
  if (stale) {
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(root, tsconfig)], { cwd: root, stdio: 'inherit' });
  }
}

module.exports = { buildIfStale };
