/**
 * A plain OTLP/HTTP sink for the throughput row: reads each export request whole and
 * answers 200 with an empty success body, decoding nothing. Its own process, so its CPU
 * time does not count against the exporter's. Prints its port on stdout.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const json = String(req.headers['content-type'] ?? '').includes('json');
    res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : '');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => process.exit(0));
