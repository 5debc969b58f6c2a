// A real Prometheus (Debian's 2.42 in CI) with the remote-write receiver and exemplar
// storage on, as docker-compose.yml runs it, on a temporary data directory. It loads the
// project's alert rules, so the tests can evaluate them against real span metrics.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, httpOk, type Proc, start, waitFor } from '@integration-logs/test-support';
import { provisioningDir } from './binaries.js';

export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

export class Prometheus {
  private proc: Proc | undefined;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'prometheus-'));
  url = '';

  constructor(private readonly binary: string) {}

  get remoteWriteUrl(): string {
    return `${this.url}/api/v1/write`;
  }

  async start(scrapeTargets: string[] = []): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const config = path.join(this.dir, 'prometheus.yml');
    const scrape = scrapeTargets.length
      ? `scrape_configs:\n  - job_name: otelcol\n    scrape_interval: 1s\n    static_configs:\n      - targets: [${scrapeTargets.map((t) => JSON.stringify(t)).join(', ')}]\n`
      : '';
    writeFileSync(
      config,
      `global:\n  evaluation_interval: 1s\nrule_files:\n  - ${JSON.stringify(path.join(provisioningDir, 'prometheus/rules/*.yml'))}\n${scrape}`
    );
    const proc = start('prometheus', this.binary, [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(this.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
      '--enable-feature=exemplar-storage',
      '--storage.tsdb.retention.time=720h',
    ]);
    this.proc = proc;
    await waitFor('Prometheus to be ready', async () => {
      if (!proc.running) throw new Error(`prometheus exited (${proc.exitCode}):\n${proc.log()}`);
      return httpOk(`${this.url}/-/ready`);
    });
  }

  private async api<T>(endpoint: string, params: Record<string, string>): Promise<T> {
    const res = await fetch(`${this.url}/api/v1/${endpoint}?${new URLSearchParams(params)}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${endpoint} failed: ${body.error}`);
    return body.data;
  }

  async query(expr: string): Promise<Sample[]> {
    const data = await this.api<{ resultType: string; result: Sample[] }>('query', { query: expr });
    return data.result;
  }

  async exemplars(
    expr: string
  ): Promise<
    { seriesLabels: Record<string, string>; exemplars: { labels: Record<string, string>; value: string }[] }[]
  > {
    const now = Date.now() / 1000;
    return this.api('query_exemplars', { query: expr, start: String(now - 3600), end: String(now + 60) });
  }

  async alerts(): Promise<{ labels: Record<string, string>; state: string }[]> {
    const data = await this.api<{ alerts: { labels: Record<string, string>; state: string }[] }>('alerts', {});
    return data.alerts;
  }

  log(): string {
    return this.proc?.log() ?? '';
  }

  async dispose(): Promise<void> {
    await this.proc?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
