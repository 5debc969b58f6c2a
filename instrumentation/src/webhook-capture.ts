import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyCapture, renderBody } from './body-capture.js';
import { reportFailure } from './diagnostics.js';
import { firstValue, nodeHeaderMap, type HeaderMap } from './header-map.js';
import type { Redactor } from './redaction/index.js';

/** The scheme an incoming request arrived on: TLS sockets mark themselves `encrypted`. */
export function requestScheme(req: IncomingMessage): 'http' | 'https' {
  return (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http';
}

/** `writeHead` takes an object, a flat `[name, value, ...]` array or `[name, value]` pairs. */
function writeHeadHeaderMap(given: object): HeaderMap {
  if (!Array.isArray(given)) return nodeHeaderMap(given as Record<string, string | string[] | number | undefined>);
  const out: HeaderMap = {};
  const add = (name: unknown, value: unknown) => {
    if (value === undefined || value === null) return;
    const key = String(name).toLowerCase();
    const prev = out[key];
    const next = Array.isArray(value) ? value.map(String) : String(value);
    out[key] =
      prev === undefined ? next : [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(next) ? next : [next])];
  };
  if (given.every((e) => Array.isArray(e))) for (const [name, value] of given as unknown[][]) add(name, value);
  else for (let i = 0; i + 1 < given.length; i += 2) add(given[i], given[i + 1]);
  return out;
}

/**
 * Observes an incoming webhook request and our response to it, for the webhook's
 * `integration.request` record: the request body as the parser hands it to the request
 * stream, the response body as the handler writes it. Arguments pass through untouched.
 */
export class WebhookCapture {
  private requestBody: BodyCapture | undefined;
  private responseBody: BodyCapture | undefined;
  /** Headers passed to `writeHead`: Node sends them without storing them where `getHeaders()` looks. */
  private writeHeadHeaders: HeaderMap | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly maxBytes: number,
    captureBodies: boolean
  ) {
    // Arrow functions keep `this` (the capture) inside the patched methods, whose own
    // `this` is the request or response.
    const noteWriteHead = (args: unknown[]) => {
      try {
        const given = args.find((a, i) => i > 0 && a !== null && typeof a === 'object');
        if (given) this.writeHeadHeaders = { ...this.writeHeadHeaders, ...writeHeadHeaderMap(given) };
      } catch (err) {
        // never break the response
        reportFailure('debug', 'reading the headers given to writeHead failed; the webhook record may miss them', err);
      }
    };
    const origWriteHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      noteWriteHead(args);
      return (origWriteHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
    if (!captureBodies) return;
    const noteRequestChunk = (chunk: unknown, encoding?: BufferEncoding) => {
      try {
        if (chunk !== null && chunk !== undefined)
          (this.requestBody ??= new BodyCapture(maxBytes)).add(chunk, encoding);
      } catch (err) {
        // never break the request
        reportFailure('debug', 'capturing a chunk of a webhook request body failed; skipped it', err);
      }
    };
    const origPush = req.push;
    req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
      noteRequestChunk(chunk, encoding);
      return origPush.call(this, chunk, encoding);
    };
    const origWrite = res.write;
    const origEnd = res.end;
    const note = (chunk: unknown, enc: unknown) => {
      try {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
          (this.responseBody ??= new BodyCapture(maxBytes)).add(
            chunk,
            typeof enc === 'string' ? (enc as BufferEncoding) : undefined
          );
      } catch (err) {
        // never break the response
        reportFailure('debug', 'capturing a chunk of a webhook response body failed; skipped it', err);
      }
    };
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      note(chunk, rest[0]);
      return (origWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      note(chunk, rest[0]);
      return (origEnd as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse['end'];
  }

  /** The record body (JSON, built from redactor output only) and the redacted full URL. */
  render(redactor: Redactor, status: number | undefined, durationMs: number): { body: string; url: string } {
    const url = redactor.url(
      `${requestScheme(this.req)}://${this.req.headers.host ?? 'localhost'}${this.req.url ?? '/'}`
    );
    const reqHeaders = nodeHeaderMap(this.req.headers);
    const resHeaders = {
      ...nodeHeaderMap(this.res.getHeaders() as Record<string, string | string[] | number | undefined>),
      ...this.writeHeadHeaders,
    };
    const redactBody = (t: string, ct?: string) => redactor.body(t, ct);
    const request = {
      method: (this.req.method ?? 'GET').toUpperCase(),
      url,
      headers: redactor.headers(reqHeaders),
      ...renderBody(
        this.requestBody,
        firstValue(reqHeaders['content-type']),
        firstValue(reqHeaders['content-encoding']),
        this.maxBytes,
        redactBody
      ),
    };
    const response =
      status === undefined
        ? null
        : {
            status,
            headers: redactor.headers(resHeaders),
            ...renderBody(
              this.responseBody,
              firstValue(resHeaders['content-type']),
              firstValue(resHeaders['content-encoding']),
              this.maxBytes,
              redactBody
            ),
          };
    return { body: JSON.stringify({ request, response, durationMs }), url };
  }
}
