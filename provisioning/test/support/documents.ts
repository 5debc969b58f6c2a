// The parts of the provisioning documents (and docker-compose.yml) the tests read, typed
// as readYaml/readJson callers expect them. Fields a test checks for are optional.

/** A value the test needs to go on; fails the test with `what` when it is missing. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

export interface DataSourceRef {
  uid?: string;
  type?: string;
}

export interface DataSource {
  uid: string;
  type: string;
  jsonData: {
    tracesToLogsV2?: { datasourceUid: string; customQuery: boolean; query: string };
    tracesToMetrics?: { queries: { name: string; query: string }[] };
    derivedFields?: unknown[];
    exemplarTraceIdDestinations?: unknown[];
  };
}

export interface DataSourcesFile {
  datasources: DataSource[];
}

/** grafana/plugins/*.yaml */
export interface AppsFile {
  apps: { type: string; jsonData: Record<string, unknown> }[];
}

/** grafana/dashboards/dashboards.yaml */
export interface DashboardProvidersFile {
  providers: { options: { path: string } }[];
}

/** grafana/alerting/contact-points.yaml */
export interface ContactPointsFile {
  contactPoints: { name: string; receivers: { type: string; settings: Record<string, unknown> }[] }[];
  policies: { receiver: string }[];
}

export interface Link {
  url: string;
}

export interface DashboardTarget {
  refId?: string;
  expr?: string;
  datasource?: DataSourceRef;
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: DataSourceRef;
  targets?: DashboardTarget[];
  links?: Link[];
  fieldConfig?: { defaults: { links?: Link[] } };
}

export interface Dashboard {
  uid: string;
  panels: DashboardPanel[];
  templating?: { list: { name: string; query?: { query?: string } }[] };
}

/** One query of a Grafana alert rule: A is PromQL, B and C server-side expressions. */
export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  model: {
    expr?: string;
    instant?: boolean;
    type?: string;
    expression?: string;
    reducer?: string;
    conditions?: unknown[];
  };
}

export interface GrafanaAlertRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  for?: string;
  noDataState: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PrometheusAlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Grafana alerting or Prometheus rule file. */
export interface RuleFile<Rule> {
  groups: { name: string; rules: Rule[] }[];
}

export interface PrometheusConfig {
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
}

export interface ComposeService {
  image: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
}

export type ComposeServiceName =
  'collector' | 'tempo' | 'loki' | 'prometheus' | 'grafana' | 'plugin-build' | 'demo-tool' | 'demo-integration';

export interface ComposeFile {
  services: Record<ComposeServiceName, ComposeService>;
  volumes?: Record<string, unknown>;
}

export type ComponentKind = 'receivers' | 'processors' | 'exporters' | 'connectors' | 'extensions';

/** A component module of the ocb manifest; `path` for our own, local ones. */
export interface ManifestModule {
  gomod: string;
  path?: string;
}

/** The ocb manifest (collector/builder-config.yaml). */
export type BuilderManifest = { dist: { version: string } } & Partial<Record<ComponentKind, ManifestModule[]>>;

export interface LokiAttributesConfig {
  action: string;
  attributes?: string[];
}

export interface LokiConfig {
  limits_config?: {
    otlp_config?: {
      resource_attributes?: { attributes_config?: LokiAttributesConfig[] };
      log_attributes?: LokiAttributesConfig[];
    };
  };
}

export interface RedactionConfig {
  blocked_key_patterns: string[];
  ignored_keys?: string[];
  blocked_values: string[];
}

/** An exporter that leaves through a persistent queue; sizes may be `${env:NAME:-default}`. */
export interface QueuedExporter {
  sending_queue: {
    storage: string;
    sizer: string;
    block_on_overflow: boolean;
    batch: { min_size: number | string; max_size: number | string };
  };
  retry_on_failure: { enabled: boolean; max_elapsed_time: string };
}

export interface Pipeline {
  receivers: string[];
  processors: string[];
  exporters: string[];
}

/** collector/config.yaml: every component by id, and the ones the tests look into. */
export type CollectorConfig = Partial<Record<ComponentKind, Record<string, unknown>>> & {
  processors: { redaction: RedactionConfig; labelvalues: { attributes: string[]; max_bytes: number } };
  exporters: Record<'otlp_http/tempo' | 'otlp_http/loki', QueuedExporter>;
  connectors: { span_metrics: { dimensions: { name: string }[]; exemplars: { enabled: boolean } } };
  service: { extensions: string[]; pipelines: Record<'traces' | 'logs', Pipeline> & Record<string, Pipeline> };
};
