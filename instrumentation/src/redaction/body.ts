/**
 * Bodies by content type: JSON (also `+json`, NDJSON, or untyped text that starts like
 * JSON), URL-encoded forms, multipart forms, everything else as free text (XML tags
 * included). Never throws: an unexpected failure redacts the whole body.
 */
import { reportFailure } from '../diagnostics.js';
import { redactJson } from './json.js';
import { redactParams, redactText, type ScanContext } from './scan.js';

function looksLikeJson(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
    return c === 123 || c === 91;
  }
  return false;
}

export function redactBody(ctx: ScanContext, body: string, contentType?: string): string {
  try {
    if (typeof body !== 'string') body = Buffer.isBuffer(body) ? (body as Buffer).toString('utf8') : String(body ?? '');
    if (body === '') return body;
    const ct = typeof contentType === 'string' ? contentType.toLowerCase() : '';
    if (ct.includes('x-www-form-urlencoded')) return redactParams(ctx, body, ctx.mask, ctx.replacement);
    if (ct.startsWith('multipart/')) return redactMultipart(ctx, body, contentType!);
    if (ct.includes('json') || looksLikeJson(body)) return redactJson(ctx, body);
    return redactText(ctx, body);
  } catch (err) {
    reportFailure('debug', 'redacting a body by its content type failed; replaced it whole', err);
    return ctx.mask('unparsable');
  }
}

/** `boundary=...` of a multipart content type (quoted or not), without a regex. */
function boundaryOf(contentType: string): string | undefined {
  const at = contentType.toLowerCase().indexOf('boundary=');
  if (at < 0) return undefined;
  let v = contentType.slice(at + 9);
  if (v.startsWith('"')) {
    const close = v.indexOf('"', 1);
    v = close > 0 ? v.slice(1, close) : v.slice(1);
  } else {
    const stop = v.search(/[;\s]/);
    if (stop >= 0) v = v.slice(0, stop);
  }
  return v.length > 0 && v.length <= 200 ? v : undefined;
}

const PART_NAME = /\b[Nn][Aa][Mm][Ee]="([^"]*)"/;

/** The value of a header line in a part's head, e.g. content-type. */
function partHeader(head: string, name: string): string | undefined {
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

/** Field values of sensitive fields go; other parts are redacted by their own content type. */
function redactMultipart(ctx: ScanContext, body: string, contentType: string): string {
  const boundary = boundaryOf(contentType);
  if (!boundary) return redactText(ctx, body);
  const delim = '--' + boundary;
  const parts = body.split(delim);
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p]!;
    let headEnd = part.indexOf('\r\n\r\n');
    let sepLen = 4;
    if (headEnd < 0) {
      headEnd = part.indexOf('\n\n');
      sepLen = 2;
    }
    if (headEnd < 0) {
      parts[p] = redactText(ctx, part);
      continue;
    }
    const head = part.slice(0, headEnd);
    const start = headEnd + sepLen;
    // the part's content ends before the line break that precedes the next delimiter
    let end = part.length;
    if (part.endsWith('\r\n')) end -= 2;
    else if (part.endsWith('\n')) end -= 1;
    const content = part.slice(start, end);
    const name = PART_NAME.exec(head)?.[1] ?? '';
    const type = partHeader(head, 'content-type');
    let red: string;
    if (name && ctx.keys.isSensitive(name, 'param')) red = content === '' ? content : ctx.mask('key');
    else red = redactBody(ctx, content, type ?? 'text/plain');
    parts[p] = redactText(ctx, head) + part.slice(headEnd, start) + red + part.slice(end);
  }
  return parts.join(delim);
}
