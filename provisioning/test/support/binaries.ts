// Finds the real programs the tests run, and decides what a missing one means: a
// skipped suite (with the reason in its name) on a developer's machine, a failure in CI.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const provisioningDir = path.resolve(__dirname, '../..');
export const repoRoot = path.resolve(provisioningDir, '..');

export const inCI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

function executable(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const found = dir && executable(path.join(dir, name));
    if (found) return found;
  }
  return undefined;
}

export interface Binary {
  name: string;
  path: string | undefined;
  /** How to get it, shown when it is missing. */
  hint: string;
}

/** The collector built by provisioning/collector/build.sh (or OTELCOL_BIN). */
export function otelcol(): Binary {
  const expected = execFileSync('bash', [path.join(provisioningDir, 'collector/binary-path.sh')], {
    encoding: 'utf8',
  }).trim();
  return {
    name: 'otelcol',
    path: executable(expected),
    hint: `expected at ${expected}: run \`bash provisioning/collector/build.sh\` (needs Go) or set OTELCOL_BIN`,
  };
}

export function promtool(): Binary {
  return {
    name: 'promtool',
    path: executable(process.env.PROMTOOL_BIN) ?? onPath('promtool'),
    hint: "install Debian's prometheus package (`apt-get install prometheus`) or set PROMTOOL_BIN",
  };
}

export function prometheus(): Binary {
  return {
    name: 'prometheus',
    path: executable(process.env.PROMETHEUS_BIN) ?? onPath('prometheus'),
    hint: "install Debian's prometheus package (`apt-get install prometheus`) or set PROMETHEUS_BIN",
  };
}

/** Python 3 with the venv module (Debian: python3-venv), for the other-language test. */
export function python3(): Binary {
  return {
    name: 'python3',
    path: executable(process.env.PYTHON3_BIN) ?? onPath('python3'),
    hint: "install Debian's python3 and python3-venv packages or set PYTHON3_BIN",
  };
}

export function dockerCompose(): Binary {
  return {
    name: 'docker-compose',
    path: executable(process.env.DOCKER_COMPOSE_BIN) ?? onPath('docker-compose'),
    hint: "install Debian's docker-compose package (`apt-get install docker-compose`) or set DOCKER_COMPOSE_BIN",
  };
}

/**
 * describe() when every binary is there. Otherwise: under CI a failing test naming what
 * is missing; elsewhere a skipped test whose name says why.
 */
export function describeWith(binaries: Binary[], title: string, body: (paths: Record<string, string>) => void): void {
  const missing = binaries.filter((b) => !b.path);
  if (missing.length === 0) {
    const paths = Object.fromEntries(binaries.map((b) => [b.name, b.path as string]));
    describe(title, () => body(paths));
    return;
  }
  const reason = missing.map((b) => `${b.name} not found (${b.hint})`).join('; ');
  describe(title, () => {
    if (inCI) {
      test(`needs ${missing.map((b) => b.name).join(', ')}`, () => {
        throw new Error(`CI is set and ${reason}`);
      });
    } else {
      test.skip(`skipped: ${reason}`, () => undefined);
    }
  });
}
