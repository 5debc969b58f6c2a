// Builds dist/ when it is missing or older than src/, for tests that spawn node on the
// built package (the `--import .../register` test).
const path = require('node:path');
const { buildIfStale } = require('@integration-logs/test-support/build-if-stale');

module.exports = async function globalSetup() {
  buildIfStale(path.join(__dirname, '..', '..'), 'dist/register.js', 'tsconfig.build.json');
};
