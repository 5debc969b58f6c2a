import type { ServerResponse } from 'node:http';
import type { FakeLokiLayout, FakeRecord } from './fakeLoki.mjs';
export function fixtureRecords(): { source: 'recorded' | 'handmade'; records: FakeRecord[] };
export function startHarnessServer(options?: {
  records?: FakeRecord[];
  datasources?: string[];
  port?: number;
  lokiLayout?: FakeLokiLayout;
  serve?: (url: URL, res: ServerResponse) => boolean;
}): Promise<{
  url: string;
  requests: Array<{ uid: string; path: string; params: Record<string, string> }>;
  close: () => Promise<void>;
}>;
export function send(res: ServerResponse, status: number, body: unknown, type?: string): void;
export function sendFile(res: ServerResponse, root: string, relPath: string): void;
