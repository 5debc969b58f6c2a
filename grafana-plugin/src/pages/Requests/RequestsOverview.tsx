import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { type RequestFilters } from '../../api/loki/requestQueries';
import { spanMetricsCanAnswer } from '../../api/prometheus/promql';
import { type KeyedQueryState } from '../../components/common/useKeyedQuery';
import { StatusChart } from '../../components/Requests/StatusChart';
import { TopList } from '../../components/Requests/TopList';
import { testIds } from '../../components/testIds';
import { type CountSource, type RequestOverview } from './useRequestOverview';

const ids = testIds.requestsPage;

/** The top lists beside the chart; choosing an item filters by it, choosing it again clears that filter. */
const TOP_LISTS = [
  { title: 'Top endpoints', key: 'topEndpoints', filter: 'endpoint', testId: ids.topEndpoints },
  { title: 'Top customers', key: 'topCustomers', filter: 'customerId', testId: ids.topCustomers },
] as const;

/**
 * Above the list: requests over time by status class, and the top endpoints and customers of
 * the same selection. Choosing a class, an endpoint or a customer filters the page by it.
 */
export function RequestsOverview(props: {
  overview: KeyedQueryState<RequestOverview>;
  filters: RequestFilters;
  onChange: (patch: Partial<RequestFilters>) => void;
}) {
  const { overview, filters, onChange } = props;
  const s = useStyles2(getStyles);
  return (
    <div className={s.overview}>
      <section className={s.card}>
        <StatusChart
          buckets={overview.data?.buckets ?? []}
          selected={filters.statusClass}
          onSelectClass={(statusClass) => onChange({ statusClass })}
        />
        {overview.data && (
          <div className={s.source} data-testid={ids.chartSource} data-source={overview.data.source}>
            {sourceNote(overview.data.source, filters)}
          </div>
        )}
      </section>
      {TOP_LISTS.map(({ title, key, filter, testId }) => (
        <section key={key} className={s.card}>
          <TopList
            title={title}
            items={overview.data?.[key] ?? []}
            selected={filters[filter]}
            onSelect={(value) => onChange({ [filter]: filters[filter] === value ? '' : value })}
            testId={testId}
            loading={overview.loading}
          />
        </section>
      ))}
    </div>
  );
}

/** Where the chart's counts came from, and why not the span metrics when they did not answer. */
function sourceNote(source: CountSource, filters: RequestFilters): string {
  if (source === 'prometheus') {
    return 'From the span metrics (Prometheus)';
  }
  return spanMetricsCanAnswer(filters)
    ? 'From the request records (Loki): the span metrics in Prometheus did not answer'
    : 'From the request records (Loki): customer, integration and text are not span-metrics dimensions';
}

const getStyles = (theme: GrafanaTheme2) => ({
  overview: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)',
    gap: theme.spacing(2),
  }),
  card: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1.5),
    minWidth: 0,
  }),
  source: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, marginTop: 4 }),
});
