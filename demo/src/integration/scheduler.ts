// Spreads the demo integration's work over time: syncs, actions, passthrough calls,
// connection flows whose sessions are minutes apart, and now and then a customer revoking
// a token (a burst of 401s, for the 4xx-spike alert). DEMO_SPEED divides every interval.
import { createRandom, deriveSeed } from '../shared/random.js';
import type { Connection } from './connections.js';
import { DemoIntegration, FLOW_SCENARIOS, type FlowPlan, type FlowScenario } from './demo-integration.js';

export interface ScheduleOptions {
  /** 1 = real time; 10 = ten times faster. */
  speed: number;
  seed: number;
  log: (line: string) => void;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Base intervals at speed 1. */
export const SCHEDULE = {
  fullSyncEvery: 15 * MINUTE,
  deltaSyncEvery: 1 * MINUTE,
  actionEvery: 20 * SECOND,
  passthroughEvery: 15 * SECOND,
  flowEvery: 1 * MINUTE,
  /** Between two sessions of one flow. */
  sessionGap: [1 * MINUTE, 6 * MINUTE],
  /** Between two steps inside a session. */
  stepGap: [2 * SECOND, 12 * SECOND],
  burstEvery: 10 * MINUTE,
  firstBurstAfter: 3 * MINUTE,
  burstLength: 1 * MINUTE,
  burstRequestEvery: 1 * SECOND,
} as const;

const PROSPECTS: readonly { customerId: string; accountId: string }[] = [
  { customerId: 'cus_soylent', accountId: 'acc_soylent' },
  { customerId: 'cus_hooli', accountId: 'acc_hooli' },
  { customerId: 'cus_wayne', accountId: 'acc_wayne' },
  { customerId: 'cus_umbrella', accountId: 'acc_umbrella' },
];

export function startSchedule(integration: DemoIntegration, { speed, seed, log }: ScheduleOptions): { stop(): void } {
  const random = createRandom(deriveSeed(seed, 'schedule'));
  const timers = new Set<NodeJS.Timeout>();
  const ms = (base: number) => Math.max(10, base / speed);
  const between = ([min, max]: readonly [number, number]) => ms(min + random.next() * (max - min));
  const sleep = (delay: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, delay);
      timers.add(t);
    });
  const tally = { ok: 0, failed: 0 };
  let stopped = false;

  const run = (what: () => Promise<unknown>) => {
    if (stopped) return;
    what().then(
      () => tally.ok++,
      () => tally.failed++, // expected now and then (401, 422, tool errors); the telemetry shows why
    );
  };
  /** Repeats `fn` every `interval` after `first`; skips a turn while the previous one still runs. */
  const every = (interval: number, first: number, fn: () => Promise<unknown>) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      run(() => fn().finally(() => (busy = false)));
    };
    const t0 = setTimeout(() => {
      timers.delete(t0);
      tick();
      const t = setInterval(tick, interval);
      timers.add(t);
    }, first);
    timers.add(t0);
  };

  const connections = integration.connections;
  connections.forEach((conn, i) => {
    every(ms(SCHEDULE.fullSyncEvery), ms(i * 3 * SECOND), () => integration.sync(conn, 'full'));
    every(ms(SCHEDULE.deltaSyncEvery), ms(SCHEDULE.deltaSyncEvery / 2 + i * 7 * SECOND), () => integration.sync(conn, 'delta'));
  });

  every(ms(SCHEDULE.actionEvery), ms(10 * SECOND), async () => {
    const conn = random.pick(connections);
    const roll = random.next();
    const employee = integration.knownEmployeeId(conn);
    if (roll < 0.3 && employee !== undefined) return integration.updateEmployee(conn, employee);
    return integration.createEmployee(conn, { invalid: roll > 0.85 });
  });

  every(ms(SCHEDULE.passthroughEvery), ms(5 * SECOND), async () => {
    const conn = random.pick(connections);
    const id = random.chance(0.1) ? 990_000 + random.int(0, 999) : (integration.knownEmployeeId(conn) ?? 1001);
    return integration.passthrough(conn, `/v1/employees/${id}`);
  });

  let flowCount = 0;
  every(ms(SCHEDULE.flowEvery), ms(2 * SECOND), async () => {
    const prospect = random.pick(PROSPECTS);
    const scenario: FlowScenario = random.pick(['connected', 'connected', 'abandoned', 'abandoned', 'failed']);
    const flowId = `flow_${seed}_${Date.now().toString(36)}_${++flowCount}`;
    // A few employees per prospect try to connect, some of them more than once (not drawn
    // from `random`, so the seeded schedule stays what it was).
    const endUserId = `usr_${prospect.customerId.slice(4)}_${String((flowCount % 3) + 1).padStart(4, '0')}`;
    const plan: FlowPlan = { flowId, scenario, endUserId, ...prospect };
    const sessions = FLOW_SCENARIOS[scenario].length;
    // Sessions run in the background: later ones start minutes after the first.
    run(async () => {
      for (let i = 0; i < sessions; i++) {
        if (i > 0) await sleep(between(SCHEDULE.sessionGap));
        if (stopped) return;
        await integration.flowSession(plan, i, `sess_${plan.flowId.slice(5)}_${i + 1}`, () => sleep(between(SCHEDULE.stepGap)));
      }
    });
  });

  every(ms(SCHEDULE.burstEvery), ms(SCHEDULE.firstBurstAfter), async () => {
    const conn: Connection = random.pick(connections);
    log(`${conn.customerId} revoked the ${conn.tool} token of ${conn.integrationId}: a burst of 401s for the next ${Math.round(ms(SCHEDULE.burstLength) / SECOND)}s`);
    const until = Date.now() + ms(SCHEDULE.burstLength);
    integration.revokeToken(conn.integrationId, until);
    while (Date.now() < until && !stopped) {
      run(() => integration.passthrough(conn, `/v1/employees/${integration.knownEmployeeId(conn) ?? 1001}`));
      await sleep(ms(SCHEDULE.burstRequestEvery));
    }
    integration.restoreToken(conn.integrationId);
  });

  const status = setInterval(() => {
    log(`operations in the last minute: ${tally.ok} succeeded, ${tally.failed} failed (failures are part of the demo)`);
    tally.ok = 0;
    tally.failed = 0;
  }, MINUTE);
  status.unref();
  timers.add(status);

  return {
    stop() {
      stopped = true;
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      timers.clear();
    },
  };
}
