// The Prometheus queries of the provisioned dashboards and data-source links, with Grafana's
// variables replaced by values Prometheus accepts, so tests can parse and run them.
import { readdirSync } from 'node:fs';
import { defined, type Dashboard, type DataSourcesFile } from './documents.js';
import { fromProvisioning, readJson, readYaml } from './files.js';

export interface DashboardQuery {
  where: string;
  expr: string;
}

export function grafanaVariablesReplaced(expr: string, window = '5m'): string {
  return expr
    .replace(/\$__rate_interval|\$__interval|\$__range/g, window)
    .replace(/\$\$__tags|\$__tags/g, 'service_name=~".+"')
    .replace(/\$service/g, '.+')
    .replace(/\$tool/g, '.*');
}

export function prometheusQueries(): {
  panels: DashboardQuery[];
  variables: DashboardQuery[];
  links: DashboardQuery[];
} {
  const panels: DashboardQuery[] = [];
  const variables: DashboardQuery[] = [];
  const dir = fromProvisioning('grafana/dashboards/json');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const json = readJson<Dashboard>(fromProvisioning('grafana/dashboards/json', file));
    for (const panel of json.panels) {
      for (const target of panel.targets ?? []) {
        if ((target.datasource?.uid ?? panel.datasource?.uid) === 'prometheus')
          panels.push({ where: `${file}: ${panel.title} (${target.refId})`, expr: String(target.expr) });
      }
    }
    for (const variable of json.templating?.list ?? []) {
      const inner = /^label_values\((.*),\s*\w+\)$/.exec(String(variable.query?.query ?? ''))?.[1];
      if (inner) variables.push({ where: `${file}: $${variable.name}`, expr: inner });
    }
  }
  const tempo = readYaml<DataSourcesFile>(fromProvisioning('grafana/datasources/datasources.yaml')).datasources.find(
    (d) => d.uid === 'tempo'
  );
  const links = defined(tempo?.jsonData.tracesToMetrics, 'Tempo tracesToMetrics').queries.map((q) => ({
    where: `Tempo tracesToMetrics: ${q.name}`,
    expr: q.query,
  }));
  return { panels, variables, links };
}
