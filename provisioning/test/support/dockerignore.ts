// What a .dockerignore leaves out of a build context, by Docker's own rules
// (@balena/dockerignore ports moby's matcher), so tests can check a context without a
// Docker engine.
import ignore from '@balena/dockerignore';
import { readFileSync } from 'node:fs';

/** True when the path (relative to the context, `/`-separated) is left out of the context. */
export function readDockerignore(file: string): (relativePath: string) => boolean {
  const rules = ignore().add(readFileSync(file, 'utf8'));
  return (relativePath) => rules.ignores(relativePath);
}
