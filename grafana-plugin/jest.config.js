// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...base,
  displayName: 'grafana-plugin',
  testTimeout: 60000,
  rootDir: __dirname,
  // Tests sit next to their code in src/; test/ holds fixtures and any test of the built plugin.
  testMatch: [...base.testMatch, '<rootDir>/test/**/*.{spec,test}.{js,jsx,ts,tsx}'],
  transform: {
    // @grafana/data pulls ESM-only .mjs files (d3-color): transform them like the sources.
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': swc,
  },
};
