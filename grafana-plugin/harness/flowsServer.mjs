#!/usr/bin/env node
// The harness server (server.mjs) with the connection-flow and sync records of
// flowsFixtures.mjs added to the fixture records. Prints "harness on <url>" and, on the next
// line, "operations <json>": the detail-link parameters (end time and duration, ms) of each
// of those operations by trace id.
//   node harness/flowsServer.mjs [port]
import { fixtureRecords, startHarnessServer } from './server.mjs';
import { flowsHarnessRecords } from './flowsFixtures.mjs';

const extra = flowsHarnessRecords();
const server = await startHarnessServer({
  port: Number(process.argv[2] ?? 0),
  records: [...fixtureRecords().records, ...extra],
});
const ends = Object.fromEntries(
  extra
    .filter((r) => r.labels.event_name === 'integration.operation')
    .map((r) => [
      r.labels.trace_id,
      { time: Number(BigInt(r.tsNs) / 1_000_000n), duration: Math.ceil(Number(r.labels.integration_operation_duration_ms)) },
    ]),
);
console.log(`harness on ${server.url}/a/integrationlogs-app/flows`);
console.log(`operations ${JSON.stringify(ends)}`);
