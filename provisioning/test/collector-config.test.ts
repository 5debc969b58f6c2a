// The collector config against the real collector build, and the build manifest against
// the config and docker-compose.yml: same components, same version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ATTRIBUTES } from '@integration-logs/semantic-conventions';
import { parse as readYamlString } from 'yaml';
import { describeWith, otelcol } from './support/binaries.js';
import { collectorConfig } from './support/collector.js';
import type {
  BuilderManifest,
  CollectorConfig,
  ComponentKind,
  ComposeFile,
  LokiConfig,
  ManifestModule,
} from './support/documents.js';
import { fromProvisioning, fromRoot, readYaml } from './support/files.js';

const config = readYaml<CollectorConfig>(collectorConfig);
const manifest = readYaml<BuilderManifest>(fromProvisioning('collector/builder-config.yaml'));
const compose = readYaml<ComposeFile>(fromRoot('docker-compose.yml'));

// Component ids as the config names them (`otlp_http/tempo` is an otlp_http).
const kinds: readonly ComponentKind[] = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'];
const typeOf = (id: string) => id.split('/')[0] as string;

describeWith([otelcol()], 'collector config on the real collector', (bin) => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(bin.otelcol as string, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

  test('validates with the defaults docker-compose uses', () => {
    const result = run(['validate', `--config=${collectorConfig}`]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('validates with every backend setting taken from the environment', () => {
    const result = run(['validate', `--config=${collectorConfig}`], {
      TEMPO_ENDPOINT: 'https://otlp-gateway.example.net/otlp',
      TEMPO_TENANT: 'team-a',
      TEMPO_AUTHORIZATION: 'Basic dXNlcjpwYXNz',
      LOKI_ENDPOINT: 'https://otlp-gateway.example.net/otlp',
      LOKI_TENANT: 'team-a',
      LOKI_AUTHORIZATION: 'Basic dXNlcjpwYXNz',
      PROMETHEUS_REMOTE_WRITE_ENDPOINT: 'https://mimir.example.net/api/v1/push',
      PROMETHEUS_TENANT: 'team-a',
      PROMETHEUS_AUTHORIZATION: 'Bearer abc',
      SPANMETRICS_FLUSH_INTERVAL: '30s',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('rejects a broken value with a clear error', () => {
    const result = run(['validate', `--config=${collectorConfig}`], { SPANMETRICS_FLUSH_INTERVAL: 'soon' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/metrics_flush_interval|duration/i);
  });

  test('resolves endpoints and headers from the environment, and keeps credentials out of its output', () => {
    const env = {
      LOKI_ENDPOINT: 'https://logs.example.net/otlp',
      LOKI_TENANT: 'tenant-7',
      LOKI_AUTHORIZATION: 'Bearer s3cr3t-loki',
    };
    const unredacted = run(['print-config', '--mode=unredacted', `--config=${collectorConfig}`], env);
    expect(unredacted.status).toBe(0);
    const resolved = readYamlString(unredacted.stdout);
    expect(resolved.exporters['otlp_http/loki'].endpoint).toBe('https://logs.example.net/otlp');
    expect(resolved.exporters['otlp_http/loki'].headers).toEqual(
      expect.arrayContaining([
        { name: 'X-Scope-OrgID', value: 'tenant-7' },
        { name: 'Authorization', value: 'Bearer s3cr3t-loki' },
      ])
    );
    const redacted = run(['print-config', `--config=${collectorConfig}`], env);
    expect(redacted.status).toBe(0);
    expect(redacted.stdout).not.toContain('s3cr3t-loki');
  });

  test("is built from exactly the manifest's components", () => {
    const result = run(['components']);
    expect(result.status).toBe(0);
    const built = readYamlString(result.stdout);
    for (const kind of kinds) {
      const builtTypes = (built[kind] ?? []).map((c: { name: string }) => c.name).sort();
      const usedTypes = [...new Set(Object.keys(config[kind] ?? {}).map(typeOf))].sort();
      expect({ kind, types: builtTypes }).toEqual({ kind, types: usedTypes });
    }
    expect(built.buildinfo.version).toBe(manifest.dist.version);
  });
});

describe('collector config and build manifest', () => {
  test('the manifest lists one module per component type the config uses', () => {
    const modules = kinds.flatMap((kind) => (manifest[kind] ?? []).map((m: { gomod: string }) => m.gomod));
    const usedTypes = kinds.reduce((n, kind) => n + new Set(Object.keys(config[kind] ?? {}).map(typeOf)).size, 0);
    expect(modules).toHaveLength(usedTypes);
  });

  test("every component shares the distribution's version, which names the image docker-compose.yml builds", () => {
    const version: string = manifest.dist.version;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compose.services.collector.image.split(':')[1]).toBe(version);
    for (const kind of kinds) {
      for (const { gomod } of manifest[kind] ?? []) expect(gomod.split(' ')[1]).toBe(`v${version}`);
    }
  });

  test('our own components are local modules inside the collector directory, with tests', () => {
    const local = kinds.flatMap((kind) =>
      (manifest[kind] ?? []).filter((m): m is Required<ManifestModule> => !!m.path)
    );
    expect(local.map((m) => m.gomod.split(' ')[0])).toContain(
      'github.com/integration-logs/otelcol-integration-logs/integrationlogsconnector'
    );
    for (const { path: dir } of local) {
      expect(dir).toMatch(/^\.\/[\w-]+$/);
      const go = readFileSync(fromProvisioning('collector', dir, 'go.mod'), 'utf8');
      expect(go).toMatch(/^module github\.com\/integration-logs\//m);
      expect(readFileSync(fromProvisioning('collector', dir, 'README.md'), 'utf8').length).toBeGreaterThan(0);
    }
  });

  test('every pipeline goes through memory_limiter first, then redaction, with no sampling and no batch processor', () => {
    for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
      if (!pipeline.receivers.includes('otlp')) continue;
      expect({ name, first: pipeline.processors.slice(0, 2) }).toEqual({
        name,
        first: ['memory_limiter', 'redaction'],
      });
      // Exporters batch by bytes in their queues; a batch processor would batch by count again.
      expect(pipeline.processors).not.toContain('batch');
    }
    expect(JSON.stringify(config)).not.toMatch(/sampl/i);
  });

  test('traces and logs leave through persistent queues that batch by bytes and never retry forever', () => {
    const envDefault = (value: string | number) =>
      /^\$\{env:[A-Z_]+:-(.+)\}$/.exec(String(value))?.[1] ?? String(value);
    for (const id of ['otlp_http/tempo', 'otlp_http/loki'] as const) {
      const { sending_queue: queue, retry_on_failure: retry } = config.exporters[id];
      expect(queue).toMatchObject({ storage: 'file_storage', sizer: 'bytes', block_on_overflow: true });
      // Below Loki's default 4 MB gRPC message limit and 6 MB ingestion burst.
      expect(Number(envDefault(queue.batch.max_size))).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(Number(queue.batch.min_size)).toBeLessThanOrEqual(Number(envDefault(queue.batch.max_size)));
      expect(retry.enabled).toBe(true);
      expect(envDefault(retry.max_elapsed_time)).toMatch(/^[1-9]\d*[hm]$/);
    }
    expect(config.service.extensions).toContain('file_storage');
  });

  test('log records pass through the label-value guard for exactly the attributes Loki indexes', () => {
    const loki = readYaml<LokiConfig>(fromProvisioning('loki/loki.yaml'));
    const logAttributes = loki.limits_config?.otlp_config?.log_attributes ?? [];
    const indexed = logAttributes.filter((a) => a.action === 'index_label').flatMap((a) => a.attributes ?? []);
    expect(indexed.sort()).toEqual(['event.name', 'integration.log_type', 'integration.tool']);
    const guard = config.processors.labelvalues;
    expect([...guard.attributes].sort()).toEqual(indexed);
    // Loki refuses label values over 2048 bytes (max_label_value_length).
    expect(guard.max_bytes).toBeLessThanOrEqual(2048);
    expect(config.service.pipelines.logs.processors).toContain('labelvalues');
  });

  test('span metrics have the dimensions alerts and dashboards group by, with exemplars', () => {
    const connector = config.connectors.span_metrics;
    const dims = connector.dimensions.map((d: { name: string }) => d.name);
    expect(dims).toEqual(
      expect.arrayContaining([
        'integration.log_type',
        'integration.tool',
        'http.response.status_code',
        'http.request.method',
        'url.template',
        'server.address',
      ])
    );
    expect(dims).not.toContain('integration.id');
    expect(dims).not.toContain('integration.customer.id');
    expect(dims).not.toContain('integration.flow.end_user.id');
    expect(connector.exemplars.enabled).toBe(true);
  });

  test('the redaction processor masks no attribute the contract defines', () => {
    // Every attribute the contract defines, e.g. integration.flow.end_user.id.
    const names = Object.values(ATTRIBUTES);
    // The patterns are RE2; the ones used here read the same in JavaScript once (?i) becomes a flag.
    const blocked = config.processors.redaction.blocked_key_patterns.map(
      (p) => new RegExp(p.replace(/^\(\?i\)/, ''), p.startsWith('(?i)') ? 'i' : '')
    );
    expect(blocked.length).toBeGreaterThan(0);
    expect(names.filter((name) => blocked.some((re) => re.test(name)))).toEqual([]);
    // ...while the patterns still catch what they are for.
    for (const key of ['password', 'client_secret', 'api_key', 'x-auth-token', 'employee.iban'])
      expect(blocked.some((re) => re.test(key))).toBe(true);
  });
});
