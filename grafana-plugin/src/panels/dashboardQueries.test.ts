// The provisioned dashboards' Loki queries read only the streams they show: they select on the
// index labels (event_name, integration_tool, integration_log_type) and do not filter on them
// again, as the app's own queries do on a Loki that indexes them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@grafana/lezer-logql';
import { INDEX_LABELS } from '../api/loki/logql';

const INDEX_LABEL_NAMES: readonly string[] = INDEX_LABELS;
const DASHBOARDS = path.join(__dirname, '..', '..', '..', 'provisioning', 'grafana', 'dashboards', 'json');

interface Target {
  expr?: string;
  datasource?: { uid?: string };
}
interface Panel {
  title: string;
  datasource?: { uid?: string };
  targets?: Target[];
}

const lokiQueries = readdirSync(DASHBOARDS)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => {
    const { panels } = JSON.parse(readFileSync(path.join(DASHBOARDS, file), 'utf8')) as { panels: Panel[] };
    return panels.flatMap((panel) =>
      (panel.targets ?? [])
        .filter((t) => (t.datasource?.uid ?? panel.datasource?.uid) === 'loki')
        .map((t) => ({ where: `${file}: ${panel.title}`, expr: String(t.expr) }))
    );
  });

/** Variables as Grafana interpolates them for Loki with "All" selected. */
const interpolated = (expr: string) =>
  expr
    .replace(/\$__range|\$__interval|\$__auto/g, '5m')
    .replace(/\$service/g, '.+')
    .replace(/\$tool/g, '.*');

/** The label names matched in the stream selector and in label-filter stages. */
function matchedLabels(query: string): { selector: string[]; filters: string[]; errors: number } {
  const selector: string[] = [];
  const filters: string[] = [];
  let errors = 0;
  parser.parse(query).iterate({
    enter(node) {
      if (node.type.isError) {
        errors++;
      }
      if (node.name === 'Matcher') {
        const label = node.node.getChild('Identifier');
        const name = label ? query.slice(label.from, label.to) : '';
        (node.node.parent?.name === 'Matchers' ? selector : filters).push(name);
      }
    },
  });
  return { selector, filters, errors };
}

describe('dashboard Loki queries', () => {
  it('are there to check', () => {
    expect(lokiQueries.length).toBeGreaterThanOrEqual(3);
  });

  it('tell selector and filter matchers apart', () => {
    expect(matchedLabels('{a="1", b=~"2"} | c="3" or d="4"')).toEqual({
      selector: ['a', 'b'],
      filters: ['c', 'd'],
      errors: 0,
    });
  });

  it.each(lokiQueries)('$where selects on event_name and filters on no index label again', ({ expr }) => {
    const { selector, filters, errors } = matchedLabels(interpolated(expr));
    expect(errors).toBe(0);
    expect(selector).toContain('event_name');
    expect(filters.filter((label) => INDEX_LABEL_NAMES.includes(label))).toEqual([]);
  });
});
