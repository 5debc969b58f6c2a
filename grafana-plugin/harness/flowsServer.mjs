#!/usr/bin/env node
// The harness server (server.mjs) with the connection-flow and sync records of
// flowsFixtures.mjs added to the fixture records, behind a small front server that serves
// /harness/* from harness/dist/flows (built by buildPanels.mjs) and passes everything else
// (app pages, the Loki proxy, icons) to server.mjs. Prints "harness on <url>" and, on the
// next line, "operations <json>": the detail-link parameters (end time and duration, ms) of
// each of those operations by trace id.
//   node harness/flowsServer.mjs [port]
import { createServer, request } from 'node:http';
import { fixtureRecords, sendFile, startHarnessServer } from './server.mjs';
import { flowsHarnessRecords } from './flowsFixtures.mjs';
import { FLOWS_DIST } from './buildPanels.mjs';

const extra = flowsHarnessRecords();
const backend = await startHarnessServer({ port: 0, records: [...fixtureRecords().records, ...extra] });
const backendUrl = new URL(backend.url);

const front = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/harness/')) {
    return sendFile(res, FLOWS_DIST, url.pathname.slice('/harness/'.length));
  }
  const upstream = request(
    { hostname: backendUrl.hostname, port: backendUrl.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    }
  );
  upstream.on('error', (err) => {
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(String(err));
  });
  req.pipe(upstream);
});
await new Promise((resolve) => front.listen(Number(process.argv[2] ?? 0), '127.0.0.1', resolve));

const ends = Object.fromEntries(
  extra
    .filter((r) => r.labels.event_name === 'integration.operation')
    .map((r) => [
      r.labels.trace_id,
      {
        time: Number(BigInt(r.tsNs) / 1_000_000n),
        duration: Math.ceil(Number(r.labels.integration_operation_duration_ms)),
      },
    ])
);
console.log(`harness on http://127.0.0.1:${front.address().port}/a/integrationlogs-app/flows`);
console.log(`operations ${JSON.stringify(ends)}`);

// Open keep-alive connections would hold a graceful close; the servers keep no state.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
