// Builds dist/ when it is missing or older than src/, for tests that spawn node on the
// built package (the `--import .../register` test).
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

module.exports = async function globalSetup() {
  // The built SDK requires the built contract package; its sources type-check against it.
  buildIfStale(path.join(__dirname, '..', '..', '..', 'semantic-conventions'), 'dist/index.js', 'tsconfig.build.json');
  buildIfStale(path.join(__dirname, '..', '..'), 'dist/register.js', 'tsconfig.build.json');
};
module.exports.buildIfStale = buildIfStale;
