import { DEFAULT_RETENTION_MS, LOKI_LABELS } from '@integration-logs/semantic-conventions';
import { isObject } from '../../utils/isObject';
import { proxyGet } from '../proxyGet';
import { msToNs, queryRange } from './client';
import { ALL_SERVICES_SELECTOR, INDEX_LABELS, type LokiLayout } from './logql';
import { LokiResponseError } from './parse';

/** What the app knows of a Loki's layout (see LokiLayout). */
export interface LayoutCheck {
  layout: LokiLayout;
  /** Loki has streams, and they lack the index labels: the app tells the user its queries read every record. */
  unindexed: boolean;
  /**
   * With the labels: the time (ms) of the oldest record that has them, when older records
   * without them exist (written before the labels were turned on); null when none do.
   */
  labelledSinceMs: number | null;
}

/** How far back the labels are looked for: long enough to see streams of a quiet stack. */
export const LABELS_LOOKBACK_MS = 24 * 3_600_000;
/** How far back records written before the labels are looked for: the 30-day retention, within Loki's 721 h query length limit. */
export const HISTORY_LOOKBACK_MS = DEFAULT_RETENTION_MS - 86_400_000;

/** Today's queries work in either layout: the answer when Loki cannot be asked. */
const UNKNOWN: LayoutCheck = { layout: 'metadata', unindexed: false, labelledSinceMs: null };

/**
 * The layout for a query whose range starts at `fromMs`: records older than the labels are
 * found only without them (a label filter stage also matches an index label, so the
 * `metadata` queries find both). Null while the check is under way. Pure.
 */
export function layoutFrom(check: LayoutCheck | null, fromMs: number): LokiLayout | null {
  if (!check) {
    return null;
  }
  const labelled = check.labelledSinceMs === null || fromMs >= check.labelledSinceMs;
  return check.layout === 'labels' && labelled ? 'labels' : 'metadata';
}

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
    return { layout: 'labels', unindexed: false, labelledSinceMs: null };
  }
  return { layout: 'metadata', unindexed: names.length > 0, labelledSinceMs: null };
}

/** The oldest record of the streams the selector matches in the last HISTORY_LOOKBACK_MS: one record read. */
async function oldestRecordMs(datasourceUid: string, selector: string, nowMs: number): Promise<number | null> {
  const params = {
    query: selector,
    startMs: nowMs - HISTORY_LOOKBACK_MS,
    endMs: nowMs,
    limit: 1,
    direction: 'forward' as const,
  };
  const [oldest] = await queryRange(datasourceUid, params);
  return oldest ? oldest.timeMs : null;
}

/**
 * When the labels were turned on, if records written before exist: the oldest labelled
 * record, if any stream has an older one. Null when every record in reach has the labels.
 */
export async function labelledSince(datasourceUid: string, nowMs: number): Promise<number | null> {
  const [labelled, any] = await Promise.all([
    oldestRecordMs(datasourceUid, `{${LOKI_LABELS.eventName}=~".+"}`, nowMs),
    oldestRecordMs(datasourceUid, ALL_SERVICES_SELECTOR, nowMs),
  ]);
  return labelled !== null && any !== null && any < labelled ? labelled : null;
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

async function checkLayout(datasourceUid: string, nowMs: number): Promise<LayoutCheck> {
  const check = layoutFromLabelNames(await lokiLabelNames(datasourceUid, nowMs));
  if (check.layout !== 'labels') {
    return check;
  }
  return { ...check, labelledSinceMs: await labelledSince(datasourceUid, nowMs) };
}

/**
 * The data source's layout, asked once per data source and kept for the session: its
 * labels, and with them when they were turned on. A failed request answers with today's
 * queries (they work in either layout) and is asked again on the next call, so a Loki that
 * was down is checked when it is back.
 */
export function lokiLayout(datasourceUid: string): Promise<LayoutCheck> {
  let check = asked.get(datasourceUid);
  if (!check) {
    check = checkLayout(datasourceUid, Date.now()).then(
      (result) => {
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
