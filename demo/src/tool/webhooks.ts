// Sends `employee.*` webhooks to the integration, signed with HMAC-SHA256. Deliveries are
// fire-and-forget for the API caller; `idle()` lets tests and demo cycles wait for them.
import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, signPayload } from '../shared/signature.js';
import { findAccount } from '../shared/accounts.js';
import type { ChangeEvent } from './store.js';

export interface WebhookDelivery {
  id: string;
  url: string;
  type: ChangeEvent['type'];
  status: number | null;
  error?: string;
}

export interface WebhookSenderOptions {
  /** Base URL; the tool posts to `<baseUrl>/<tool slug>` so each product has its own endpoint. */
  baseUrl: string | undefined;
  secret: string;
  onDelivery?: (delivery: WebhookDelivery) => void;
}

export class WebhookSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: WebhookSenderOptions;

  constructor(options: WebhookSenderOptions) {
    this.options = options;
  }

  get enabled(): boolean {
    return Boolean(this.options.baseUrl);
  }

  send(event: ChangeEvent): void {
    const { baseUrl, secret, onDelivery } = this.options;
    if (!baseUrl) return;
    const tool = findAccount(event.accountId)?.tool ?? 'unknown';
    const url = `${baseUrl.replace(/\/+$/, '')}/${tool}`;
    const id = `evt_${randomUUID()}`;
    const body = JSON.stringify({
      id,
      type: event.type,
      created_at: new Date().toISOString(),
      account_id: event.accountId,
      data: { employee: event.employee },
    });
    const delivery = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'demo-hris-webhooks/1.0',
        'x-demo-event': event.type,
        'x-demo-delivery': id,
        'x-demo-account': event.accountId,
        [SIGNATURE_HEADER]: signPayload(secret, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        await res.arrayBuffer(); // drain so the socket is reused
        onDelivery?.({ id, url, type: event.type, status: res.status });
      })
      .catch((error: unknown) => {
        onDelivery?.({
          id,
          url,
          type: event.type,
          status: null,
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  /** Resolves once every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
