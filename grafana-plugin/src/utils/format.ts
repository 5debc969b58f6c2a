import { BadgeColor } from '@grafana/ui';

/** Human duration: 83 ms, 1.24 s, 2m 05s, 1h 02m. Pure. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) {
    return '–';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  }
  const totalS = Math.round(ms / 1000);
  if (totalS < 3600) {
    return `${Math.floor(totalS / 60)}m ${String(totalS % 60).padStart(2, '0')}s`;
  }
  const totalM = Math.floor(totalS / 60);
  return `${Math.floor(totalM / 60)}h ${String(totalM % 60).padStart(2, '0')}m`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local date and time with milliseconds, e.g. 2026-11-26 14:03:12.345. Pure for a given TZ. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

export const LOG_TYPE_LABELS: Record<string, string> = {
  sync: 'Sync',
  connection_flow: 'Connection flow',
  action: 'Action',
  passthrough: 'Passthrough',
  incoming_webhook: 'Incoming webhook',
};

export function logTypeLabel(type: string): string {
  return LOG_TYPE_LABELS[type] ?? type;
}

export function outcomeColor(outcome: string): BadgeColor {
  switch (outcome) {
    case 'success':
      return 'green';
    case 'partial':
      return 'orange';
    case 'failure':
      return 'red';
    default:
      return 'darkgrey';
  }
}

export function statusColor(status: number | null): BadgeColor {
  if (status === null) {
    return 'red';
  }
  if (status >= 500) {
    return 'red';
  }
  if (status >= 400) {
    return 'orange';
  }
  if (status >= 300) {
    return 'blue';
  }
  return 'green';
}
