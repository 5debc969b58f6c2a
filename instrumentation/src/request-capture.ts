import * as diagnostics_channel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { context, diag, SeverityNumber, type Attributes, type Span } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, Span as SdkSpan, SpanProcessor } from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_URL_FULL,
  ATTR_URL_QUERY,
} from '@opentelemetry/semantic-conventions';
import { ATTR_REQUEST_DURATION_MS, EVENT_REQUEST } from './attributes.js';
import { BodyCapture, renderBody, type RecordedBody } from './body-capture.js';
import { DeferredBody } from './deferred-body.js';
import type { Emitter } from './emitter.js';
import { firstValue, nodeHeaderMap, type HeaderMap } from './header-map.js';
import { explicitResendCount, operationFrom, type OperationState } from './operation-state.js';
import { rateLimitAttributes } from './rate-limit.js';
import type { Redactor } from './redaction/index.js';
import { inferUrlTemplate } from './url-template.js';

// `url.template` is not yet exported as a stable constant in every semconv version.
const ATTR_URL_TEMPLATE = 'url.template';
const ATTR_REQUEST_BODY_SIZE = 'http.request.body.size';
const ATTR_RESPONSE_BODY_SIZE = 'http.response.body.size';

/** What we learn about one request while it runs, finalized when its span ends. */
interface RequestCapture {
  /** The enclosing operation; undefined for requests recorded outside any scope. */
  op: OperationState | undefined;
  method: string;
  url: string;
  attemptKey: string;
  /** undici: [name, value, ...] array or raw header block; http: the ClientRequest. */
  rawRequestHeaders: unknown;
  rawResponseHeaders: unknown;
  status: number | undefined;
  requestBody: BodyCapture | undefined;
  responseBody: BodyCapture | undefined;
  attemptNoted: boolean;
  /** undici's request object, to drop it from the lookup map once finalized. */
  undiciRequest: object | undefined;
}

export interface RequestCaptureOptions {
  maxBodyBytes: number;
  captureBodies: boolean;
  redactor: Redactor;
  emitter: Emitter;
  /** Also record requests made outside any operation scope. */
  recordOutside?: boolean;
  /**
   * Build record bodies at export (DeferredBody), when our own batch processor exports
   * through `buildingDeferredBodies`; otherwise they are built when the request ends.
   */
  deferBodies?: boolean;
}

interface UndiciRequestLike {
  origin: string;
  method: string;
  path: string;
  headers: unknown;
}

interface UndiciResponseLike {
  statusCode: number;
  headers: Buffer[];
}

/** An `integration.request` record's severity: no answer or 5xx is an error, 4xx a warning. */
export function requestSeverity(status: number | undefined): SeverityNumber {
  return status === undefined || status >= 500 ? SeverityNumber.ERROR : status >= 400 ? SeverityNumber.WARN : SeverityNumber.INFO;
}

function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

function addHeader(out: HeaderMap, name: string, value: string): void {
  const key = name.toLowerCase();
  const prev = out[key];
  if (prev === undefined) out[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else out[key] = [prev, value];
}

/** Header bytes are Latin-1 on the wire (undici hands over Buffers for response headers). */
function headerText(v: unknown): string {
  return typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
}

function undiciHeaders(raw: unknown): HeaderMap {
  const out: HeaderMap = {};
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const v = raw[i + 1];
      const name = headerText(raw[i]);
      if (Array.isArray(v)) for (const x of v) addHeader(out, name, headerText(x));
      else addHeader(out, name, headerText(v));
    }
  } else if (typeof raw === 'string') {
    for (const line of raw.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) addHeader(out, line.slice(0, colon), line.slice(colon + 1).trim());
    }
  }
  return out;
}

/** Index of `ch` in `s` from `from` on, or the length of `s`. */
function endOf(s: string, from: number, ch: number): number {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) === ch) return i;
  return s.length;
}

/** The path of an absolute or relative URL: from its first `/` (after the scheme) to `?` or `#`. */
function pathOf(url: string): string {
  const schemeEnd = url.indexOf('://');
  const pathStart = url.indexOf('/', schemeEnd === -1 ? 0 : schemeEnd + 3);
  if (pathStart === -1) return '/';
  for (let i = pathStart; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) return url.slice(pathStart, i);
  }
  return url.slice(pathStart);
}

/**
 * Watches outgoing requests made inside an operation scope: the instrumentation hooks
 * (undici and node:http) register a capture on the request span, body bytes are seen
 * through undici's diagnostics channels or by wrapping node:http's write/push without
 * changing what the caller's stream does, and `processor.onEnding` finalizes each
 * request: url redaction and template, resend count, rate-limit facts, body sizes, and
 * the `integration.request` log record.
 */
export class RequestCaptures {
  private readonly bySpan = new WeakMap<object, RequestCapture>();
  private readonly byUndiciRequest = new WeakMap<object, RequestCapture>();
  private readonly unsubscribers: (() => void)[] = [];

  private readonly redactBody: (text: string, contentType?: string) => string;

  constructor(private readonly opts: RequestCaptureOptions) {
    const { redactor } = opts;
    this.redactBody = (text, contentType) => redactor.body(text, contentType);
  }

  /** Subscribes to undici's body channels; call once, undo with `disable()`. */
  enable(): void {
    if (this.unsubscribers.length || !this.opts.captureBodies) return;
    const sub = (name: string, fn: (msg: unknown) => void) => {
      diagnostics_channel.subscribe(name, fn);
      this.unsubscribers.push(() => diagnostics_channel.unsubscribe(name, fn));
    };
    sub('undici:request:bodyChunkSent', (msg) => {
      const { request, chunk } = msg as { request: object; chunk: Uint8Array };
      const cap = this.byUndiciRequest.get(request);
      if (cap) (cap.requestBody ??= new BodyCapture(this.opts.maxBodyBytes)).add(chunk);
    });
    sub('undici:request:bodyChunkReceived', (msg) => {
      const { request, chunk } = msg as { request: object; chunk: Uint8Array };
      const cap = this.byUndiciRequest.get(request);
      if (cap) (cap.responseBody ??= new BodyCapture(this.opts.maxBodyBytes)).add(chunk);
    });
  }

  disable(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  private begin(span: Span, method: string, url: string, rawHeaders: unknown): RequestCapture | undefined {
    if (!span.isRecording()) return undefined;
    const op = operationFrom(context.active());
    if (!op && !this.opts.recordOutside) return undefined;
    const attemptKey = `${method} ${url}`;
    const resend = explicitResendCount() ?? op?.resendCountFor(attemptKey) ?? 0;
    if (resend > 0) span.setAttribute(ATTR_HTTP_REQUEST_RESEND_COUNT, resend);
    if (op) {
      span.setAttributes(op.requestSpanAttributes);
      op.requestCount++;
    }
    const cap: RequestCapture = {
      op,
      method,
      url,
      attemptKey,
      rawRequestHeaders: rawHeaders,
      rawResponseHeaders: undefined,
      status: undefined,
      requestBody: undefined,
      responseBody: undefined,
      attemptNoted: false,
      undiciRequest: undefined,
    };
    this.bySpan.set(span, cap);
    return cap;
  }

  private response(cap: RequestCapture, status: number, rawHeaders: unknown): void {
    cap.status = status;
    cap.rawResponseHeaders = rawHeaders;
    cap.attemptNoted = true;
    const op = cap.op;
    if (!op) return;
    if (status >= 500) op.count5xx++;
    else if (status >= 400) op.count4xx++;
    op.noteAttempt(cap.attemptKey, isRetryable(status));
  }

  readonly undiciRequestHook = (span: Span, request: UndiciRequestLike): void => {
    const cap = this.begin(span, request.method.toUpperCase(), request.origin + request.path, request.headers);
    if (cap) {
      cap.undiciRequest = request;
      this.byUndiciRequest.set(request, cap);
    }
  };

  readonly undiciResponseHook = (span: Span, info: { request: UndiciRequestLike; response: UndiciResponseLike }): void => {
    const cap = this.byUndiciRequest.get(info.request);
    if (cap) this.response(cap, info.response.statusCode, info.response.headers);
  };

  readonly httpRequestHook = (span: Span, request: ClientRequest | IncomingMessage): void => {
    if (!('getHeaders' in request)) return; // incoming requests are not ours (webhooks have their own span)
    const req = request as ClientRequest;
    const attrs = (span as unknown as { attributes?: Attributes }).attributes;
    const url = typeof attrs?.[ATTR_URL_FULL] === 'string' ? (attrs[ATTR_URL_FULL] as string) : `${req.protocol}//${req.host}${req.path}`;
    const cap = this.begin(span, req.method.toUpperCase(), url, req);
    if (!cap || !this.opts.captureBodies) return;
    const max = this.opts.maxBodyBytes;
    const origWrite = req.write;
    const origEnd = req.end;
    // Observe what the caller writes; arguments pass through untouched.
    req.write = function (this: ClientRequest, chunk: unknown, ...rest: unknown[]) {
      try {
        (cap.requestBody ??= new BodyCapture(max)).add(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined);
      } catch {
        /* never let capture break the request */
      }
      return (origWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ClientRequest['write'];
    req.end = function (this: ClientRequest, chunk?: unknown, ...rest: unknown[]) {
      try {
        if (chunk !== undefined && typeof chunk !== 'function') (cap.requestBody ??= new BodyCapture(max)).add(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined);
      } catch {
        /* never let capture break the request */
      }
      return (origEnd as (...a: unknown[]) => ClientRequest).call(this, chunk, ...rest);
    } as ClientRequest['end'];
  };

  readonly httpResponseHook = (span: Span, response: IncomingMessage | unknown): void => {
    const cap = this.bySpan.get(span);
    if (!cap) return;
    const res = response as IncomingMessage;
    this.response(cap, res.statusCode ?? 0, res.headers);
    if (!this.opts.captureBodies) return;
    const max = this.opts.maxBodyBytes;
    const origPush = res.push;
    // The HTTP parser hands body bytes to push(); seeing them there does not switch the
    // stream into flowing mode or consume anything the caller would read.
    res.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
      try {
        if (chunk !== null && chunk !== undefined) (cap.responseBody ??= new BodyCapture(max)).add(chunk, encoding);
      } catch {
        /* never let capture break the response */
      }
      return origPush.call(this, chunk, encoding);
    };
  };

  /** Finalizes request spans before they are frozen; place it before the redacting and batch processors. */
  readonly processor: SpanProcessor = {
    onStart: () => {},
    onEnding: (span: SdkSpan) => {
      const cap = this.bySpan.get(span);
      if (!cap) return;
      // Delete eagerly: weak-map entries left for the collector make every GC slower.
      this.bySpan.delete(span);
      if (cap.undiciRequest) this.byUndiciRequest.delete(cap.undiciRequest);
      try {
        this.finalize(span, cap);
      } catch (err) {
        diag.warn('integration-logs: could not record request', err);
      }
    },
    onEnd: (_span: ReadableSpan) => {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };

  private finalize(span: SdkSpan, cap: RequestCapture): void {
    const { redactor } = this.opts;
    const attrs = span.attributes;
    const status = cap.status ?? (attrs[ATTR_HTTP_RESPONSE_STATUS_CODE] as number | undefined);
    if (!cap.attemptNoted) cap.op?.noteAttempt(cap.attemptKey, true);

    const url = redactor.url(cap.url);
    const template = inferUrlTemplate(pathOf(url));

    span.setAttribute(ATTR_URL_FULL, url);
    span.setAttribute(ATTR_URL_TEMPLATE, template);
    if (attrs[ATTR_URL_QUERY] !== undefined) {
      const q = url.indexOf('?');
      span.setAttribute(ATTR_URL_QUERY, q === -1 ? '' : url.slice(q, endOf(url, q, 35 /* # */)));
    }
    const responseHeaders =
      cap.rawResponseHeaders === undefined
        ? undefined
        : Array.isArray(cap.rawResponseHeaders)
          ? undiciHeaders(cap.rawResponseHeaders)
          : nodeHeaderMap(cap.rawResponseHeaders as Record<string, string | string[]>);
    const rateLimit = responseHeaders ? rateLimitAttributes(responseHeaders) : undefined;
    if (rateLimit) span.setAttributes(rateLimit);
    if (cap.requestBody) span.setAttribute(ATTR_REQUEST_BODY_SIZE, cap.requestBody.total);
    if (cap.responseBody) span.setAttribute(ATTR_RESPONSE_BODY_SIZE, cap.responseBody.total);
    span.updateName(`${cap.method} ${template}`);

    const durationMs = Math.round(hrTimeToMilliseconds(span.duration) * 10) / 10;
    // node:http headers are read now (the request object is not kept); undici's raw
    // header list is immutable and normalised with the body.
    const rawRequestHeaders =
      typeof (cap.rawRequestHeaders as ClientRequest)?.getHeaders === 'function'
        ? nodeHeaderMap((cap.rawRequestHeaders as ClientRequest).getHeaders() as Record<string, string | string[] | number>)
        : cap.rawRequestHeaders;
    const body: RequestBodyInputs = {
      method: cap.method,
      url,
      rawRequestHeaders,
      requestBody: cap.requestBody,
      status: status !== undefined && responseHeaders ? status : undefined,
      responseHeaders,
      responseBody: cap.responseBody,
      durationMs,
    };
    const errorType = attrs[ATTR_ERROR_TYPE];
    const record: Attributes = {
      ...cap.op?.attributes,
      [ATTR_HTTP_REQUEST_METHOD]: cap.method,
      [ATTR_URL_FULL]: url,
      [ATTR_URL_TEMPLATE]: template,
      [ATTR_REQUEST_DURATION_MS]: durationMs,
    };
    if (rateLimit) Object.assign(record, rateLimit);
    if (attrs[ATTR_SERVER_ADDRESS] !== undefined) record[ATTR_SERVER_ADDRESS] = attrs[ATTR_SERVER_ADDRESS];
    if (status !== undefined) record[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
    if (attrs[ATTR_HTTP_REQUEST_RESEND_COUNT] !== undefined) record[ATTR_HTTP_REQUEST_RESEND_COUNT] = attrs[ATTR_HTTP_REQUEST_RESEND_COUNT];
    if (errorType !== undefined) record[ATTR_ERROR_TYPE] = errorType;
    const severity = requestSeverity(status);
    const text = this.opts.deferBodies ? new DeferredBody(() => this.recordBody(body)) : this.recordBody(body);
    this.opts.emitter.emit(EVENT_REQUEST, span, severity, text as unknown as string, record, true);
  }

  /** The `integration.request` body: redacted headers and bodies as JSON (see docs/telemetry.md). */
  private recordBody(b: RequestBodyInputs): string {
    const { redactor, maxBodyBytes: max } = this.opts;
    const redactBody = this.redactBody;
    const requestHeaders = isHeaderMap(b.rawRequestHeaders) ? b.rawRequestHeaders : undiciHeaders(b.rawRequestHeaders);
    const request = {
      method: b.method,
      url: b.url,
      headers: redactor.headers(requestHeaders),
      ...renderBody(b.requestBody, firstValue(requestHeaders['content-type']), firstValue(requestHeaders['content-encoding']), max, redactBody),
    };
    let response: ({ status: number; headers: HeaderMap } & RecordedBody) | null = null;
    if (b.status !== undefined && b.responseHeaders) {
      const h = b.responseHeaders;
      response = {
        status: b.status,
        headers: redactor.headers(h),
        ...renderBody(b.responseBody, firstValue(h['content-type']), firstValue(h['content-encoding']), max, redactBody),
      };
    }
    return JSON.stringify({ request, response, durationMs: b.durationMs });
  }
}

/** What the record body is built from (now, or at export with `deferBodies`). */
interface RequestBodyInputs {
  method: string;
  /** Already redacted. */
  url: string;
  /** A normalised header map (node:http) or undici's raw header list or block. */
  rawRequestHeaders: unknown;
  requestBody: BodyCapture | undefined;
  /** Set when a response arrived. */
  status: number | undefined;
  responseHeaders: HeaderMap | undefined;
  responseBody: BodyCapture | undefined;
  durationMs: number;
}

function isHeaderMap(h: unknown): h is HeaderMap {
  return typeof h === 'object' && h !== null && !Array.isArray(h);
}
