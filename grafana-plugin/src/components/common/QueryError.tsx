import React from 'react';
import { Alert } from '@grafana/ui';
import { DatasourceError } from '../../api/errors';

/** An error a user can act on: what failed, in which data source, and what to do. */
export function QueryError({ error, title, testId }: { error: Error; title: string; testId?: string }) {
  const hint = error instanceof DatasourceError ? error.hint : undefined;
  return (
    <Alert severity="error" title={title} data-testid={testId}>
      <div>{error.message}</div>
      {hint && <div>{hint}</div>}
    </Alert>
  );
}
