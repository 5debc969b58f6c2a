export class BadQueryError extends Error {}
/**
 * The app's LokiLayout (which attributes Loki indexes as labels), or a Loki that indexes
 * them since labelsSinceNs (older records were written without).
 */
export type FakeLokiLayout = 'labels' | 'metadata' | { labelsSinceNs: string };
export const INDEX_LABELS: Record<'labels' | 'metadata', string[]>;
export interface FakeRecord {
  tsNs: string;
  line: string;
  labels: Record<string, string>;
}
export function unquote(literal: string): string;
export function compile(query: string, layout?: FakeLokiLayout): (record: FakeRecord) => boolean;
export function recordsOf(response: unknown): FakeRecord[];
export function labelNames(records: FakeRecord[], layout?: FakeLokiLayout): { status: 'success'; data: string[] };
export function queryRange(records: FakeRecord[], params: Record<string, string>, layout?: FakeLokiLayout): unknown;
export function isMetricQuery(query: string): boolean;
export function metricQueryRange(
  records: FakeRecord[],
  params: Record<string, string>,
  layout?: FakeLokiLayout
): unknown;
export function instantQuery(records: FakeRecord[], params: Record<string, string>, layout?: FakeLokiLayout): unknown;
export function answerLoki(
  records: FakeRecord[],
  path: string,
  params: Record<string, string>,
  layout?: FakeLokiLayout
): unknown;
