// One jest run over every workspace that has tests, so CI gets one summary.
const fs = require('node:fs');
const path = require('node:path');
const { workspaces } = require('./package.json');

module.exports = {
  projects: workspaces
    .map((ws) => path.join(__dirname, ws))
    .filter((dir) => fs.existsSync(path.join(dir, 'jest.config.js'))),
};
