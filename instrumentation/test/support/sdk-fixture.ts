/** Starts the SDK against a fresh OTLP receiver and tool server for one test file. */
import {
  type OtlpReceiver,
  type ReceivedLog,
  type ReceivedSpan,
  startOtlpReceiver,
} from '@integration-logs/test-support';
import { startIntegrationLogs, type IntegrationLogsSdk, type StartOptions } from '../../src/index.js';
import { startToolServer, type ToolServer } from './tool-server.js';

export interface Fixture {
  rx: OtlpReceiver;
  tool: ToolServer;
  il: IntegrationLogsSdk;
  /** Flushes, then waits until every span of `traceId` that `count` expects arrived. */
  trace(traceId: string, minSpans: number): Promise<ReceivedSpan[]>;
  logsOf(traceId: string, minLogs: number): Promise<ReceivedLog[]>;
  stop(): Promise<void>;
}

export async function startFixture(options: StartOptions = {}): Promise<Fixture> {
  const rx = await startOtlpReceiver();
  const tool = await startToolServer();
  const il = startIntegrationLogs({
    serviceName: 'test-integrations',
    endpoint: rx.url,
    scheduledDelayMs: 50,
    ...options,
  });
  return {
    rx,
    tool,
    il,
    async trace(traceId, minSpans) {
      await il.forceFlush();
      const pick = () => rx.spans.filter((s) => s.traceId === traceId);
      await rx.waitFor(() => pick().length >= minSpans, 20_000, `${minSpans} spans of ${traceId}`);
      return pick();
    },
    async logsOf(traceId, minLogs) {
      await il.forceFlush();
      const pick = () => rx.logs.filter((l) => l.traceId === traceId);
      await rx.waitFor(() => pick().length >= minLogs, 20_000, `${minLogs} logs of ${traceId}`);
      return pick();
    },
    async stop() {
      await il.shutdown();
      await tool.close();
      await rx.close();
    },
  };
}

export function requestRecord(log: ReceivedLog): {
  request: {
    method: string;
    url: string;
    headers: Record<string, unknown>;
    body: string | null;
    bodyEncoding: string;
    bodySize: number;
    bodyTruncated: boolean;
    contentEncoding?: string;
  };
  response: null | {
    status: number;
    headers: Record<string, unknown>;
    body: string | null;
    bodyEncoding: string;
    bodySize: number;
    bodyTruncated: boolean;
    contentEncoding?: string;
  };
  durationMs: number;
} {
  return JSON.parse(log.body as string);
}
