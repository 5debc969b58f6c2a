/**
 * The benchmark's loopback "tool API", run in its own process so its CPU time does not
 * count in the instrumented process. Prints its port on stdout.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  data: Array.from({ length: 5 }, (_, i) => ({ id: 1000 + i, name: `Employee ${i}`, email: `e${i}@example.com` })),
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '99' }).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => process.exit(0));
