import React from 'react';
import { DetailTabProps } from '../../domain/types';

export function RequestLogsTab({ records }: DetailTabProps) {
  return <div>{records.requests.length} requests</div>;
}
