/** How to show a logged body: pretty JSON when it parses, else the text as is. Pure. */
export function prettyBody(body: string | null, encoding: string): { text: string; language: 'json' | 'text' | 'base64' } {
  if (body === null || body === '') {
    return { text: '', language: 'text' };
  }
  if (encoding === 'base64') {
    return { text: body, language: 'base64' };
  }
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), language: 'json' };
    } catch {
      // truncated or not JSON: show as logged
    }
  }
  return { text: body, language: 'text' };
}

export function formatBytes(n: number | null): string {
  if (n === null) {
    return 'unknown size';
  }
  if (n < 1024) {
    return `${n} B`;
  }
  if (n < 1024 * 1024) {
    return `${(n / 1024).toFixed(1)} KiB`;
  }
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
