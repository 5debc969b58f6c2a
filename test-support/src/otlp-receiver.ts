/**
 * A real OTLP/HTTP receiver standing in for a collector: listens on 127.0.0.1 (dynamic
 * port), decodes what the OTLP/HTTP exporters send to /v1/traces and /v1/logs, JSON or
 * protobuf (./otlp.ts), and keeps every raw byte it received so tests can scan them for
 * secrets (protobuf carries strings as plain UTF-8).
 *
 *   const rx = await startOtlpReceiver();
 *   process.env.OTEL_EXPORTER_OTLP_ENDPOINT = rx.url;
 *   ...; await rx.waitFor(() => rx.logs.some(...));
 *   await rx.close();
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { decodeLogs, decodeTraces, type ReceivedLog, type ReceivedSpan } from './otlp.js';
import { waitFor } from './wait.js';

/** How the receiver answers: `ok` (200), `fail` (500), `hang` (never answers). */
export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface OtlpReceiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:41234 */
  url: string;
  spans: ReceivedSpan[];
  logs: ReceivedLog[];
  /** Every request body as received (after content decoding), in order, as UTF-8 text. */
  rawBodies: string[];
  /** Content type of every export request, in order (`application/json`, `application/x-protobuf`). */
  contentTypes: string[];
  /** Count of export requests per path, whatever the mode. */
  requestCount: number;
  /** Request headers of every export request, in order. */
  requestHeaders: http.IncomingHttpHeaders[];
  mode: ReceiverMode;
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Events (log records) by event name. */
  logsByEvent(eventName: string): ReceivedLog[];
  reset(): void;
  close(): Promise<void>;
}

export async function startOtlpReceiver(initialMode: ReceiverMode = 'ok'): Promise<OtlpReceiver> {
  const hanging = new Set<http.ServerResponse>();
  const rx: OtlpReceiver = {
    url: '',
    spans: [],
    logs: [],
    rawBodies: [],
    contentTypes: [],
    requestCount: 0,
    requestHeaders: [],
    mode: initialMode,
    async waitFor(predicate, timeoutMs = 20_000, what = 'condition') {
      await waitFor(what, predicate, { timeoutMs, intervalMs: 25 }).catch((error: Error) => {
        throw new Error(`OTLP receiver: ${error.message} (${rx.spans.length} spans, ${rx.logs.length} logs received)`);
      });
    },
    logsByEvent(eventName) {
      return rx.logs.filter((l) => l.eventName === eventName || l.attributes['event.name'] === eventName);
    },
    reset() {
      rx.spans.length = 0;
      rx.logs.length = 0;
      rx.rawBodies.length = 0;
      rx.contentTypes.length = 0;
      rx.requestCount = 0;
      rx.requestHeaders.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      rx.requestCount++;
      rx.requestHeaders.push(req.headers);
      if (rx.mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (rx.mode === 'fail') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('collector failure');
        return;
      }
      receiveExport(rx, req, Buffer.concat(chunks), res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rx.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return rx;
}

/** Decodes one export request into `rx` and answers it as an OTLP/HTTP receiver does. */
function receiveExport(rx: OtlpReceiver, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  let raw = body;
  const enc = req.headers['content-encoding'];
  try {
    if (enc === 'gzip') raw = zlib.gunzipSync(raw);
    else if (enc === 'deflate') raw = zlib.inflateSync(raw);
  } catch {
    res.writeHead(400).end('bad content encoding');
    return;
  }
  const contentType = String(req.headers['content-type'] ?? '');
  rx.rawBodies.push(raw.toString('utf8'));
  rx.contentTypes.push(contentType);
  const json = contentType.includes('json');
  if (!json && !contentType.includes('protobuf')) {
    res.writeHead(415).end('this receiver decodes OTLP JSON and protobuf');
    return;
  }
  const format = json ? 'json' : 'protobuf';
  try {
    if (req.url?.endsWith('/v1/traces')) rx.spans.push(...decodeTraces(raw, format));
    else if (req.url?.endsWith('/v1/logs')) rx.logs.push(...decodeLogs(raw, format));
    else if (!req.url?.endsWith('/v1/metrics')) {
      res.writeHead(404).end();
      return;
    }
  } catch {
    res.writeHead(400).end(json ? 'invalid JSON' : 'invalid protobuf');
    return;
  }
  if (json) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  else res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
}
