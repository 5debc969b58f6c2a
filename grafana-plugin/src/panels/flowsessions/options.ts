import { DEFAULT_SESSION_GAP_MS } from '../../domain/flows/sessionize';
import { LOKI_FLOW_FIELDS, type FlowFieldNames } from '../../domain/flows/flowEvent';

export interface FlowSessionsOptions {
  /** Inactivity gap in minutes that splits events without a session id. */
  gapMinutes: number;
  flowIdField: string;
  sessionIdField: string;
  eventField: string;
  stepField: string;
  /** Most flows drawn (most recent activity first). */
  maxFlows: number;
  /** Open the most recent flow's full timeline. */
  expandFirst: boolean;
}

export const DEFAULT_FLOW_SESSIONS_OPTIONS: FlowSessionsOptions = {
  gapMinutes: DEFAULT_SESSION_GAP_MS / 60_000,
  flowIdField: LOKI_FLOW_FIELDS.flowId,
  sessionIdField: LOKI_FLOW_FIELDS.sessionId,
  eventField: LOKI_FLOW_FIELDS.event,
  stepField: LOKI_FLOW_FIELDS.step,
  maxFlows: 50,
  expandFirst: true,
};

/** Field names from the options; empty option values fall back to the Loki names. */
export function fieldNamesFrom(options: Partial<FlowSessionsOptions>): FlowFieldNames {
  const pick = (value: string | undefined, fallback: string) => (value && value.trim() ? value.trim() : fallback);
  return {
    ...LOKI_FLOW_FIELDS,
    flowId: pick(options.flowIdField, LOKI_FLOW_FIELDS.flowId),
    sessionId: pick(options.sessionIdField, LOKI_FLOW_FIELDS.sessionId),
    event: pick(options.eventField, LOKI_FLOW_FIELDS.event),
    step: pick(options.stepField, LOKI_FLOW_FIELDS.step),
  };
}

export function gapMsFrom(options: Partial<FlowSessionsOptions>): number {
  const minutes = Number(options.gapMinutes);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_FLOW_SESSIONS_OPTIONS.gapMinutes) * 60_000;
}
