const swc = (syntax) => ['@swc/jest', { jsc: { target: 'es2023', parser: { syntax } }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'provisioning',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': swc('typescript'),
    // The OTLP exporters load node:http with import(), which jest's CommonJS runtime
    // cannot run without --experimental-vm-modules: compile it to require().
    '^.+/@opentelemetry/otlp-exporter-base/.+\\.cjs$': swc('ecmascript'),
  },
  transformIgnorePatterns: ['/node_modules/(?!@opentelemetry/otlp-exporter-base/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
};
