// The real collector (provisioning/collector/config.yaml, unchanged) on free loopback
// ports, its exporters pointed by environment variables at local stand-ins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, httpOk, type Proc, start, waitFor } from '@integration-logs/test-support';
import { provisioningDir } from './binaries.js';

export const collectorConfig = path.join(provisioningDir, 'collector/config.yaml');

export interface CollectorTargets {
  tempoUrl: string;
  lokiUrl: string;
  /** A function when the receiver starts after the collector's ports are known (see reservePorts). */
  remoteWriteUrl: string | (() => string);
  /** Extra environment, e.g. tenants and credentials. */
  env?: Record<string, string>;
}

export class Collector {
  private proc: Proc | undefined;
  readonly storageDir = mkdtempSync(path.join(tmpdir(), 'otelcol-storage-'));
  otlpHttpUrl = '';
  metricsUrl = '';
  private env: Record<string, string> = {};
  private healthUrl = '';
  private ports = { grpc: 0, http: 0, metrics: 0, health: 0 };

  constructor(
    private readonly binary: string,
    private readonly targets: CollectorTargets
  ) {}

  /** Picks the collector's ports without starting it; returns its metrics endpoint as a scrape target. */
  async reservePorts(): Promise<string> {
    if (!this.otlpHttpUrl) {
      const [grpc, http, metrics, health] = [await freePort(), await freePort(), await freePort(), await freePort()];
      this.otlpHttpUrl = `http://127.0.0.1:${http}`;
      this.metricsUrl = `http://127.0.0.1:${metrics}/metrics`;
      this.healthUrl = `http://127.0.0.1:${health}/`;
      this.ports = { grpc, http, metrics, health };
    }
    return `127.0.0.1:${this.ports.metrics}`;
  }

  async start(): Promise<void> {
    if (Object.keys(this.env).length === 0) {
      await this.reservePorts();
      const { grpc, http, metrics, health } = this.ports;
      const remoteWriteUrl = this.targets.remoteWriteUrl;
      this.env = {
        OTELCOL_LISTEN_HOST: '127.0.0.1',
        OTLP_GRPC_PORT: String(grpc),
        OTLP_HTTP_PORT: String(http),
        OTELCOL_METRICS_PORT: String(metrics),
        OTELCOL_HEALTH_PORT: String(health),
        OTELCOL_STORAGE_DIR: this.storageDir,
        SPANMETRICS_FLUSH_INTERVAL: '1s',
        INTEGRATIONLOGS_WAIT_DURATION: '1s',
        INTEGRATIONLOGS_METRICS_FLUSH_INTERVAL: '1s',
        TEMPO_ENDPOINT: this.targets.tempoUrl,
        LOKI_ENDPOINT: this.targets.lokiUrl,
        PROMETHEUS_REMOTE_WRITE_ENDPOINT: typeof remoteWriteUrl === 'function' ? remoteWriteUrl() : remoteWriteUrl,
        ...this.targets.env,
      };
    }
    const proc = start('otelcol', this.binary, [`--config=${collectorConfig}`], this.env);
    this.proc = proc;
    await waitFor(
      'the collector to report healthy',
      async () => {
        if (!proc.running) throw new Error(`collector exited (${proc.exitCode}):\n${proc.log()}`);
        return httpOk(this.healthUrl);
      },
      { timeoutMs: 60_000 }
    );
  }

  /** Graceful stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    const code = (await this.proc?.stop()) ?? null;
    this.proc = undefined;
    return code;
  }

  log(): string {
    return this.proc?.log() ?? '';
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storageDir, { recursive: true, force: true });
  }
}
