// One ESLint configuration for every workspace. The Grafana plugin keeps the
// configuration Grafana's scaffolding gives it (@grafana/eslint-config), applied here
// to its folder; the Node workspaces use typescript-eslint's recommended rules.
// Formatting is Prettier's (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import grafanaPlugin from './grafana-plugin/eslint.config.mjs';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.bench-build/',
    '**/coverage/',
    '**/.cache/',
    '.tools/',
    'grafana-plugin/harness/dist/',
  ]),
  {
    name: 'integration-logs/node',
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    ignores: ['grafana-plugin/**'],
    extends: [js.configs.recommended, tseslint.configs.recommended, prettier],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (callback signatures, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The root package is CommonJS: its .js files (jest configs, global setups) and .cjs fixtures use require().
    name: 'integration-logs/commonjs',
    files: ['**/*.{js,cjs}'],
    ignores: ['grafana-plugin/**'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'integration-logs/tests',
    files: ['**/test/**', '**/*.test.ts'],
    ignores: ['grafana-plugin/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    name: 'integration-logs/grafana-plugin',
    basePath: 'grafana-plugin',
    extends: [grafanaPlugin],
  },
  {
    // Production functions stay short enough to read at once; tests and test support may
    // hold longer tables and scenarios.
    name: 'integration-logs/function-length',
    files: ['{semantic-conventions,instrumentation,demo}/src/**/*.ts', 'grafana-plugin/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'grafana-plugin/src/test/**', 'grafana-plugin/src/__browser__/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
]);
