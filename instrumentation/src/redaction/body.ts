/**
 * Bodies by content type: JSON (also `+json`, NDJSON, or untyped text that starts like
 * JSON), URL-encoded forms, multipart forms, everything else as free text (XML tags
 * included). Never throws: an unexpected failure redacts the whole body.
 */
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
    if (ct.includes('x-www-form-urlencoded')) return redactParams(ctx, body, ctx.replacement);
    if (ct.startsWith('multipart/')) return redactMultipart(ctx, body, contentType!);
    if (ct.includes('json') || looksLikeJson(body)) return redactJson(ctx, body);
    return redactText(ctx, body);
  } catch {
    return ctx.replacement;
  }
}

const BOUNDARY = /boundary=(?:"([^"]{1,200})"|([^;\s]{1,200}))/i;
const PART_NAME = /\bname="([^"]{0,200})"/i;
const PART_TYPE = /^content-type:[ \t]*([^\r\n]{0,200})/im;

/** Field values of sensitive fields go; other parts are redacted by their own content type. */
function redactMultipart(ctx: ScanContext, body: string, contentType: string): string {
  const bm = BOUNDARY.exec(contentType);
  const boundary = bm ? (bm[1] ?? bm[2]) : undefined;
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
    const type = PART_TYPE.exec(head)?.[1];
    let red: string;
    if (name && ctx.keys.isSensitive(name, 'param')) red = content === '' ? content : ctx.replacement;
    else red = redactBody(ctx, content, type ?? 'text/plain');
    parts[p] = redactText(ctx, head) + part.slice(headEnd, start) + red + part.slice(end);
  }
  return parts.join(delim);
}
