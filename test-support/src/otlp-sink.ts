// A local OTLP/HTTP receiver standing in for Tempo (/v1/traces) and Loki (/otlp/v1/logs):
// it decodes what the collector exports (./otlp.ts) and keeps it, with the request
// headers. It can go down and come back on the same port, like a backend being restarted,
// and refuse pushes the way a backend with limits does (see `refuse`).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeLogs, decodeTraces, type ReceivedLog, type ReceivedSpan } from './otlp.js';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** Size of the decompressed protobuf body. */
  bytes: number;
}

export interface Push {
  path: string;
  /** The decompressed protobuf body. */
  body: Buffer;
  logs: ReceivedLog[];
}

/** An answer other than 200: the push is refused and nothing of it is kept. */
export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

export class OtlpSink {
  readonly spans: ReceivedSpan[] = [];
  readonly logs: ReceivedLog[] = [];
  readonly requests: ReceivedRequest[] = [];
  readonly errors: string[] = [];
  /** Pushes answered with a refusal, in order. */
  readonly refused: Array<Refusal & { bytes: number; records: number }> = [];
  /** Decides, per push, whether to refuse it (as Loki does over a limit); undefined accepts. */
  refuse: ((push: Push) => Refusal | undefined) | undefined;
  private server: Server | undefined;
  private port = 0;

  /** Base URL, e.g. http://127.0.0.1:4318 (the collector appends /v1/traces or /v1/logs). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          let body = Buffer.concat(chunks);
          if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
          if (!String(req.headers['content-type']).startsWith('application/x-protobuf')) {
            throw new Error(`unexpected content-type ${req.headers['content-type']}`);
          }
          const path = req.url ?? '';
          const logs = path.endsWith('/v1/logs') ? decodeLogs(body) : [];
          const refusal = this.refuse?.({ path, body, logs });
          if (refusal) {
            this.refused.push({ ...refusal, bytes: body.length, records: logs.length });
            res.writeHead(refusal.status, { 'content-type': 'text/plain', ...refusal.headers }).end(refusal.message);
            return;
          }
          if (path.endsWith('/v1/traces')) this.spans.push(...decodeTraces(body));
          else if (path.endsWith('/v1/logs')) this.logs.push(...logs);
          else throw new Error(`unexpected path ${path}`);
          this.requests.push({ path, headers: req.headers, bytes: body.length });
          // An empty Export*ServiceResponse is a valid, empty protobuf message.
          res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
        } catch (error) {
          this.errors.push(error instanceof Error ? error.message : String(error));
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down: connections are refused until start() is called again (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
