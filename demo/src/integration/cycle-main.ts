// One deterministic demo cycle, then exit: `node demo/dist/integration/cycle-main.js`.
// Exports to OTEL_EXPORTER_OTLP_ENDPOINT and prints the cycle's report as JSON on stdout
// (flow ids, integration ids, operation counts) for pipeline tests and fixture recordings.
import { envNumber, envString } from '../shared/env.js';
import { runDemoCycle } from './cycle.js';

runDemoCycle({ seed: envNumber('DEMO_SEED', 42), runId: envString('DEMO_RUN_ID') }).then(
  (result) => {
    const { webhookDeliveries, ...report } = result;
    console.log(JSON.stringify({ ...report, webhookDeliveries: webhookDeliveries.length }, null, 2));
  },
  (error: unknown) => {
    console.error('[demo-cycle] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
