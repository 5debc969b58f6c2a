// One jest run over every workspace that has tests, so CI gets one summary.
const fs = require('node:fs');
const path = require('node:path');
const { workspaces } = require('./package.json');

module.exports = {
  // Project configs cannot set this: jest reads testTimeout from the root config only.
  // Several suites start real processes (collector, Prometheus, Chromium) on a loaded machine.
  testTimeout: 120_000,
  projects: workspaces
    .map((ws) => path.join(__dirname, ws))
    .filter((dir) => fs.existsSync(path.join(dir, 'jest.config.js'))),
};
