// Builds the SDK's and the demo's dist/ when missing or older than their sources, for the
// test that runs the demo as `npm run demo` does (node on the built files).
const path = require('node:path');
const buildSdk = require('../../../instrumentation/test/support/global-setup.js');

module.exports = async function globalSetup() {
  await buildSdk();
  buildSdk.buildIfStale(path.join(__dirname, '..', '..'), 'dist/start.js', 'tsconfig.json');
};
