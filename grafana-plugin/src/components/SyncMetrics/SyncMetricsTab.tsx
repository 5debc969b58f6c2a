import React from 'react';
import { DetailTabProps } from '../../domain/types';

/** Placeholder: per-model sync metrics and warnings. */
export function SyncMetricsTab({ records }: DetailTabProps) {
  return (
    <div>
      {records.syncModels.length} models, {records.warnings.length} warnings
    </div>
  );
}
