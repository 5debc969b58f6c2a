import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { Button, Checkbox, Field, Input, MultiSelect, Select, useStyles2 } from '@grafana/ui';
import { OperationFilters } from '../../api/loki/logql';
import { LOG_TYPES, OUTCOMES } from '../../domain/types';
import { logTypeLabel } from '../../utils/format';
import { testIds } from '../testIds';

export interface LogsFiltersProps {
  filters: OperationFilters;
  onChange: (filters: OperationFilters) => void;
  onClear: () => void;
  canClear: boolean;
}

const TYPE_OPTIONS: Array<SelectableValue<string>> = LOG_TYPES.map((t) => ({ label: logTypeLabel(t), value: t }));
const OUTCOME_OPTIONS: Array<SelectableValue<string>> = OUTCOMES.map((o) => ({ label: o, value: o }));

type TextKey = 'tool' | 'integrationId' | 'customerId' | 'traceId' | 'text';

/** A text filter that applies on Enter or blur, not on every keystroke (each change is a Loki query). */
function TextFilter(props: {
  label: string;
  value: string;
  placeholder: string;
  testId: string;
  width?: number;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    if (draft !== props.value) {
      props.onCommit(draft);
    }
  };
  return (
    <Field label={props.label} noMargin>
      <Input
        width={props.width ?? 20}
        value={draft}
        placeholder={props.placeholder}
        data-testid={props.testId}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            commit();
          }
        }}
      />
    </Field>
  );
}

export function LogsFilters({ filters, onChange, onClear, canClear }: LogsFiltersProps) {
  const s = useStyles2(getStyles);
  const set = (patch: Partial<OperationFilters>) => onChange({ ...filters, ...patch });
  const text = (key: TextKey, label: string, placeholder: string, testId: string, width?: number) => (
    <TextFilter
      label={label}
      value={filters[key]}
      placeholder={placeholder}
      testId={testId}
      width={width}
      onCommit={(value) => set({ [key]: value })}
    />
  );

  return (
    <div className={s.bar} data-testid={testIds.logs.filters}>
      <Field label="Type" noMargin>
        <div data-testid={testIds.logs.typeFilter}>
          <MultiSelect<string>
            width={32}
            options={TYPE_OPTIONS}
            value={filters.types}
            placeholder="All types"
            aria-label="Log type"
            onChange={(values) => set({ types: values.map((v) => v.value!).filter(Boolean) })}
          />
        </div>
      </Field>
      {text('tool', 'Tool', 'e.g. personio', testIds.logs.toolFilter, 16)}
      {text('integrationId', 'Integration id', 'any', testIds.logs.integrationFilter)}
      {text('customerId', 'Customer id', 'any', testIds.logs.customerFilter)}
      <Field label="Outcome" noMargin>
        <div data-testid={testIds.logs.outcomeFilter}>
          <Select<string>
            width={16}
            options={OUTCOME_OPTIONS}
            value={filters.outcome || null}
            placeholder="Any"
            isClearable
            aria-label="Outcome"
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
      {text('traceId', 'Trace id', '32 hex characters', testIds.logs.traceIdFilter, 26)}
      {text('text', 'Text', 'contains (case-sensitive)', testIds.logs.textFilter, 26)}
      <Button
        variant="secondary"
        fill="text"
        icon="times"
        disabled={!canClear}
        onClick={onClear}
        data-testid={testIds.logs.clearFilters}
        className={s.clear}
      >
        Clear filters
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1.5), alignItems: 'flex-end' }),
  checks: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), paddingBottom: theme.spacing(0.5) }),
  clear: css({ marginBottom: 2 }),
});
