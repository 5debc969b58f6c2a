import type { FakeLokiLayout, FakeRecord } from './fakeLoki.mjs';
export function fixtureRecords(): { source: 'recorded' | 'handmade'; records: FakeRecord[] };
export function startHarnessServer(options?: {
  records?: FakeRecord[];
  datasources?: string[];
  port?: number;
  lokiLayout?: FakeLokiLayout;
}): Promise<{
  url: string;
  requests: Array<{ uid: string; path: string; params: Record<string, string> }>;
  close: () => Promise<void>;
}>;
