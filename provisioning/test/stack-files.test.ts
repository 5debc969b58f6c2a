// docker-compose.yml and the provisioning files: everything parses, everything the
// compose file mounts or builds exists, images are pinned, the one retention setting
// reaches every store, and Debian's docker-compose accepts the file (no engine needed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWith, dockerCompose, provisioningDir, repoRoot } from './support/binaries.js';
import { readDockerignore } from './support/dockerignore.js';
import {
  defined,
  type BuilderManifest,
  type ComponentKind,
  type ComposeFile,
  type ComposeServiceName,
  type PrometheusConfig,
} from './support/documents.js';
import { fromProvisioning, fromRoot, readJson, readYaml } from './support/files.js';

const compose = readYaml<ComposeFile>(fromRoot('docker-compose.yml'));
const { services } = compose;
/** What docker-compose builds a service from; the tests of built services need it. */
const buildOf = (name: ComposeServiceName) => defined(services[name].build, `build of ${name}`);
/** The plugin id a plugin.json or the name a package.json declares. */
const pluginId = (file: string) => readJson<{ id: string }>(file).id;

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else out.push(full);
  }
  return out;
}

describe('provisioning files', () => {
  const files = filesUnder(provisioningDir).filter((f) => /\.(ya?ml|json)$/.test(f));

  test('include the collector, Prometheus and Grafana configuration', () => {
    const relative = files.map((f) => path.relative(provisioningDir, f));
    for (const expected of [
      'collector/config.yaml',
      'collector/builder-config.yaml',
      'prometheus/prometheus.yml',
      'grafana/datasources/datasources.yaml',
      'grafana/dashboards/json/integration-health.json',
    ]) {
      expect(relative).toContain(expected);
    }
  });

  test.each(files.map((f) => path.relative(repoRoot, f)))('%s parses', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    const value = file.endsWith('.json') ? JSON.parse(text) : parse(text);
    expect(value).toBeTruthy();
  });
});

describe('docker-compose.yml', () => {
  test('pins every image to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      expect({ name, image: service.image }).toEqual({
        name,
        image: expect.stringMatching(/^[\w./-]+:v?\d+\.\d+(\.\d+)?[\w.-]*$/),
      });
    }
  });

  test('mounts only paths that exist, and declares every named volume', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const mount of service.volumes ?? []) {
        const source = String(mount).split(':')[0] as string;
        if (source.startsWith('.') || source.startsWith('/')) {
          expect({ name, source, exists: existsSync(fromRoot(source)) }).toEqual({ name, source, exists: true });
        } else {
          expect(declared).toContain(source);
        }
      }
    }
  });

  test('builds the demo from its Dockerfile, with the entry points demo/README.md documents', () => {
    for (const name of ['demo-tool', 'demo-integration'] as const) {
      const build = buildOf(name);
      const command = services[name].command ?? [];
      expect(existsSync(fromRoot(build.context, build.dockerfile))).toBe(true);
      expect(command[0]).toBe('node');
      expect(readFileSync(fromRoot('demo/README.md'), 'utf8')).toContain(`node ${command[1]}`);
    }
    expect(services['demo-integration'].environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(services['demo-integration'].environment?.DEMO_TOOL_URL).toBe('http://demo-tool:4010');
    expect(services['demo-tool'].environment?.DEMO_WEBHOOK_URL).toBe('http://demo-integration:4011/webhooks');
  });

  test('the demo build context keeps every file demo/Dockerfile copies and leaves out host builds and secrets', () => {
    const ignored = readDockerignore(fromRoot('.dockerignore'));
    for (const name of ['demo-tool', 'demo-integration'] as const) expect(buildOf(name).context).toBe('.');
    const copies = readFileSync(fromRoot('demo/Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
      .flatMap((line) => line.trim().split(/\s+/).slice(1, -1));
    expect(copies).toEqual(expect.arrayContaining(['package-lock.json', 'instrumentation/src', 'demo/src']));
    for (const source of copies) {
      const full = fromRoot(source);
      expect({ source, exists: existsSync(full) }).toEqual({ source, exists: true });
      const files = statSync(full).isDirectory() ? filesUnder(full).map((f) => path.relative(repoRoot, f)) : [source];
      expect(files.filter((f) => ignored(f.split(path.sep).join('/')))).toEqual([]);
    }
    for (const left of [
      'node_modules/jest/package.json',
      'demo/node_modules/x/index.js',
      'demo/dist/start.js',
      'instrumentation/dist/index.js',
      'grafana-plugin/dist/module.js',
      '.git/HEAD',
      '.env',
      '.tools/go/bin/go',
      'grafana-plugin/.cache/x',
      'provisioning/collector/_build/otelcol',
      'artifacts/report.html',
      '.test-results/junit.xml',
    ]) {
      expect({ left, ignored: ignored(left) }).toEqual({ left, ignored: true });
    }
    // Sources that merely resemble an excluded name stay in.
    for (const kept of ['demo/src/integration/cycle.ts', '.env.example', 'docs/telemetry.md'])
      expect({ kept, ignored: ignored(kept) }).toEqual({ kept, ignored: false });
  });

  test('builds the collector from the ocb manifest the tests build, with our connector, not a stock image', () => {
    const build = buildOf('collector');
    const { image } = services.collector;
    expect(build.context).toBe('./provisioning/collector');
    const dockerfile = readFileSync(fromRoot(build.context, build.dockerfile), 'utf8');
    const manifest = readYaml<BuilderManifest>(fromProvisioning('collector/builder-config.yaml'));
    expect(image).toBe(`integration-logs/otelcol-integration-logs:${manifest.dist.version}`);
    // ocb at the manifest's version, run on the manifest, from the directory its module paths are relative to.
    expect(dockerfile).toMatch(/go install "go\.opentelemetry\.io\/collector\/cmd\/builder@v\$ocb_version"/);
    expect(dockerfile).toMatch(/^COPY builder-config\.yaml \.\/$/m);
    expect(dockerfile).toMatch(/builder --config=/);
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1]);
    const ignored = readDockerignore(fromProvisioning('collector/.dockerignore'));
    for (const kind of [
      'receivers',
      'processors',
      'exporters',
      'connectors',
      'extensions',
    ] as const satisfies readonly ComponentKind[]) {
      for (const { path: dir } of manifest[kind] ?? []) {
        if (!dir) continue;
        const local = String(dir).replace(/^\.\//, '');
        expect({ dir, copied: copied.includes('.') || copied.includes(local) }).toEqual({ dir, copied: true });
        const sources = filesUnder(fromProvisioning('collector', local)).map((f) =>
          path.relative(fromProvisioning('collector'), f)
        );
        expect(sources.filter((f) => /\.go$|go\.(mod|sum)$/.test(f) && !f.endsWith('_test.go') && ignored(f))).toEqual(
          []
        );
      }
    }
    // The config and the queue volume stay mounted as before; the image runs as the queue volume's owner.
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(services.collector.volumes).toContain('./provisioning/collector/config.yaml:/etc/otelcol/config.yaml:ro');
  });

  test('builds the app plugin before Grafana starts and loads it, unsigned, from the build volume', () => {
    const grafana = services.grafana;
    expect(grafana.depends_on?.['plugin-build']).toEqual({ condition: 'service_completed_successfully' });
    // Grafana loads each panel nested in an app as a plugin of its own: unsigned, each id
    // must be allowed, or the dashboard shows "panel plugin not found".
    const nested = readdirSync(fromRoot('grafana-plugin/src/panels'), { withFileTypes: true })
      .filter((d) => existsSync(fromRoot('grafana-plugin/src/panels', d.name, 'plugin.json')))
      .map((d) => pluginId(fromRoot('grafana-plugin/src/panels', d.name, 'plugin.json')));
    expect(nested.length).toBe(2);
    const app = pluginId(fromRoot('grafana-plugin/src/plugin.json'));
    expect(String(grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).split(',').sort()).toEqual(
      [app, ...nested].sort()
    );
    const pluginMount = defined(
      grafana.volumes?.find((v) => v.split(':')[1] === '/var/lib/grafana/plugins/integrationlogs-app'),
      'plugin mount of grafana'
    );
    const buildMount = services['plugin-build'].volumes?.find((v) => v.split(':')[1] === '/dist');
    expect(pluginMount.split(':')[0]).toBe(buildMount?.split(':')[0]);
    // The build script builds the workspace that is the app plugin.
    const script = readFileSync(fromProvisioning('grafana/build-plugin.sh'), 'utf8');
    expect(script).toContain('npm run build -w integrationlogs-app');
    expect(readJson<{ name: string }>(fromRoot('grafana-plugin/package.json')).name).toBe('integrationlogs-app');
    const pluginJson = fromRoot('grafana-plugin/src/plugin.json');
    if (existsSync(pluginJson)) expect(pluginId(pluginJson)).toBe('integrationlogs-app');
    expect(grafana.volumes).toContain('./provisioning/grafana:/etc/grafana/provisioning:ro');
  });

  test('checks the health of every long-running service that has a way to', () => {
    for (const name of ['tempo', 'loki', 'prometheus', 'grafana', 'demo-tool'] as const)
      expect(services[name].healthcheck?.test).toBeDefined();
    expect(services.grafana.depends_on?.prometheus).toEqual({ condition: 'service_healthy' });
  });

  test('one retention setting, RETENTION_PERIOD (default 30 days), reaches Tempo, Loki and Prometheus', () => {
    expect(services.tempo.environment?.RETENTION_PERIOD).toBe('${RETENTION_PERIOD:-720h}');
    expect(services.loki.environment?.RETENTION_PERIOD).toBe('${RETENTION_PERIOD:-720h}');
    expect(services.tempo.command).toContain('-config.expand-env=true');
    expect(services.loki.command).toContain('-config.expand-env=true');
    expect(services.prometheus.command).toContain('--storage.tsdb.retention.time=${RETENTION_PERIOD:-720h}');
    const tempo = readFileSync(fromProvisioning('tempo/tempo.yaml'), 'utf8');
    const loki = readFileSync(fromProvisioning('loki/loki.yaml'), 'utf8');
    expect(tempo).toMatch(/block_retention: \$\{RETENTION_PERIOD:-720h\}/);
    expect(loki).toMatch(/retention_period: \$\{RETENTION_PERIOD:-720h\}/);
  });

  test('passes the collector only variables its config reads, and Prometheus scrapes the collector', () => {
    const config = readFileSync(fromProvisioning('collector/config.yaml'), 'utf8');
    for (const variable of Object.keys(defined(services.collector.environment, 'environment of collector')))
      expect(config).toContain(`\${env:${variable}`);
    expect(services.collector.image.split(':')[1]).toBe(
      readYaml<BuilderManifest>(fromProvisioning('collector/builder-config.yaml')).dist.version
    );
    const prometheus = readYaml<PrometheusConfig>(fromProvisioning('prometheus/prometheus.yml'));
    const targets = prometheus.scrape_configs.flatMap((s) => s.static_configs.flatMap((c) => c.targets));
    expect(targets).toContain('collector:8888');
    expect(config).toContain('${env:OTELCOL_METRICS_PORT:-8888}');
  });
});

describeWith([dockerCompose()], 'docker-compose config', (bin) => {
  test("Debian's docker-compose validates the file", () => {
    const result = spawnSync(bin['docker-compose'] as string, ['-f', fromRoot('docker-compose.yml'), 'config', '-q'], {
      encoding: 'utf8',
      cwd: repoRoot,
      timeout: 60_000,
    });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
