// The load tool's third-party API, in a process of its own so serving it costs the
// measured process nothing. Forked by tool-server.ts; tells its port over IPC.
import { createServer } from 'node:http';
import { DISTINCT_PAGES, employeePage } from './tool-responses.js';

const bytes = Number(process.argv[2]);
const pages = Array.from({ length: DISTINCT_PAGES }, (_, i) => employeePage(bytes, i + 1));
let served = 0;

const server = createServer((req, res) => {
  req.resume();
  const body = pages[served++ % pages.length]!;
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.length,
    'x-ratelimit-remaining': '4999',
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
