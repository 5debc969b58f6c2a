import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Checkbox, Combobox, ComboboxOption, Field, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { type RequestFilters, STATUS_CLASSES, type StatusClass } from '../../api/loki/requestQueries';
import { ClearFiltersButton, FilterBar, LogTypeFilter } from '../common/FilterBar';
import { textFilterOf } from '../common/TextFilter';
import { testIds } from '../testIds';

const ids = testIds.requestsPage;
const CLASS_OPTIONS: Array<{ label: string; value: StatusClass | '' }> = [
  { label: 'Any', value: '' },
  ...STATUS_CLASSES.map((c) => ({ label: c, value: c })),
];
const METHOD_OPTIONS: Array<ComboboxOption<string>> = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map(
  (m) => ({ label: m, value: m })
);

type TextKey = 'tool' | 'status' | 'endpoint' | 'server' | 'customerId' | 'integrationId' | 'text';

export interface RequestsFiltersProps {
  filters: RequestFilters;
  /** Sets the given filters, keeps the others. */
  onChange: (patch: Partial<RequestFilters>) => void;
  onClear: () => void;
  canClear: boolean;
}

/** The Requests page's filters; each applies at once (text ones on Enter or blur). */
export function RequestsFilters({ filters, onChange, onClear, canClear }: RequestsFiltersProps) {
  const s = useStyles2(getStyles);
  const text = textFilterOf<TextKey>(filters, (key, value) => onChange({ [key]: value }));

  return (
    <FilterBar testId={ids.filters}>
      {text('tool', 'Tool', 'e.g. personio', ids.toolFilter, 16)}
      <Field label="Status class" noMargin>
        <div data-testid={ids.classFilter}>
          <RadioButtonGroup
            options={CLASS_OPTIONS}
            value={filters.statusClass}
            onChange={(value) => onChange({ statusClass: value })}
          />
        </div>
      </Field>
      {text('status', 'Status', 'e.g. 403', ids.statusFilter, 10)}
      <Field label="Method" noMargin>
        <div data-testid={ids.methodFilter}>
          <Combobox<string>
            width={14}
            options={METHOD_OPTIONS}
            value={filters.method || null}
            placeholder="Any"
            isClearable
            createCustomValue
            onChange={(v) => onChange({ method: v?.value ?? '' })}
          />
        </div>
      </Field>
      {text('endpoint', 'Endpoint', '/v1/employees/{id}', ids.endpointFilter, 24)}
      {text('server', 'Server', 'api.tool.example', ids.serverFilter)}
      {text('customerId', 'Customer id', 'any', ids.customerFilter)}
      {text('integrationId', 'Integration id', 'any', ids.integrationFilter)}
      <LogTypeFilter
        label="Log type"
        width={26}
        value={filters.types}
        onChange={(types) => onChange({ types })}
        testId={ids.typeFilter}
      />
      {text('text', 'Search bodies and URLs', 'text, matched literally', ids.textFilter, 28)}
      <div className={s.check}>
        <Checkbox
          label="Match case"
          value={filters.caseSensitive}
          data-testid={ids.caseSensitive}
          onChange={(e) => onChange({ caseSensitive: e.currentTarget.checked })}
        />
      </div>
      <ClearFiltersButton disabled={!canClear} onClick={onClear} testId={ids.clearFilters} />
    </FilterBar>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  check: css({ paddingBottom: theme.spacing(1) }),
});
