// The stack's YAML and JSON (and the collector connector's Go names) cannot import the
// contract: these tests hold them to it. Every `integration.*` / `integration_*` name they
// use must be one the module exports, so a rename there fails here until the files
// follow; and the names the module says a backend indexes must be configured so.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_RETENTION_MS,
  labelName,
  LOKI_INDEX_LABELS,
  LOKI_RESOURCE_INDEX_LABELS,
  MAX_LABEL_VALUE_BYTES,
  PROMETHEUS_METRICS,
  SPAN_METRICS_DIMENSIONS,
  SPAN_METRICS_NAMESPACE,
  TEMPO_DEDICATED_COLUMNS,
} from '../src/index.js';
import { integrationNamesIn, knownToContract, readRepoFile, readRepoYaml } from './support/contract.js';

/** The parts of the stack's configuration these tests read. */
interface CollectorConfig {
  connectors: { span_metrics: { namespace: string; dimensions: { name: string }[] } };
  processors: { labelvalues: { attributes: string[]; max_bytes: number } };
}
interface LokiAttributesConfig {
  action: string;
  attributes?: string[];
}
interface LokiConfig {
  limits_config: {
    otlp_config: {
      log_attributes: LokiAttributesConfig[];
      resource_attributes: { attributes_config: LokiAttributesConfig[] };
    };
  };
}
interface TempoConfig {
  storage: { trace: { block: { parquet_dedicated_columns: { scope: string; type: string; name: string }[] } } };
}

const filesIn = (dir: string, ext: RegExp) =>
  readdirSync(path.resolve(__dirname, '../..', dir))
    .filter((f) => ext.test(f))
    .map((f) => `${dir}/${f}`);

const READERS = [
  'provisioning/collector/config.yaml',
  'provisioning/loki/loki.yaml',
  'provisioning/tempo/tempo.yaml',
  'provisioning/grafana/datasources/datasources.yaml',
  ...filesIn('provisioning/prometheus/rules', /\.ya?ml$/),
  ...filesIn('provisioning/grafana/alerting', /\.ya?ml$/),
  ...filesIn('provisioning/grafana/dashboards/json', /\.json$/),
  ...filesIn('provisioning/collector/integrationlogsconnector', /^(?!.*_test\.go$).*\.go$/),
];

describe.each(READERS)('%s', (file) => {
  const text = readRepoFile(file);

  test('uses only contract names', () => {
    const unknown = integrationNamesIn(text).filter((name) => !knownToContract(name));
    expect(unknown).toEqual([]);
  });
});

test('the readers name the contract at all (the scan finds what it looks for)', () => {
  const found = READERS.flatMap((file) => integrationNamesIn(readRepoFile(file)));
  expect(found).toEqual(
    expect.arrayContaining(['integration.tool', 'integration_tool', PROMETHEUS_METRICS.syncRecords])
  );
});

describe('collector', () => {
  const config = readRepoYaml<CollectorConfig>('provisioning/collector/config.yaml');

  test('span metrics: the contract namespace and exactly its dimensions', () => {
    const spanMetrics = config.connectors.span_metrics;
    expect(spanMetrics.namespace).toBe(SPAN_METRICS_NAMESPACE);
    expect(spanMetrics.dimensions.map((d) => d.name).sort()).toEqual([...SPAN_METRICS_DIMENSIONS].sort());
  });

  test("the label-value guard bounds exactly Loki's index labels, to the contract's byte limit", () => {
    expect([...config.processors.labelvalues.attributes].sort()).toEqual([...LOKI_INDEX_LABELS].sort());
    expect(config.processors.labelvalues.max_bytes).toBe(MAX_LABEL_VALUE_BYTES);
  });
});

describe('Loki', () => {
  const otlp = readRepoYaml<LokiConfig>('provisioning/loki/loki.yaml').limits_config.otlp_config;
  const indexed = (section: LokiAttributesConfig[]) =>
    section.filter((a) => a.action === 'index_label').flatMap((a) => a.attributes ?? []);

  test("indexes exactly the contract's log attribute labels", () => {
    expect(indexed(otlp.log_attributes).sort()).toEqual([...LOKI_INDEX_LABELS].sort());
  });

  test('indexes the resource attributes the app selects on', () => {
    expect(indexed(otlp.resource_attributes.attributes_config)).toEqual(
      expect.arrayContaining([...LOKI_RESOURCE_INDEX_LABELS])
    );
  });
});

test("Tempo keeps exactly the contract's dedicated span columns", () => {
  const tempo = readRepoYaml<TempoConfig>('provisioning/tempo/tempo.yaml');
  const columns = tempo.storage.trace.block.parquet_dedicated_columns;
  expect(
    columns
      .filter((c) => c.scope === 'span' && c.type === 'string')
      .map((c) => c.name)
      .sort()
  ).toEqual([...TEMPO_DEDICATED_COLUMNS].sort());
});

test("span metrics in rules and dashboards are the contract namespace's", () => {
  const prefix = `${labelName(SPAN_METRICS_NAMESPACE)}_`;
  const used = READERS.flatMap((file) => readRepoFile(file).match(/\btraces_span_metrics_[a-z_]+/g) ?? []);
  expect(used).toContain(PROMETHEUS_METRICS.spanCalls);
  expect(used.filter((name) => !name.startsWith(prefix))).toEqual([]);
});

test("every service keeps data for the contract's default retention", () => {
  const compose = readRepoFile('docker-compose.yml');
  const defaults = [...compose.matchAll(/\$\{RETENTION_PERIOD:-(\d+)h\}/g)].map((m) => Number(m[1]) * 3_600_000);
  expect(defaults.length).toBeGreaterThanOrEqual(3);
  expect(new Set(defaults)).toEqual(new Set([DEFAULT_RETENTION_MS]));
});
