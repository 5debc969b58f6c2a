// One deterministic pass over everything the demo integration does: every log type, a flow
// of each kind with two sessions, expected failures (403, 422, 404, a 401 burst). The
// scheduler spreads the same steps over time; tests and fixture recordings call it directly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { getIntegrationLogs } from '@integration-logs/instrumentation';
import type { LogType } from '@integration-logs/semantic-conventions';
import { createDemoTool, DEFAULT_TOOL_OPTIONS, type DemoTool } from '../tool/server.js';
import type { WebhookDelivery } from '../tool/webhooks.js';
import {
  DemoIntegration,
  FLOW_SCENARIOS,
  type FlowPlan,
  type IntegrationLogsApi,
  type OperationNote,
} from './demo-integration.js';
import { otlpEndpoint, startTelemetry } from './telemetry.js';

export interface CycleReport {
  /** Operations started, by log type (incoming_webhook: deliveries the tool made). */
  operations: Record<LogType, number>;
  /** Operations that failed, as planned (`<log type> <integration id>: <error>`). */
  failures: string[];
  flows: (FlowPlan & { sessionIds: string[] })[];
  integrationIds: string[];
  /** Every operation the integration started, in order, with its trace id (webhooks excluded: the tool starts those). */
  traces: OperationNote[];
}

export interface CycleStepsOptions {
  /** Makes flow and session ids unique per run. */
  runId: string;
  /** The tool in this process, to make changes and wait for its webhooks; absent when the tool runs elsewhere. */
  tool?: DemoTool;
  /** Passthrough calls in the 401 burst (default 6). */
  burstSize?: number;
  /** The integration's webhook base URL: when given, one forged (unsigned) webhook is posted to it and refused. */
  webhookUrl?: string;
}

export function flowPlans(runId: string): FlowPlan[] {
  return [
    {
      flowId: `flow_${runId}_1`,
      scenario: 'connected',
      customerId: 'cus_soylent',
      accountId: 'acc_soylent',
      endUserId: 'usr_soylent_0007',
    },
    {
      flowId: `flow_${runId}_2`,
      scenario: 'abandoned',
      customerId: 'cus_hooli',
      accountId: 'acc_hooli',
      endUserId: 'usr_hooli_0042',
    },
    {
      flowId: `flow_${runId}_3`,
      scenario: 'failed',
      customerId: 'cus_wayne',
      accountId: 'acc_wayne',
      endUserId: 'usr_wayne_0013',
    },
  ];
}

/** Runs the steps in order, one operation at a time, so the records come out in the same order each run. */
export async function runCycleSteps(integration: DemoIntegration, options: CycleStepsOptions): Promise<CycleReport> {
  const report: CycleReport = {
    operations: { sync: 0, action: 0, passthrough: 0, incoming_webhook: 0, connection_flow: 0 },
    failures: [],
    flows: [],
    integrationIds: integration.connections.map((c) => c.integrationId),
    traces: [],
  };
  const unsubscribe = integration.onOperation((note) => report.traces.push(note));
  try {
    await runSteps(integration, options, report);
  } finally {
    unsubscribe();
  }
  return report;
}

async function runSteps(integration: DemoIntegration, options: CycleStepsOptions, report: CycleReport): Promise<void> {
  const { tool } = options;
  const attempt = async (
    logType: keyof CycleReport['operations'],
    integrationId: string,
    fn: () => Promise<unknown>
  ) => {
    report.operations[logType]++;
    try {
      await fn();
    } catch (error) {
      report.failures.push(`${logType} ${integrationId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const settle = async () => tool?.webhooks.idle();
  const [acme, globex, initech, umbrella, wayne] = integration.connections;
  if (!acme || !globex || !initech || !umbrella || !wayne) throw new Error('the demo needs its five connections');

  for (const conn of integration.connections)
    await attempt('sync', conn.integrationId, () => integration.sync(conn, 'full'));

  // The customers' HR teams change things: the tool sends webhooks, the next delta sync sees them.
  tool?.simulateChanges(6);
  await settle();
  for (const conn of integration.connections)
    await attempt('sync', conn.integrationId, () => integration.sync(conn, 'delta'));

  for (const conn of [acme, globex, umbrella]) {
    await attempt('action', conn.integrationId, () => integration.createEmployee(conn));
    await settle();
  }
  for (const conn of [globex, initech])
    await attempt('action', conn.integrationId, () => integration.createEmployee(conn, { invalid: true }));
  const someone = integration.knownEmployeeId(acme);
  if (someone !== undefined) {
    await attempt('action', acme.integrationId, () => integration.updateEmployee(acme, someone));
    await settle();
  }

  for (const conn of [acme, initech]) {
    const id = integration.knownEmployeeId(conn) ?? 1001;
    await attempt('passthrough', conn.integrationId, () => integration.passthrough(conn, `/v1/employees/${id}`));
  }
  await attempt('passthrough', globex.integrationId, () => integration.passthrough(globex, '/v1/employees/999999'));
  await attempt('passthrough', initech.integrationId, () =>
    integration.passthrough(initech, '/v1/absences?page_size=10')
  );

  for (const plan of flowPlans(options.runId)) {
    const sessionIds = FLOW_SCENARIOS[plan.scenario].map((_, i) => `sess_${plan.flowId.slice(5)}_${i + 1}`);
    for (const [i, sessionId] of sessionIds.entries()) {
      const submits = FLOW_SCENARIOS[plan.scenario][i]?.filter((step) => step.startsWith('submit_')).length ?? 0;
      report.operations.connection_flow += submits;
      await integration.flowSession(plan, i, sessionId);
    }
    report.flows.push({ ...plan, sessionIds });
  }

  if (options.webhookUrl) {
    await sendForgedWebhook(options.webhookUrl, acme);
    report.operations.incoming_webhook++;
  }

  // Wayne's admin revokes the token: a short burst of 401s, then a failed sync.
  integration.revokeToken(wayne.integrationId, Date.now() + 60_000);
  for (let i = 0; i < (options.burstSize ?? 6); i++) {
    await attempt('passthrough', wayne.integrationId, () =>
      integration.passthrough(wayne, `/v1/employees/${1001 + i}`)
    );
  }
  await attempt('sync', wayne.integrationId, () => integration.sync(wayne, 'delta'));
  integration.restoreToken(wayne.integrationId);
  await settle();
}

export interface DemoCycleOptions {
  /** OTLP/HTTP base URL; default OTEL_EXPORTER_OTLP_ENDPOINT, then http://localhost:4318. */
  otlpEndpoint?: string;
  serviceName?: string;
  seed?: number;
  runId?: string;
  /** Use this SDK instance instead of starting one (the caller flushes and shuts it down). */
  il?: IntegrationLogsApi;
}

export interface DemoCycleResult extends CycleReport {
  runId: string;
  webhookDeliveries: WebhookDelivery[];
}

export interface InProcessDemo {
  tool: DemoTool;
  integration: DemoIntegration;
  toolUrl: string;
  /** The integration's webhook base URL (`<base>/<tool>`). */
  webhookBase: string;
  close(): Promise<void>;
}

/** The demo tool and the integration's webhook server on free 127.0.0.1 ports, faults off. */
export async function startInProcessDemo({
  il,
  seed = DEFAULT_TOOL_OPTIONS.seed,
  onWebhookDelivery,
}: {
  il: IntegrationLogsApi;
  seed?: number;
  onWebhookDelivery?: (delivery: WebhookDelivery) => void;
}): Promise<InProcessDemo> {
  const webhookSecret = 'demo-in-process-secret';
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const webhookBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  const tool = createDemoTool({
    seed,
    errorRate: 0,
    slowRate: 0,
    rateLimit: { capacity: 10_000, refillPerSecond: 10_000 },
    // Rate limiting without the clock: every fifth request of globex gets a 429, and the
    // client retries at once (waitScale 0), so the cycle shows 429s, Retry-After and resends.
    throttleEveryNth: { acc_globex: 5 },
    webhookUrl: webhookBase,
    webhookSecret,
    onWebhookDelivery,
  });
  const toolUrl = await tool.listen(0);
  const integration = new DemoIntegration({ il, toolUrl, webhookSecret, seed, waitScale: 0 });
  handle = integration.webhookHandler();
  return {
    tool,
    integration,
    toolUrl,
    webhookBase,
    async close() {
      await tool.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Starts the demo tool and the integration's webhook server on free 127.0.0.1 ports, runs
 * one cycle with faults off, flushes the telemetry and stops everything. When it starts
 * the SDK itself (no `il` given and none running), it shuts the SDK down at the end.
 */
export async function runDemoCycle(options: DemoCycleOptions = {}): Promise<DemoCycleResult> {
  const runId = options.runId ?? randomBytes(4).toString('hex');
  const running = options.il ?? getIntegrationLogs();
  const owned = running
    ? undefined
    : startTelemetry({
        serviceName: options.serviceName,
        endpoint: otlpEndpoint(options.otlpEndpoint),
        scheduledDelayMs: 200,
      });
  const il = (running ?? owned) as IntegrationLogsApi;
  const deliveries: WebhookDelivery[] = [];
  let demo: InProcessDemo | undefined;
  try {
    demo = await startInProcessDemo({
      il,
      seed: options.seed,
      onWebhookDelivery: (delivery) => deliveries.push(delivery),
    });
    const report = await runCycleSteps(demo.integration, { runId, tool: demo.tool, webhookUrl: demo.webhookBase });
    report.operations.incoming_webhook += deliveries.length;
    return { ...report, runId, webhookDeliveries: deliveries };
  } finally {
    await demo?.close();
    if (owned) await owned.shutdown();
    else await (il as { forceFlush?: () => Promise<void> }).forceFlush?.();
  }
}

/** Someone who does not know the signing secret posts a webhook: the integration must answer 401. */
async function sendForgedWebhook(webhookUrl: string, conn: DemoIntegration['connections'][number]): Promise<void> {
  const forged = JSON.stringify({
    id: 'evt_forged',
    type: 'employee.deleted',
    account_id: conn.accountId,
    data: { employee: { id: 1001 } },
  });
  const res = await fetch(`${webhookUrl}/${conn.tool}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-demo-event': 'employee.deleted',
      'x-demo-account': conn.accountId,
      'x-demo-signature': 't=0,v1=00',
    },
    body: forged,
  });
  await res.arrayBuffer();
  if (res.status !== 401) throw new Error(`a forged webhook was answered ${res.status}, not 401`);
}
