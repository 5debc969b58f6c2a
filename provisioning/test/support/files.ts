import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { provisioningDir, repoRoot } from './binaries.js';

export const fromProvisioning = (...parts: string[]) => path.join(provisioningDir, ...parts);
export const fromRoot = (...parts: string[]) => path.join(repoRoot, ...parts);

/** A YAML document as `T`: the caller names the parts it reads (unknown unless it does). */
export function readYaml<T = unknown>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
