import React, { useState } from 'react';
import { Field, Input } from '@grafana/ui';

/**
 * A text filter that applies on Enter or blur, not on every keystroke (each change is a Loki
 * query). Its parent keys it by the applied value, so a URL change resets the draft.
 */
export function TextFilter(props: {
  label: string;
  value: string;
  placeholder: string;
  testId: string;
  width?: number;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
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
