// Runs sync operations through the SDK: each makes `requestsPerOp` requests to the load
// tool's API and records the employees it read, as a real delta sync would.
import type { IntegrationLogs } from '@integration-logs/instrumentation';
import type { LoadOptions } from './options.js';

export interface RunNames {
  /** `integration.tool` of ordinary operations: one per run, so the run's records are its own streams. */
  tool: string;
  /** `integration.tool` of the timed sample (see ArrivalProbe). */
  probeTool: string;
  /** Prefix of every `integration.id` of the run. */
  runId: string;
}

export function runNames(runId: string): RunNames {
  return { tool: `load-${runId}`, probeTool: `load-${runId}-probe`, runId };
}

export interface Counts {
  started: number;
  completed: number;
  failed: number;
  /** Requests made to the tool, failed ones included: each one writes a request record. */
  requests: number;
  /** Sync models recorded: an operation that failed before recording writes none. */
  models: number;
}

export class Driver {
  readonly counts: Counts = { started: 0, completed: 0, failed: 0, requests: 0, models: 0 };
  private inFlight = 0;
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly il: IntegrationLogs,
    private readonly options: LoadOptions,
    private readonly toolBaseUrl: string,
    private readonly names: RunNames
  ) {}

  /** `n` operations as fast as the SDK and the tool take them, at most maxInFlight at once. */
  async burst(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      while (this.inFlight >= this.options.maxInFlight) await this.slotFree();
      this.start();
    }
    await this.drain();
  }

  /** `rate` operations a second for `durationS`, started on schedule (open loop) while slots are free. */
  async sustain(rate: number, durationS: number): Promise<void> {
    const t0 = performance.now();
    const first = this.counts.started;
    const endMs = durationS * 1000;
    for (;;) {
      const elapsed = performance.now() - t0;
      if (elapsed >= endMs) break;
      const due = Math.floor((rate * elapsed) / 1000);
      while (this.counts.started - first < due && this.inFlight < this.options.maxInFlight) this.start();
      await new Promise((r) => setTimeout(r, 5));
    }
    await this.drain();
  }

  private start(): void {
    const seq = this.counts.started++;
    this.inFlight++;
    this.operation(seq)
      .then(
        () => this.counts.completed++,
        () => this.counts.failed++
      )
      .finally(() => {
        this.inFlight--;
        this.idle.shift()?.();
      });
  }

  private slotFree(): Promise<void> {
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.inFlight > 0) await this.slotFree();
  }

  private operation(seq: number): Promise<void> {
    const { il, options, names } = this;
    const meta = {
      tool: seq % options.probeEvery === 0 ? names.probeTool : names.tool,
      integrationId: `${names.runId}-${seq}`,
      customerId: `cust-${names.runId}-${seq % options.customers}`,
      operation: 'delta',
    };
    return il.sync(meta, async (op) => {
      let read = 0;
      for (let page = 0; page < options.requestsPerOp; page++) {
        this.counts.requests++;
        const res = await fetch(`${this.toolBaseUrl}/v1/employees?page=${page}`, {
          headers: { authorization: `Bearer load-${names.runId}` },
        });
        const body = (await res.json()) as { data?: unknown[] };
        read += body.data?.length ?? 0;
      }
      op.recordModel('employees', { read, created: 0, updated: read, deleted: 0, failed: 0 });
      this.counts.models++;
    });
  }
}
