import * as zlib from 'node:zlib';

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
    this.chunks.push(Buffer.from(view.subarray(0, take)));
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

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript|graphql|yaml|x-ndjson|csv))/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

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
          return zlib.inflateRawSync(raw, opts);
        }
      case 'br':
        return zlib.brotliDecompressSync(raw, { maxOutputLength: limit, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/** Decodes `bytes` as UTF-8 text, or returns undefined when it is binary. */
function asText(bytes: Buffer, contentType: string | undefined, cut: boolean): string | undefined {
  if (contentType && !TEXTUAL.test(contentType) && !/charset=/i.test(contentType)) {
    // declared non-text types (images, octet-stream, pdf...) are binary even when they decode
    if (/^(image|audio|video|font)\/|octet-stream|pdf|zip|protobuf/i.test(contentType)) return undefined;
  }
  try {
    const text = utf8.decode(bytes, { stream: cut }); // stream: a cut may split a character
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return undefined;
    return text;
  } catch {
    return undefined;
  } finally {
    if (cut) utf8.decode(); // reset the decoder's pending state
  }
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
  redactText: (text: string, contentType?: string) => string,
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
  const out: RecordedBody =
    text === undefined
      ? { body: bytes.toString('base64'), bodyEncoding: 'base64', bodySize: capture.total, bodyTruncated: truncated }
      : { body: redactText(text, contentType), bodyEncoding: 'utf8', bodySize: capture.total, bodyTruncated: truncated };
  if (enc && enc !== 'identity') out.contentEncoding = enc;
  return out;
}
