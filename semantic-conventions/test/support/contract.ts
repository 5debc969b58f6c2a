// What the drift tests compare: the strings the module exports, and the contract names
// found in files that cannot import it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as contract from '../../src/index.js';
import { labelName } from '../../src/index.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(repoRoot, relative), 'utf8');
}

/** A YAML file of the repository as `T`: the caller names the parts it reads. */
export function readRepoYaml<T = unknown>(relative: string): T {
  return parse(readRepoFile(relative)) as T;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every string the module exports, at any depth of its lists and maps. */
export const CONTRACT_STRINGS: ReadonlySet<string> = new Set(stringsIn(Object.values(contract)));

/**
 * The exported strings that are not a mechanical label or counter form of another one:
 * what docs/telemetry.md must name (it states the label rule once).
 */
export const PRIMARY_STRINGS: readonly string[] = [...CONTRACT_STRINGS].filter(
  (s) => ![...CONTRACT_STRINGS].some((t) => t !== s && (labelName(t) === s || `${labelName(t)}_total` === s))
);

/**
 * The `integration.*` and `integration_*` names in a text. A name followed by `.*` or `_*`
 * is a wildcard and comes back with its `*`.
 */
export function integrationNamesIn(text: string): string[] {
  return [...new Set(text.match(/(?<![A-Za-z0-9-])integration[._][a-z0-9_.]*[a-z0-9_](?:[._]\*)?/g) ?? [])];
}

/** Whether `name` (or, for a wildcard, some exported name it covers) is in the module. */
export function knownToContract(name: string): boolean {
  if (!name.endsWith('*')) return CONTRACT_STRINGS.has(name);
  const prefix = name.slice(0, -1);
  return [...CONTRACT_STRINGS].some((s) => s.startsWith(prefix));
}
