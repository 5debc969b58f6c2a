// Builds the SDK's and the demo's dist/ when missing or older than their sources, for the
// test that runs the demo as `npm run demo` does (node on the built files).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const buildSdk = require('../../../instrumentation/test/support/global-setup.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

module.exports = async function globalSetup() {
  await buildSdk();
  const root = path.join(__dirname, '..', '..');
  const built = path.join(root, 'dist', 'start.js');
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestMtime(path.join(root, 'src'));
  if (stale) {
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  }
};
