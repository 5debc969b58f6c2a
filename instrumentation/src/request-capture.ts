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
import { ATTR_INTEGRATION_ID, ATTR_LOG_TYPE, ATTR_REQUEST_DURATION_MS, ATTR_TOOL, EVENT_REQUEST } from './attributes.js';
import { BodyCapture, renderBody, type RecordedBody } from './body-capture.js';
import type { Emitter } from './emitter.js';
import { explicitResendCount, operationFrom, type OperationState } from './operation-state.js';
import { rateLimitAttributes } from './rate-limit.js';
import type { Redactor } from './redaction/index.js';
import { inferUrlTemplate } from './url-template.js';

// `url.template` is not yet exported as a stable constant in every semconv version.
const ATTR_URL_TEMPLATE = 'url.template';
const ATTR_REQUEST_BODY_SIZE = 'http.request.body.size';
const ATTR_RESPONSE_BODY_SIZE = 'http.response.body.size';

type Headers = Record<string, string | string[]>;

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
}

export interface RequestCaptureOptions {
  maxBodyBytes: number;
  captureBodies: boolean;
  redactor: Redactor;
  emitter: Emitter;
  /** Also record requests made outside any operation scope. */
  recordOutside?: boolean;
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

function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

function undiciHeaders(raw: unknown): Headers {
  const out: Headers = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  };
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const v = raw[i + 1];
      const name = String(raw[i]);
      if (Array.isArray(v)) for (const x of v) add(name, String(x));
      else add(name, Buffer.isBuffer(v) ? v.toString('latin1') : String(v));
    }
  } else if (typeof raw === 'string') {
    for (const line of raw.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) add(line.slice(0, colon), line.slice(colon + 1).trim());
    }
  }
  return out;
}

function nodeHeaders(raw: Record<string, string | string[] | number | undefined> | undefined): Headers {
  const out: Headers = {};
  if (!raw) return out;
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    if (v === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

function headerValue(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
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

  constructor(private readonly opts: RequestCaptureOptions) {}

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
      span.setAttribute(ATTR_LOG_TYPE, op.logType);
      span.setAttribute(ATTR_TOOL, op.tool);
      const id = op.attributes[ATTR_INTEGRATION_ID];
      if (id !== undefined) span.setAttribute(ATTR_INTEGRATION_ID, id);
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
    if (cap) this.byUndiciRequest.set(request, cap);
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
      this.bySpan.delete(span);
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
    let pathname = '/';
    const schemeEnd = url.indexOf('://');
    const pathStart = url.indexOf('/', schemeEnd === -1 ? 0 : schemeEnd + 3);
    if (pathStart !== -1) pathname = url.slice(pathStart).split(/[?#]/, 1)[0] ?? '/';
    const template = inferUrlTemplate(pathname);
    const q = url.indexOf('?');

    const spanAttrs: Attributes = { [ATTR_URL_FULL]: url, [ATTR_URL_TEMPLATE]: template };
    if (attrs[ATTR_URL_QUERY] !== undefined) spanAttrs[ATTR_URL_QUERY] = q === -1 ? '' : url.slice(q).split('#', 1)[0];
    const responseHeaders =
      cap.rawResponseHeaders === undefined
        ? undefined
        : Array.isArray(cap.rawResponseHeaders)
          ? undiciHeaders(cap.rawResponseHeaders)
          : nodeHeaders(cap.rawResponseHeaders as Record<string, string | string[]>);
    const rateLimit = responseHeaders ? rateLimitAttributes(responseHeaders) : {};
    Object.assign(spanAttrs, rateLimit);
    if (cap.requestBody) spanAttrs[ATTR_REQUEST_BODY_SIZE] = cap.requestBody.total;
    if (cap.responseBody) spanAttrs[ATTR_RESPONSE_BODY_SIZE] = cap.responseBody.total;
    span.setAttributes(spanAttrs);
    span.updateName(`${cap.method} ${template}`);

    const durationMs = Math.round(hrTimeToMilliseconds(span.duration) * 10) / 10;
    const requestHeaders =
      typeof (cap.rawRequestHeaders as ClientRequest)?.getHeaders === 'function'
        ? nodeHeaders((cap.rawRequestHeaders as ClientRequest).getHeaders() as Record<string, string | string[] | number>)
        : undiciHeaders(cap.rawRequestHeaders);
    const max = this.opts.maxBodyBytes;
    const redactBody = (text: string, ct?: string) => redactor.body(text, ct);
    const request = {
      method: cap.method,
      url,
      headers: redactor.headers(requestHeaders),
      ...renderBody(cap.requestBody, headerValue(requestHeaders, 'content-type'), headerValue(requestHeaders, 'content-encoding'), max, redactBody),
    };
    let response: ({ status: number; headers: Headers } & RecordedBody) | null = null;
    if (status !== undefined && responseHeaders) {
      response = {
        status,
        headers: redactor.headers(responseHeaders),
        ...renderBody(cap.responseBody, headerValue(responseHeaders, 'content-type'), headerValue(responseHeaders, 'content-encoding'), max, redactBody),
      };
    }
    const errorType = attrs[ATTR_ERROR_TYPE];
    const record: Attributes = {
      ...cap.op?.attributes,
      [ATTR_HTTP_REQUEST_METHOD]: cap.method,
      [ATTR_URL_FULL]: url,
      [ATTR_URL_TEMPLATE]: template,
      [ATTR_REQUEST_DURATION_MS]: durationMs,
      ...rateLimit,
    };
    if (attrs[ATTR_SERVER_ADDRESS] !== undefined) record[ATTR_SERVER_ADDRESS] = attrs[ATTR_SERVER_ADDRESS];
    if (status !== undefined) record[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
    if (attrs[ATTR_HTTP_REQUEST_RESEND_COUNT] !== undefined) record[ATTR_HTTP_REQUEST_RESEND_COUNT] = attrs[ATTR_HTTP_REQUEST_RESEND_COUNT];
    if (errorType !== undefined) record[ATTR_ERROR_TYPE] = errorType;
    const severity =
      status === undefined || status >= 500 ? SeverityNumber.ERROR : status >= 400 ? SeverityNumber.WARN : SeverityNumber.INFO;
    this.opts.emitter.emit(EVENT_REQUEST, span, severity, JSON.stringify({ request, response, durationMs }), record);
  }
}
