// Tests run the TypeScript sources through @swc/jest; the register test spawns
// node on dist/, which globalSetup builds when it is missing or stale.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'instrumentation',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
    // The OTLP exporters load node:http(s) with import(), which jest's CommonJS sandbox
    // cannot run without --experimental-vm-modules; compile those two files to require().
    '^.+\\.cjs$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@opentelemetry/otlp-exporter-base/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 60000,
};
