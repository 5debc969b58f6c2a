// A small client for the demo HRIS API, written the way integration code usually is: plain
// fetch, cursor pagination, and retries that honour Retry-After. It knows nothing of
// telemetry; the SDK sees its requests on its own.
import type { Credential } from '../shared/accounts.js';

export class ToolApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, what: string) {
    const detail =
      typeof body === 'object' && body !== null && 'message' in body
        ? `: ${String((body as { message: unknown }).message)}`
        : '';
    super(`${what} answered ${status}${detail}`);
    this.name =
      status === 401
        ? 'UnauthorizedError'
        : status === 403
          ? 'ForbiddenError'
          : status === 422
            ? 'ValidationError'
            : status === 429
              ? 'RateLimitedError'
              : 'ToolApiError';
    this.status = status;
    this.body = body;
  }
}

export interface ToolResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ToolClientOptions {
  baseUrl: string;
  credential: Credential;
  /** Attempts for 429 and 5xx answers, the first included. */
  maxAttempts?: number;
  /** Longest wait between attempts, whatever Retry-After says. */
  maxRetryWaitMs?: number;
  /** Scales every wait (0 in tests, <1 when the demo runs time-compressed). */
  waitScale?: number;
}

export class ToolClient {
  private readonly options: Required<ToolClientOptions>;

  constructor(options: ToolClientOptions) {
    this.options = { maxAttempts: 3, maxRetryWaitMs: 5000, waitScale: 1, ...options };
  }

  /** One request, no retries, any status: what a passthrough call needs. */
  async raw(method: string, path: string, body?: unknown): Promise<ToolResponse> {
    const { credential } = this.options;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credential.kind === 'bearer') headers.authorization = `Bearer ${credential.secret}`;
    else headers['x-api-key'] = credential.secret;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, this.options.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** A request that retries 429 and 5xx and throws ToolApiError on any other failure. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { maxAttempts, maxRetryWaitMs, waitScale } = this.options;
    for (let attempt = 1; ; attempt++) {
      const res = await this.raw(method, path, body);
      if (res.status < 400) return res.body as T;
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= maxAttempts)
        throw new ToolApiError(res.status, res.body, `${method} ${path.split('?')[0]}`);
      const retryAfterS = Number(res.headers.get('retry-after'));
      const waitMs = Math.min(
        maxRetryWaitMs,
        Number.isFinite(retryAfterS) && retryAfterS > 0 ? retryAfterS * 1000 : 250 * 2 ** attempt
      );
      if (waitMs * waitScale > 0) await new Promise((resolve) => setTimeout(resolve, waitMs * waitScale));
    }
  }

  /** Every row of a list endpoint, page by page. */
  async *pages<T>(
    path: string,
    { since, pageSize = 50 }: { since?: string; pageSize?: number } = {}
  ): AsyncGenerator<T[]> {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ page_size: String(pageSize) });
      if (since) query.set('since', since);
      if (cursor) query.set('cursor', cursor);
      const page: { data: T[]; next_cursor: string | null } = await this.request('GET', `${path}?${query}`);
      yield page.data;
      cursor = page.next_cursor;
    } while (cursor);
  }
}
