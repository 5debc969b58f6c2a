import React, { useState } from 'react';
import { Field, Icon, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import type { FlowsUrlState } from './flowsUrlState';

const ALL_TOOLS = '';

type Filters = Pick<FlowsUrlState, 'tool' | 'customer' | 'text'>;

/**
 * The tool (also the funnel's), customer and free-text filters of the flows page. The text
 * applies on Enter or leaving the field; `tools` are those seen in the range.
 */
export function FlowsFilters(props: { filters: Filters; tools: string[]; onChange: (next: Partial<Filters>) => void }) {
  const { filters, tools, onChange } = props;
  const [textDraft, setTextDraft] = useState(filters.text);
  const toolOptions = [...new Set([...tools, filters.tool].filter(Boolean))].map((t) => ({ value: t, label: t }));
  return (
    <Stack gap={2} alignItems="flex-end" wrap="wrap">
      <Field label="Tool" noMargin>
        <RadioButtonGroup
          value={filters.tool}
          options={[{ value: ALL_TOOLS, label: 'All tools' }, ...toolOptions]}
          onChange={(tool) => onChange({ tool })}
        />
      </Field>
      <Field label="Customer" noMargin>
        <Input
          width={24}
          defaultValue={filters.customer}
          placeholder="customer id"
          onBlur={(e) => onChange({ customer: e.currentTarget.value.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ customer: e.currentTarget.value.trim() })}
        />
      </Field>
      <Field label="Search" noMargin>
        <Input
          width={32}
          prefix={<Icon name="search" />}
          value={textDraft}
          placeholder="customer, end user or flow id"
          onChange={(e) => setTextDraft(e.currentTarget.value)}
          onBlur={() => onChange({ text: textDraft })}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ text: textDraft })}
        />
      </Field>
    </Stack>
  );
}
