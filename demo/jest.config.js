/** @type {import('jest').Config} */
module.exports = {
  displayName: 'demo',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
    // The OTLP exporters load node:http(s) with import(), which jest's CommonJS sandbox
    // cannot run without --experimental-vm-modules; compile those files to require().
    '^.+\\.cjs$': [
      '@swc/jest',
      { jsc: { target: 'es2023', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@opentelemetry/otlp-exporter-base/)'],
  // Source imports use the `.js` extension that Node's ESM-style resolution wants.
  // The SDK from its sources, so the demo's tests never run against a stale build.
  moduleNameMapper: {
    '^@integration-logs/instrumentation$': '<rootDir>/../instrumentation/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.js'],
};
