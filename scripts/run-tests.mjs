#!/usr/bin/env node
// Runs every workspace's jest project in one run and ends with a plain
// "N passed, N failed" line, the summary CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const outDir = path.join(root, '.test-results');
const outFile = path.join(outDir, 'jest.json');
mkdirSync(outDir, { recursive: true });
rmSync(outFile, { force: true });

const jest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${outFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' }
);

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(outFile, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
} catch {
  failed = 1; // jest died before writing results: count the run as one failure
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
