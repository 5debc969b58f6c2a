import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Checkbox, Combobox, ComboboxOption, Field, useStyles2 } from '@grafana/ui';
import { OperationFilters } from '../../api/loki/logql';
import { OUTCOMES } from '../../domain/types';
import { ClearFiltersButton, FilterBar, LogTypeFilter } from '../common/FilterBar';
import { textFilterOf } from '../common/TextFilter';
import { testIds } from '../testIds';

export interface LogsFiltersProps {
  filters: OperationFilters;
  onChange: (filters: OperationFilters) => void;
  onClear: () => void;
  canClear: boolean;
}

const OUTCOME_OPTIONS: Array<ComboboxOption<string>> = OUTCOMES.map((o) => ({ label: o, value: o }));

type TextKey = 'tool' | 'integrationId' | 'customerId' | 'traceId' | 'text';

export function LogsFilters({ filters, onChange, onClear, canClear }: LogsFiltersProps) {
  const s = useStyles2(getStyles);
  const set = (patch: Partial<OperationFilters>) => onChange({ ...filters, ...patch });
  const text = textFilterOf<TextKey>(filters, (key, value) => set({ [key]: value }));

  return (
    <FilterBar testId={testIds.logs.filters}>
      <LogTypeFilter
        label="Type"
        width={30}
        value={filters.types}
        onChange={(types) => set({ types })}
        testId={testIds.logs.typeFilter}
      />
      {text('tool', 'Tool', 'e.g. personio', testIds.logs.toolFilter, 16)}
      {text('integrationId', 'Integration id', 'any', testIds.logs.integrationFilter)}
      {text('customerId', 'Customer id', 'any', testIds.logs.customerFilter)}
      <Field label="Outcome" noMargin>
        <div data-testid={testIds.logs.outcomeFilter}>
          <Combobox<string>
            width={16}
            options={OUTCOME_OPTIONS}
            value={filters.outcome || null}
            placeholder="Any"
            isClearable
            onChange={(v) => set({ outcome: v?.value ?? '' })}
          />
        </div>
      </Field>
      <div className={s.checks}>
        <Checkbox
          label="Has 4xx"
          value={filters.has4xx}
          data-testid={testIds.logs.has4xxFilter}
          onChange={(e) => set({ has4xx: e.currentTarget.checked })}
        />
        <Checkbox
          label="Has 5xx"
          value={filters.has5xx}
          data-testid={testIds.logs.has5xxFilter}
          onChange={(e) => set({ has5xx: e.currentTarget.checked })}
        />
      </div>
      {text('traceId', 'Trace id', '32 hex characters', testIds.logs.traceIdFilter, 24)}
      {text('text', 'Text', 'contains (case-sensitive)', testIds.logs.textFilter, 24)}
      <ClearFiltersButton disabled={!canClear} onClick={onClear} testId={testIds.logs.clearFilters} />
    </FilterBar>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  checks: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), paddingBottom: theme.spacing(0.5) }),
});
