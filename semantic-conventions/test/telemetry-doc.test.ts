// docs/telemetry.md is the contract in prose: it names everything the module exports, and
// every `integration.*` / `integration_*` name in it is one the module knows.
import { integrationNamesIn, knownToContract, PRIMARY_STRINGS, readRepoFile } from './support/contract.js';

const doc = readRepoFile('docs/telemetry.md');

test('documents every name and value the module exports', () => {
  expect(PRIMARY_STRINGS.length).toBeGreaterThan(50);
  expect(PRIMARY_STRINGS.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
});

test('names nothing under integration that the module does not export', () => {
  const names = integrationNamesIn(doc);
  expect(names).toEqual(expect.arrayContaining(['integration.flow.end_user.id', 'integration_flow_end_user_id']));
  expect(names.filter((name) => !knownToContract(name))).toEqual([]);
});
