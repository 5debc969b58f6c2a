// Builds dist/ when it is missing or older than src/, for tests that spawn node on the
// built package (the `--import .../register` test).
const path = require('node:path');
const { buildIfStale } = require('@integration-logs/test-support/build-if-stale');

module.exports = async function globalSetup() {
  // The built SDK requires the built contract package; its sources type-check against it.
  buildIfStale(path.join(__dirname, '..', '..', '..', 'semantic-conventions'), 'dist/index.js', 'tsconfig.build.json');
  buildIfStale(path.join(__dirname, '..', '..'), 'dist/register.js', 'tsconfig.build.json');
};
