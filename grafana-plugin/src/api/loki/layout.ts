import { isObject } from '../../utils/isObject';
import { proxyGet } from '../proxyGet';
import { msToNs } from './client';
import { INDEX_LABELS, type LokiLayout } from './logql';
import { LokiResponseError } from './parse';

/** What the app knows of a Loki's layout (see LokiLayout). */
export interface LayoutCheck {
  layout: LokiLayout;
  /** Loki has streams, and they lack the index labels: the app tells the user its queries read every record. */
  unindexed: boolean;
}

/** How far back the labels are looked for: long enough to see streams of a quiet stack. */
export const LABELS_LOOKBACK_MS = 24 * 3_600_000;

/** Today's queries work in either layout: the answer when Loki cannot be asked. */
const UNKNOWN: LayoutCheck = { layout: 'metadata', unindexed: false };

/** Reads /loki/api/v1/labels: `{status: "success", data: [label names]}`. Pure. */
export function parseLabelsResponse(body: unknown): string[] {
  if (!isObject(body) || (body.status !== undefined && body.status !== 'success')) {
    throw new LokiResponseError('Loki answered the labels request without success.');
  }
  const data = body.data ?? [];
  if (!Array.isArray(data)) {
    throw new LokiResponseError('Loki answered the labels request without a list of names.');
  }
  return data.filter((name): name is string => typeof name === 'string');
}

/** The layout from the label names Loki knows. Pure. The app selects on all three index labels, so all must be there. */
export function layoutFromLabelNames(names: string[]): LayoutCheck {
  if (INDEX_LABELS.every((label) => names.includes(label))) {
    return { layout: 'labels', unindexed: false };
  }
  return { layout: 'metadata', unindexed: names.length > 0 };
}

/** The index label names of the data source's streams in the last LABELS_LOOKBACK_MS. */
export function lokiLabelNames(datasourceUid: string, nowMs: number): Promise<string[]> {
  const params = { start: msToNs(nowMs - LABELS_LOOKBACK_MS), end: msToNs(nowMs) };
  return proxyGet(
    'Loki',
    datasourceUid,
    { path: 'loki/api/v1/labels', params },
    parseLabelsResponse,
    LokiResponseError
  );
}

const asked = new Map<string, Promise<LayoutCheck>>();
const answered = new Map<string, LayoutCheck>();

/**
 * The data source's layout, asked once per data source and kept for the session. A failed
 * request answers with today's queries (they work in either layout) and is asked again on
 * the next call, so a Loki that was down is checked when it is back.
 */
export function lokiLayout(datasourceUid: string): Promise<LayoutCheck> {
  let check = asked.get(datasourceUid);
  if (!check) {
    check = lokiLabelNames(datasourceUid, Date.now()).then(
      (names) => {
        const result = layoutFromLabelNames(names);
        answered.set(datasourceUid, result);
        return result;
      },
      () => {
        asked.delete(datasourceUid);
        return UNKNOWN;
      }
    );
    asked.set(datasourceUid, check);
  }
  return check;
}

/** The kept answer for the data source, if Loki has answered already. */
export function knownLokiLayout(datasourceUid: string): LayoutCheck | undefined {
  return answered.get(datasourceUid);
}

/** Forgets every answer, as a page reload does. */
export function forgetLokiLayouts(): void {
  asked.clear();
  answered.clear();
}
