import { TIME_URL_KEYS } from '../../utils/urlTimeRange';

/** The flows page's state in the URL, so a view can be shared and reloaded. Pure. */
export interface FlowsUrlState {
  from: string;
  to: string;
  /** Tool filter ('' = all tools); also the funnel's tool. */
  tool: string;
  customer: string;
  /** Free text over customer, end user and flow id (applied in the browser). */
  text: string;
}

export const FLOWS_URL_KEYS = { ...TIME_URL_KEYS, tool: 'tool', customer: 'customer', text: 'q' } as const;
export const DEFAULT_FLOWS_RANGE = { from: 'now-7d', to: 'now' };

export function parseFlowsUrl(params: URLSearchParams): FlowsUrlState {
  const get = (key: string) => params.get(key) ?? '';
  return {
    from: get(FLOWS_URL_KEYS.from) || DEFAULT_FLOWS_RANGE.from,
    to: get(FLOWS_URL_KEYS.to) || DEFAULT_FLOWS_RANGE.to,
    tool: get(FLOWS_URL_KEYS.tool),
    customer: get(FLOWS_URL_KEYS.customer),
    text: get(FLOWS_URL_KEYS.text),
  };
}

/** A partial URL update; empty values remove the key (null for locationService.partial). */
export function flowsUrlUpdate(state: Partial<FlowsUrlState>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, key] of Object.entries(FLOWS_URL_KEYS) as Array<[keyof FlowsUrlState, string]>) {
    if (name in state) {
      const value = state[name];
      out[key] = value ? value : null;
    }
  }
  return out;
}
