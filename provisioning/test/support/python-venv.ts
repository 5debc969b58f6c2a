// A Python virtual environment with the pinned packages of demo/python/requirements.txt
// (the real OpenTelemetry Python SDK from PyPI), made once per requirements file and
// Python version in the cache, like the collector build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './binaries.js';

export const requirementsFile = path.join(repoRoot, 'demo/python/requirements.txt');

/** The venv's python, creating the venv first when needed (pip needs the network then). */
export function pythonVenv(python3: string): string {
  const version = execFileSync(python3, ['--version'], { encoding: 'utf8' }).trim();
  const hash = createHash('sha256').update(version).update(readFileSync(requirementsFile)).digest('hex').slice(0, 16);
  const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'integration-logs');
  const dir = path.join(cache, `python-${hash}`);
  const python = path.join(dir, 'bin/python');
  if (existsSync(python)) return python;
  mkdirSync(cache, { recursive: true });
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const run = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${e.stderr || e.message}`);
    }
  };
  // --copies: the venv stays valid when renamed into place.
  run(python3, ['-m', 'venv', '--copies', work]);
  run(path.join(work, 'bin/python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '-r',
    requirementsFile,
  ]);
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return python;
}
