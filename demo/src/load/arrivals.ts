// End-to-end lag: how long after an operation ends its record can be read from Loki.
// Measured on a sample (the probe tool's operations, a stream of their own) so polling
// stays cheap at any rate.
import { EVENT_OPERATION, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import type { LokiClient } from './loki.js';

/** Polls look back this far; a probe later than this is counted when the run settles. */
const WINDOW_MS = 120_000;

export class ArrivalProbe {
  /** integration.id → lag in ms (poll time minus the record's timestamp, the operation's end). */
  readonly lags = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  errors = 0;

  constructor(
    private readonly loki: LokiClient,
    private readonly probeTool: string,
    private readonly intervalMs = 1000
  ) {}

  private query(): string {
    return `{${LOKI_LABELS.eventName}="${EVENT_OPERATION}", ${LOKI_LABELS.tool}="${this.probeTool}"}`;
  }

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const now = Date.now();
      const { entries } = await this.loki.logs(this.query(), now - WINDOW_MS, now + 1000, 5000, 'forward');
      for (const e of entries) {
        const id = e.labels[LOKI_LABELS.integrationId];
        if (id && !this.lags.has(id)) this.lags.set(id, Math.max(0, now - Number(e.tsNs / 1_000_000n)));
      }
    } catch {
      this.errors++;
    } finally {
      this.polling = false;
    }
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
