import React from 'react';
import { Badge } from '@grafana/ui';

import type { FlowOutcome } from '../../domain/flows/outcome';
import { STATUS_COLOR, STATUS_LABEL } from './eventKind';
import { flowTestIds } from './testIds';

/** "Failed at credentials", "Connected", "Abandoned at permissions". */
export function OutcomeBadge({ outcome }: { outcome: FlowOutcome }) {
  const { status, stoppedAt } = outcome;
  const where = status !== 'connected' && stoppedAt.step ? ` at ${stoppedAt.step}` : '';
  return (
    <span data-testid={flowTestIds.outcome} data-status={status} title={`last event: ${stoppedAt.event}`}>
      <Badge color={STATUS_COLOR[status]} text={`${STATUS_LABEL[status]}${where}`} />
    </span>
  );
}
