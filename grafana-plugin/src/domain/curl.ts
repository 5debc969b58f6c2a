import { HttpRequestMessage } from './types';

/** Quotes a value for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A cURL command that repeats a logged request. Pure. It uses only what was logged, so every
 * secret the SDK redacted stays `[REDACTED]`: the user fills them in deliberately.
 */
export function toCurl(request: HttpRequestMessage): string {
  const lines = [`curl -X ${shellQuote(request.method || 'GET')} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      lines.push(`  -H ${shellQuote(`${name}: ${v}`)}`);
    }
  }
  const notes: string[] = [];
  if (request.body !== null && request.body !== '') {
    if (request.bodyEncoding === 'base64') {
      lines[0] = `printf %s ${shellQuote(request.body)} | base64 -d | ${lines[0]}`;
      lines.push('  --data-binary @-');
    } else {
      lines.push(`  --data-raw ${shellQuote(request.body)}`);
    }
    if (request.bodyTruncated) {
      notes.push(
        `# The logged body was truncated${request.bodySize !== null ? ` (full size ${request.bodySize} bytes)` : ''}; this command sends only the logged part.`
      );
    }
  }
  if (JSON.stringify(request).includes('REDACTED')) {
    notes.push('# Values shown as [REDACTED] were removed before logging: fill them in before running.');
  }
  return [...notes, lines.join(' \\\n')].join('\n');
}
