export class BadQueryError extends Error {}
export interface FakeRecord {
  tsNs: string;
  line: string;
  labels: Record<string, string>;
}
export function unquote(literal: string): string;
export function compile(query: string): (record: FakeRecord) => boolean;
export function recordsOf(response: unknown): FakeRecord[];
export function queryRange(records: FakeRecord[], params: Record<string, string>): unknown;
