import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, ComboboxOption, Field, MultiCombobox, useStyles2 } from '@grafana/ui';
import { LOG_TYPES } from '../../domain/types';
import { logTypeLabel } from '../../utils/format';

/** The row of filters above a list page, wrapping on narrow screens, fields bottom-aligned. */
export function FilterBar({ testId, children }: { testId: string; children: React.ReactNode }) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.bar} data-testid={testId}>
      {children}
    </div>
  );
}

/** Resets every filter of a list page; disabled while none is set. */
export function ClearFiltersButton({
  disabled,
  onClick,
  testId,
}: {
  disabled: boolean;
  onClick: () => void;
  testId: string;
}) {
  const s = useStyles2(getStyles);
  return (
    <Button
      variant="secondary"
      fill="text"
      icon="times"
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
      className={s.clear}
    >
      Clear filters
    </Button>
  );
}

const LOG_TYPE_OPTIONS: Array<ComboboxOption<string>> = LOG_TYPES.map((t) => ({ label: logTypeLabel(t), value: t }));

/** Log types to show (none: all), picked from every log type the SDK writes. */
export function LogTypeFilter(props: {
  label: string;
  width: number;
  value: string[];
  onChange: (types: string[]) => void;
  testId: string;
}) {
  return (
    <Field label={props.label} noMargin>
      <div data-testid={props.testId}>
        <MultiCombobox<string>
          width={props.width}
          options={LOG_TYPE_OPTIONS}
          value={props.value}
          placeholder="All types"
          onChange={(values) => props.onChange(values.map((v) => v.value))}
        />
      </div>
    </Field>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    alignItems: 'flex-end',
    label: { marginBottom: theme.spacing(0.5) },
  }),
  clear: css({ marginBottom: 2 }),
});
