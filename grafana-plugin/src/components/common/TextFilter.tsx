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

/**
 * A maker of a filter bar's text filters over `values`, each keyed by its applied value (see
 * TextFilter); `onCommit` gets the filter's key and the committed text.
 */
export function textFilterOf<K extends string>(values: Record<K, string>, onCommit: (key: K, value: string) => void) {
  function textFilter(key: K, label: string, placeholder: string, testId: string, width?: number) {
    return (
      <TextFilter
        key={`${key}:${values[key]}`}
        label={label}
        value={values[key]}
        placeholder={placeholder}
        testId={testId}
        width={width}
        onCommit={(value) => onCommit(key, value)}
      />
    );
  }
  return textFilter;
}
