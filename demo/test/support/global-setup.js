// Builds the SDK's and the demo's dist/ when missing or older than their sources, for the
// test that runs the demo as `npm run demo` does (node on the built files).
const path = require('node:path');
const { buildIfStale } = require('@integration-logs/test-support/build-if-stale');

module.exports = async function globalSetup() {
  const sdk = path.dirname(require.resolve('@integration-logs/instrumentation/package.json'));
  buildIfStale(sdk, 'dist/index.js', 'tsconfig.build.json');
  buildIfStale(path.join(__dirname, '..', '..'), 'dist/start.js', 'tsconfig.json');
};
