/** How to show a logged body: pretty JSON when it parses, else the text as is. Pure. */
export function prettyBody(
  body: string | null,
  encoding: string
): { text: string; language: 'json' | 'partial-json' | 'text' | 'base64' } {
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
      // cut at the size limit: indent what is there
      return { text: indentJsonLike(trimmed), language: 'partial-json' };
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

/**
 * Indents JSON-looking text that does not parse (a body truncated mid-document) the way
 * JSON.stringify(…, 2) would, without changing a character inside strings. Pure.
 */
export function indentJsonLike(text: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  const newline = () => '\n' + '  '.repeat(Math.max(0, depth));
  for (const ch of text) {
    if (inString) {
      out += ch;
      if (escaped) {
        escaped = false;
      } else if (ch === '\\') {
        escaped = true;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    switch (ch) {
      case '"':
        inString = true;
        out += ch;
        break;
      case '{':
      case '[':
        depth++;
        out += ch + newline();
        break;
      case '}':
      case ']':
        depth--;
        out += newline() + ch;
        break;
      case ',':
        out += ch + newline();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\n':
      case '\r':
      case '\t':
        break;
      default:
        out += ch;
    }
  }
  return out;
}
