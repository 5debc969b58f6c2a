// Docker's .dockerignore rules (moby/patternmatcher), enough to check what a build context
// holds without a Docker engine: one pattern per line, `#` comments, `!` re-includes, `**`
// any number of directories, `*` and `?` within one path segment; a path is left out when
// the last pattern matching it, or one of its parent directories, is not an exception.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Rule {
  exception: boolean;
  regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export function readDockerignore(file: string): (relativePath: string) => boolean {
  const rules: Rule[] = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exception = line.startsWith('!');
      const cleaned = path.posix.normalize(exception ? line.slice(1).trim() : line).replace(/^\/+/, '');
      return { exception, regex: toRegex(cleaned) };
    });
  /** True when the path (relative to the context, `/`-separated) is left out of the context. */
  return (relativePath) => {
    const parts = path.posix.normalize(relativePath).split('/');
    let excluded = false;
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      for (const rule of rules) if (rule.regex.test(prefix)) excluded = !rule.exception;
    }
    return excluded;
  };
}
