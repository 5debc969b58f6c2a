import { isUtf8 } from 'node:buffer';
import * as zlib from 'node:zlib';
import { reportFailure } from './diagnostics.js';

/**
 * Collects up to `cap` bytes of a body as it streams past, and counts the rest.
 * Chunks are copied (the caller may reuse its buffers); nothing is held beyond `cap`.
 */
export class BodyCapture {
  private chunks: Buffer[] = [];
  captured = 0;
  total = 0;

  constructor(private readonly cap: number) {}

  add(chunk: unknown, encoding?: BufferEncoding): void {
    let len: number;
    let view: Uint8Array | undefined;
    if (typeof chunk === 'string') {
      len = Buffer.byteLength(chunk, encoding);
      if (this.captured < this.cap) view = Buffer.from(chunk, encoding);
    } else if (chunk instanceof Uint8Array) {
      len = chunk.byteLength;
      view = chunk;
    } else {
      return;
    }
    this.total += len;
    if (!view || this.captured >= this.cap) return;
    const take = Math.min(view.byteLength, this.cap - this.captured);
    // A copy of its own: Buffer.from() of a small chunk is a view into an 8 KiB pool slab,
    // which a queued record would keep alive whole.
    const copy = Buffer.allocUnsafeSlow(take);
    copy.set(view.subarray(0, take));
    this.chunks.push(copy);
    this.captured += take;
  }

  get truncated(): boolean {
    return this.total > this.captured;
  }

  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.captured);
  }
}

export interface RecordedBody {
  body: string | null;
  bodyEncoding: 'utf8' | 'base64';
  /** Full size in bytes as transferred (before content decoding). */
  bodySize: number;
  bodyTruncated: boolean;
  /** Set when the wire body was compressed; `body` is then the decoded content. */
  contentEncoding?: string;
}

const TEXTUAL =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript|graphql|yaml|x-ndjson|csv))/i;

function decodeContent(raw: Buffer, encoding: string, limit: number): Buffer | undefined {
  const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit };
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.gunzipSync(raw, opts);
      case 'deflate':
        try {
          return zlib.inflateSync(raw, opts);
        } catch {
          // Expected: many servers send raw deflate without the zlib header the name promises.
          return zlib.inflateRawSync(raw, opts);
        }
      case 'br':
        return zlib.brotliDecompressSync(raw, {
          maxOutputLength: limit,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        return undefined;
    }
  } catch (err) {
    reportFailure('debug', `decoding a ${encoding} body failed; recording it as received`, err);
    return undefined;
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/** Drops an incomplete UTF-8 sequence at the end (a cut at the limit may split a character). */
function trimPartialUtf8(b: Buffer): Buffer {
  let i = b.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (b[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i < need ? b.subarray(0, i) : b;
}

/** Decodes `bytes` as UTF-8 text, or returns undefined when it is binary. */
function asText(bytes: Buffer, contentType: string | undefined, cut: boolean): string | undefined {
  if (contentType && !TEXTUAL.test(contentType) && !/charset=/i.test(contentType)) {
    // declared non-text types (images, octet-stream, pdf...) are binary even when they decode
    if (/^(image|audio|video|font)\/|octet-stream|pdf|zip|protobuf/i.test(contentType)) return undefined;
  }
  const view = cut ? trimPartialUtf8(bytes) : bytes;
  if (!isUtf8(view)) return undefined;
  const text = view.toString('utf8');
  return CONTROL.test(text) ? undefined : text;
}

/**
 * Renders a captured body for the `integration.request` record: compressed bodies are
 * decoded (the record shows what the caller sees), text stays text, binary goes base64,
 * and everything is cut at `maxBytes`.
 */
export function renderBody(
  capture: BodyCapture | undefined,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  maxBytes: number,
  redactText: (text: string, contentType?: string) => string
): RecordedBody {
  if (!capture || capture.total === 0) {
    return { body: null, bodyEncoding: 'utf8', bodySize: capture?.total ?? 0, bodyTruncated: false };
  }
  let bytes = capture.bytes();
  let truncated = capture.truncated;
  const enc = contentEncoding?.trim().toLowerCase();
  let decodedFrom: string | undefined;
  if (enc && enc !== 'identity') {
    // Decode up to 64x the limit, so a small compressed bomb cannot cost much.
    const decoded = decodeContent(bytes, enc, Math.max(maxBytes * 64, 1 << 20));
    if (decoded) {
      decodedFrom = enc;
      bytes = decoded;
    }
  }
  if (bytes.byteLength > maxBytes) {
    bytes = bytes.subarray(0, maxBytes);
    truncated = true;
  }
  const text = enc && !decodedFrom ? undefined : asText(bytes, contentType, truncated);
  let out: RecordedBody;
  if (text !== undefined) {
    out = {
      body: redactText(text, contentType),
      bodyEncoding: 'utf8',
      bodySize: capture.total,
      bodyTruncated: truncated,
    };
  } else {
    // Binary goes out as base64, which no text scan can read: scan its Latin-1 view first
    // and withhold the body when it holds anything secret-like in readable form.
    const latin1 = bytes.toString('latin1');
    const clean = redactText(latin1, 'text/plain') === latin1;
    out = clean
      ? { body: bytes.toString('base64'), bodyEncoding: 'base64', bodySize: capture.total, bodyTruncated: truncated }
      : { body: '[REDACTED]', bodyEncoding: 'utf8', bodySize: capture.total, bodyTruncated: truncated };
  }
  if (enc && enc !== 'identity') out.contentEncoding = enc;
  return out;
}
