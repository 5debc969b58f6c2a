import type { GrafanaTheme2 } from '@grafana/data';

import { FLOW_EVENTS, type FlowStatus } from '../../domain/flows/outcome';

export type EventKind = 'success' | 'error' | 'warning' | 'neutral' | 'info';

const KINDS: Record<string, EventKind> = {
  [FLOW_EVENTS.connected]: 'success',
  [FLOW_EVENTS.failed]: 'error',
  [FLOW_EVENTS.credentialsInvalid]: 'warning',
  [FLOW_EVENTS.permissionsMissing]: 'warning',
  [FLOW_EVENTS.closed]: 'neutral',
};

/** How an event is coloured: outcomes and problems stand out, the rest is plain progress. */
export function eventKind(event: string): EventKind {
  return KINDS[event] ?? (/(fail|error|invalid|missing|denied)/i.test(event) ? 'warning' : 'info');
}

export function kindColor(theme: GrafanaTheme2, kind: EventKind): string {
  switch (kind) {
    case 'success':
      return theme.colors.success.main;
    case 'error':
      return theme.colors.error.main;
    case 'warning':
      return theme.colors.warning.main;
    case 'neutral':
      return theme.colors.text.disabled;
    default:
      return theme.colors.primary.main;
  }
}

export const STATUS_LABEL: Record<FlowStatus, string> = {
  connected: 'Connected',
  failed: 'Failed',
  abandoned: 'Abandoned',
  in_progress: 'In progress',
};

export const STATUS_COLOR: Record<FlowStatus, 'green' | 'red' | 'orange' | 'blue'> = {
  connected: 'green',
  failed: 'red',
  abandoned: 'orange',
  in_progress: 'blue',
};
