import * as diagnostics_channel from 'node:diagnostics_channel';
import { IncomingMessage, type ClientRequest, type ServerResponse } from 'node:http';
import { context, SeverityNumber, type Attributes, type AttributeValue, type Span } from '@opentelemetry/api';
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
import { DeferredBody, type RecordBody } from './deferred-body.js';
import type { Emitter } from './emitter.js';
import { firstValue, nodeHeaderMap, type HeaderMap } from './header-map.js';
import { explicitResendCount, operationFrom, type OperationState } from './operation-state.js';
import { rateLimitAttributes } from './rate-limit.js';
import type { Redactor } from './redaction/index.js';
import { inferUrlTemplate } from './url-template.js';
import { reportFailure } from './diagnostics.js';

// `url.template` is not yet exported as a stable constant in every semconv version.
const ATTR_URL_TEMPLATE = 'url.template';
const ATTR_REQUEST_BODY_SIZE = 'http.request.body.size';
const ATTR_RESPONSE_BODY_SIZE = 'http.response.body.size';

/** What we learn about one request while it runs, finalized when its span ends. */
interface RequestCapture {
  /** False for a span outside any scope that only gets its header attributes. */
  recorded: boolean;
  /** The enclosing operation; undefined for requests recorded outside any scope. */
  op: OperationState | undefined;
  method: string;
  /** undefined for node:http, whose `url.full` the instrumentation sets on the span. */
  url: string | undefined;
  attemptKey: string;
  /** undici's request object: its header list (read when the span ends) and lookup key. */
  undiciRequest: UndiciRequestLike | undefined;
  /** node:http's request, whose headers are read when the span ends. */
  httpRequest: ClientRequest | undefined;
  /** undici: [name, value, ...] Buffers; node:http: `res.headers`. */
  rawResponseHeaders: Buffer[] | IncomingMessage['headers'] | undefined;
  status: number | undefined;
  requestBody: BodyCapture | undefined;
  responseBody: BodyCapture | undefined;
  attemptNoted: boolean;
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
  /**
   * Header names copied to `http.request.header.*` / `http.response.header.*` attributes
   * of undici request spans, from the header maps the record is built from.
   */
  spanHeaders?: readonly string[];
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
  return status === undefined || status >= 500
    ? SeverityNumber.ERROR
    : status >= 400
      ? SeverityNumber.WARN
      : SeverityNumber.INFO;
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
  /** [header name, request attribute key, response attribute key] of each span header. */
  private readonly spanHeaders: readonly [string, string, string][];

  constructor(private readonly opts: RequestCaptureOptions) {
    const { redactor } = opts;
    this.redactBody = (text, contentType) => redactor.body(text, contentType);
    const names = new Set((opts.spanHeaders ?? []).map((h) => h.toLowerCase()));
    this.spanHeaders = [...names].map((h) => [h, `http.request.header.${h}`, `http.response.header.${h}`]);
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

  private begin(span: Span, method: string, url: string | undefined, attemptKey: string): RequestCapture | undefined {
    if (!span.isRecording()) return undefined;
    const op = operationFrom(context.active());
    const recorded = op !== undefined || this.opts.recordOutside === true;
    const cap: RequestCapture = {
      recorded,
      op,
      method,
      url,
      attemptKey,
      undiciRequest: undefined,
      httpRequest: undefined,
      rawResponseHeaders: undefined,
      status: undefined,
      requestBody: undefined,
      responseBody: undefined,
      attemptNoted: false,
    };
    if (recorded) {
      const resend = explicitResendCount() ?? op?.resendCountFor(attemptKey) ?? 0;
      if (resend > 0) span.setAttribute(ATTR_HTTP_REQUEST_RESEND_COUNT, resend);
      if (op) {
        span.setAttributes(op.requestSpanAttributes);
        op.requestCount++;
      }
    }
    this.bySpan.set(span, cap);
    return cap;
  }

  private response(cap: RequestCapture, status: number, rawHeaders: RequestCapture['rawResponseHeaders']): void {
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
    const method = request.method.toUpperCase();
    const url = request.origin + request.path;
    const cap = this.begin(span, method, url, `${method} ${url}`);
    if (!cap) return;
    cap.undiciRequest = request;
    // Spans outside scopes get only their header attributes: no body, no response state.
    if (cap.recorded) this.byUndiciRequest.set(request, cap);
  };

  readonly undiciResponseHook = (
    span: Span,
    info: { request: UndiciRequestLike; response: UndiciResponseLike }
  ): void => {
    const cap = this.byUndiciRequest.get(info.request);
    if (cap) this.response(cap, info.response.statusCode, info.response.headers);
  };

  readonly httpRequestHook = (span: Span, request: ClientRequest | IncomingMessage): void => {
    if (!('getHeaders' in request)) return; // incoming requests are not ours (webhooks have their own span)
    const method = request.method.toUpperCase();
    // The span's `url.full` (set by the instrumentation) is read when the span ends; the
    // attempt key only has to tell this URL from others.
    const cap = this.begin(
      span,
      method,
      undefined,
      `${method} ${request.protocol}//${String(request.getHeader('host') ?? request.host)}${request.path}`
    );
    if (!cap?.recorded) return;
    cap.httpRequest = request;
    if (this.opts.captureBodies) observeWrites(request, cap, this.opts.maxBodyBytes);
  };

  readonly httpResponseHook = (span: Span, response: IncomingMessage | ServerResponse): void => {
    const cap = this.bySpan.get(span);
    if (!cap?.recorded || !(response instanceof IncomingMessage)) return;
    this.response(cap, response.statusCode ?? 0, response.headers);
    if (this.opts.captureBodies) observePushes(response, cap, this.opts.maxBodyBytes);
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
        reportFailure('warn', 'could not record request', err);
      }
    },
    onEnd: (_span: ReadableSpan) => {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };

  private finalize(span: SdkSpan, cap: RequestCapture): void {
    const requestHeaders = cap.httpRequest
      ? nodeHeaderMap(cap.httpRequest.getHeaders())
      : undiciHeaders(cap.undiciRequest?.headers);
    const responseHeaders =
      cap.rawResponseHeaders === undefined
        ? undefined
        : Array.isArray(cap.rawResponseHeaders)
          ? undiciHeaders(cap.rawResponseHeaders)
          : nodeHeaderMap(cap.rawResponseHeaders);
    // node:http spans get header attributes from their instrumentation
    if (cap.undiciRequest) this.setHeaderAttributes(span, requestHeaders, responseHeaders);
    if (!cap.recorded) return;

    const { redactor } = this.opts;
    const attrs = span.attributes;
    const status = cap.status ?? (attrs[ATTR_HTTP_RESPONSE_STATUS_CODE] as number | undefined);
    if (!cap.attemptNoted) cap.op?.noteAttempt(cap.attemptKey, true);

    const url = redactor.url(cap.url ?? httpUrl(attrs, cap.httpRequest));
    const template = inferUrlTemplate(pathOf(url));

    // each span attribute set costs a validated copy: only what redaction changed is set again
    if (attrs[ATTR_URL_FULL] !== url) span.setAttribute(ATTR_URL_FULL, url);
    span.setAttribute(ATTR_URL_TEMPLATE, template);
    if (attrs[ATTR_URL_QUERY] !== undefined) {
      const q = url.indexOf('?');
      const query = q === -1 ? '' : url.slice(q, endOf(url, q, 35 /* # */));
      if (attrs[ATTR_URL_QUERY] !== query) span.setAttribute(ATTR_URL_QUERY, query);
    }
    const rateLimit = responseHeaders ? rateLimitAttributes(responseHeaders) : undefined;
    if (rateLimit) span.setAttributes(rateLimit);
    if (cap.requestBody) span.setAttribute(ATTR_REQUEST_BODY_SIZE, cap.requestBody.total);
    if (cap.responseBody) span.setAttribute(ATTR_RESPONSE_BODY_SIZE, cap.responseBody.total);
    span.updateName(`${cap.method} ${template}`);

    const durationMs = Math.round(hrTimeToMilliseconds(span.duration) * 10) / 10;
    const body: RequestBodyInputs = {
      method: cap.method,
      url,
      requestHeaders,
      requestBody: cap.requestBody,
      status: status !== undefined && responseHeaders ? status : undefined,
      responseHeaders,
      responseBody: cap.responseBody,
      durationMs,
    };
    const record: Attributes = {
      ...cap.op?.attributes,
      [ATTR_HTTP_REQUEST_METHOD]: cap.method,
      [ATTR_URL_FULL]: url,
      [ATTR_URL_TEMPLATE]: template,
      [ATTR_REQUEST_DURATION_MS]: durationMs,
    };
    if (rateLimit) Object.assign(record, rateLimit);
    copyAttribute(attrs, record, ATTR_SERVER_ADDRESS);
    if (status !== undefined) record[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
    copyAttribute(attrs, record, ATTR_HTTP_REQUEST_RESEND_COUNT);
    copyAttribute(attrs, record, ATTR_ERROR_TYPE);
    const text: RecordBody = this.opts.deferBodies
      ? new DeferredBody(() => this.recordBody(body))
      : this.recordBody(body);
    this.opts.emitter.emit(EVENT_REQUEST, span, requestSeverity(status), text, record, true);
  }

  /** `http.{request,response}.header.<name>` attributes (redacted later with the span's others). */
  private setHeaderAttributes(span: SdkSpan, request: HeaderMap, response: HeaderMap | undefined): void {
    for (const [name, requestKey, responseKey] of this.spanHeaders) {
      const req = request[name];
      if (req !== undefined) span.setAttribute(requestKey, Array.isArray(req) ? req : [req]);
      const res = response?.[name];
      if (res !== undefined) span.setAttribute(responseKey, Array.isArray(res) ? res : [res]);
    }
  }

  /** The `integration.request` body: redacted headers and bodies as JSON (see docs/telemetry.md). */
  private recordBody(b: RequestBodyInputs): string {
    const { redactor, maxBodyBytes: max } = this.opts;
    const redactBody = this.redactBody;
    const h = b.requestHeaders;
    const request = {
      method: b.method,
      url: b.url,
      headers: redactor.headers(h),
      ...renderBody(b.requestBody, firstValue(h['content-type']), firstValue(h['content-encoding']), max, redactBody),
    };
    let response: ({ status: number; headers: HeaderMap } & RecordedBody) | null = null;
    if (b.status !== undefined && b.responseHeaders) {
      const rh = b.responseHeaders;
      response = {
        status: b.status,
        headers: redactor.headers(rh),
        ...renderBody(
          b.responseBody,
          firstValue(rh['content-type']),
          firstValue(rh['content-encoding']),
          max,
          redactBody
        ),
      };
    }
    return JSON.stringify({ request, response, durationMs: b.durationMs });
  }
}

/** node:http's `url.full` as its instrumentation set it on the span, else rebuilt from the request. */
function httpUrl(attrs: Attributes, req: ClientRequest | undefined): string {
  const full = attrs[ATTR_URL_FULL];
  return typeof full === 'string' ? full : req ? `${req.protocol}//${req.host}${req.path}` : '';
}

function copyAttribute(from: Attributes, to: Attributes, key: string): void {
  const v: AttributeValue | undefined = from[key];
  if (v !== undefined) to[key] = v;
}

/** Adds what the caller writes to the request body capture; arguments pass through untouched. */
function observeWrites(req: ClientRequest, cap: RequestCapture, max: number): void {
  const origWrite = req.write;
  const origEnd = req.end;
  req.write = function (this: ClientRequest, chunk: unknown, ...rest: unknown[]) {
    addChunk(cap, 'requestBody', max, chunk, rest[0]);
    return (origWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ClientRequest['write'];
  req.end = function (this: ClientRequest, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') addChunk(cap, 'requestBody', max, chunk, rest[0]);
    return (origEnd as (...a: unknown[]) => ClientRequest).call(this, chunk, ...rest);
  } as ClientRequest['end'];
}

/**
 * Adds response body bytes to the capture as the HTTP parser hands them to push(): seeing
 * them there does not switch the stream into flowing mode or consume anything the caller
 * would read.
 */
function observePushes(res: IncomingMessage, cap: RequestCapture, max: number): void {
  const origPush = res.push;
  res.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    addChunk(cap, 'responseBody', max, chunk, encoding);
    return origPush.call(this, chunk, encoding);
  };
}

/** Never lets capture break the caller's request or response. */
function addChunk(
  cap: RequestCapture,
  which: 'requestBody' | 'responseBody',
  max: number,
  chunk: unknown,
  encoding: unknown
): void {
  if (chunk === null || chunk === undefined) return;
  try {
    (cap[which] ??= new BodyCapture(max)).add(
      chunk,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined
    );
  } catch (err) {
    reportFailure('debug', 'could not capture a body chunk', err);
  }
}

/** What the record body is built from (now, or at export with `deferBodies`). */
interface RequestBodyInputs {
  method: string;
  /** Already redacted. */
  url: string;
  requestHeaders: HeaderMap;
  requestBody: BodyCapture | undefined;
  /** Set when a response arrived. */
  status: number | undefined;
  responseHeaders: HeaderMap | undefined;
  responseBody: BodyCapture | undefined;
  durationMs: number;
}
