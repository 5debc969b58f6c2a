/**
 * A local HTTP server playing a third-party tool's API, for request-capture tests.
 * Listens on 127.0.0.1 with a dynamic port.
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface ToolServer {
  url: string;
  /** Requests received, with their raw bodies. */
  received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[];
  close(): Promise<void>;
}

export const BINARY_BODY = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));

export async function startToolServer(): Promise<ToolServer> {
  const flaky = new Map<string, number>();
  const received: ToolServer['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname;
      const json = (status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
      };
      let m: RegExpMatchArray | null;
      if (p === '/v1/employees' && req.method === 'GET')
        return json(
          200,
          { data: [{ id: 1, name: 'Ada', email: 'ada@example.com' }] },
          {
            'x-ratelimit-limit': '100',
            'x-ratelimit-remaining': '99',
            'x-ratelimit-reset': '60',
            'x-request-id': 'req-1',
          }
        );
      if (p === '/v1/employees' && req.method === 'POST') {
        let parsed: { email?: string } = {};
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return json(400, { error: 'invalid json' });
        }
        if (!parsed.email) return json(422, { error: 'email missing' });
        return json(201, { id: 42, ...parsed });
      }
      if ((m = p.match(/^\/v1\/employees\/([^/]+)$/))) return json(200, { id: m[1], name: 'Ada' });
      if ((m = p.match(/^\/status\/(\d{3})$/))) {
        const status = Number(m[1]);
        const headers: http.OutgoingHttpHeaders =
          status === 429
            ? { 'retry-after': '7', 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '7' }
            : {};
        return json(status, { error: `status ${status}` }, headers);
      }
      if (p === '/slow') {
        const ms = Number(url.searchParams.get('ms') ?? 300);
        const timer = setTimeout(() => json(200, { slow: true }), ms);
        res.on('close', () => clearTimeout(timer)); // the caller gave up: no timer outlives it
        return;
      }
      if (p === '/chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let i = 0;
        const tick = () => {
          if (i === 5) return res.end();
          res.write(`chunk-${i++};`);
          setTimeout(tick, 5);
        };
        return tick();
      }
      if (p === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end(
          zlib.gzipSync(JSON.stringify({ compressed: true, items: Array.from({ length: 20 }, (_, i) => ({ i })) }))
        );
      }
      if (p === '/large') {
        const bytes = Number(url.searchParams.get('bytes') ?? 1_000_000);
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(Buffer.alloc(bytes, 'a'));
      }
      if (p === '/binary') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(BINARY_BODY);
      }
      if (p === '/binary-secret') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(
          Buffer.concat([
            Buffer.from([0, 1, 2, 0xff]),
            Buffer.from('token=Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNlY3JldA'),
            Buffer.from([0, 0xfe]),
          ])
        );
      }
      if (p === '/invalid-utf8') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(Buffer.from([0x68, 0x69, 0xff, 0xfe, 0xc3, 0x28]));
      }
      if ((m = p.match(/^\/flaky\/(\w+)$/))) {
        const n = (flaky.get(m[1]!) ?? 0) + 1;
        flaky.set(m[1]!, n);
        return n <= 2 ? json(503, { error: 'try again' }) : json(200, { ok: true, attempt: n });
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
