// Spreads the demo integration's work over time: syncs, actions, passthrough calls,
// connection flows whose sessions are minutes apart, and now and then a customer revoking
// a token (a burst of 401s, for the 4xx-spike alert). DEMO_SPEED divides every interval.
import { createRandom, deriveSeed, type Random } from '../shared/random.js';
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
  const runner = new JobRunner(speed, random);
  scheduleSyncs(runner, integration);
  scheduleActions(runner, integration, random);
  schedulePassthrough(runner, integration, random);
  scheduleFlows(runner, integration, random, seed);
  scheduleTokenRevocations(runner, integration, random, log);
  runner.logTallyEvery(MINUTE, log);
  return { stop: () => runner.stop() };
}

/** The schedule's timers and outcome tally: every job runs through it, so stop() ends them all. */
class JobRunner {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly tally = { ok: 0, failed: 0 };
  stopped = false;

  constructor(
    private readonly speed: number,
    private readonly random: Random
  ) {}

  /** A base interval at this speed. */
  ms(base: number): number {
    return Math.max(10, base / this.speed);
  }

  /** A random interval in [min, max), at this speed. */
  between([min, max]: readonly [number, number]): number {
    return this.ms(min + this.random.next() * (max - min));
  }

  sleep(delay: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, delay);
      this.timers.add(t);
    });
  }

  /** Starts `what` in the background and counts how it ends. */
  run(what: () => Promise<unknown>): void {
    if (this.stopped) return;
    what().then(
      () => this.tally.ok++,
      () => this.tally.failed++ // expected now and then (401, 422, tool errors); the telemetry shows why
    );
  }

  /** Repeats `fn` every `interval` after `first`; skips a turn while the previous one still runs. */
  every(interval: number, first: number, fn: () => Promise<unknown>): void {
    let busy = false;
    const tick = () => {
      if (busy || this.stopped) return;
      busy = true;
      this.run(() => fn().finally(() => (busy = false)));
    };
    const t0 = setTimeout(() => {
      this.timers.delete(t0);
      tick();
      const t = setInterval(tick, interval);
      this.timers.add(t);
    }, first);
    this.timers.add(t0);
  }

  logTallyEvery(interval: number, log: (line: string) => void): void {
    const status = setInterval(() => {
      log(
        `operations in the last minute: ${this.tally.ok} succeeded, ${this.tally.failed} failed (failures are part of the demo)`
      );
      this.tally.ok = 0;
      this.tally.failed = 0;
    }, interval);
    status.unref();
    this.timers.add(status);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    this.timers.clear();
  }
}

/** A full and a delta sync per connection, staggered so they do not all start together. */
function scheduleSyncs(runner: JobRunner, integration: DemoIntegration): void {
  integration.connections.forEach((conn, i) => {
    runner.every(runner.ms(SCHEDULE.fullSyncEvery), runner.ms(i * 3 * SECOND), () => integration.sync(conn, 'full'));
    runner.every(runner.ms(SCHEDULE.deltaSyncEvery), runner.ms(SCHEDULE.deltaSyncEvery / 2 + i * 7 * SECOND), () =>
      integration.sync(conn, 'delta')
    );
  });
}

/** Employee updates and creations, some of them invalid (a 422). */
function scheduleActions(runner: JobRunner, integration: DemoIntegration, random: Random): void {
  runner.every(runner.ms(SCHEDULE.actionEvery), runner.ms(10 * SECOND), async () => {
    const conn = random.pick(integration.connections);
    const roll = random.next();
    const employee = integration.knownEmployeeId(conn);
    if (roll < 0.3 && employee !== undefined) return integration.updateEmployee(conn, employee);
    return integration.createEmployee(conn, { invalid: roll > 0.85 });
  });
}

/** Passthrough reads of one employee, now and then one that does not exist (a 404). */
function schedulePassthrough(runner: JobRunner, integration: DemoIntegration, random: Random): void {
  runner.every(runner.ms(SCHEDULE.passthroughEvery), runner.ms(5 * SECOND), async () => {
    const conn = random.pick(integration.connections);
    const id = random.chance(0.1) ? 990_000 + random.int(0, 999) : (integration.knownEmployeeId(conn) ?? 1001);
    return integration.passthrough(conn, `/v1/employees/${id}`);
  });
}

/** Connection flows of prospects, each in sessions minutes apart. */
function scheduleFlows(runner: JobRunner, integration: DemoIntegration, random: Random, seed: number): void {
  let flowCount = 0;
  runner.every(runner.ms(SCHEDULE.flowEvery), runner.ms(2 * SECOND), async () => {
    const prospect = random.pick(PROSPECTS);
    const scenario: FlowScenario = random.pick(['connected', 'connected', 'abandoned', 'abandoned', 'failed']);
    const flowId = `flow_${seed}_${Date.now().toString(36)}_${++flowCount}`;
    // A few employees per prospect try to connect, some of them more than once (not drawn
    // from `random`, so the seeded schedule stays what it was).
    const endUserId = `usr_${prospect.customerId.slice(4)}_${String((flowCount % 3) + 1).padStart(4, '0')}`;
    const plan: FlowPlan = { flowId, scenario, endUserId, ...prospect };
    const sessions = FLOW_SCENARIOS[scenario].length;
    // Sessions run in the background: later ones start minutes after the first.
    runner.run(async () => {
      for (let i = 0; i < sessions; i++) {
        if (i > 0) await runner.sleep(runner.between(SCHEDULE.sessionGap));
        if (runner.stopped) return;
        await integration.flowSession(plan, i, `sess_${plan.flowId.slice(5)}_${i + 1}`, () =>
          runner.sleep(runner.between(SCHEDULE.stepGap))
        );
      }
    });
  });
}

/** Now and then a customer revokes a token: a burst of 401s, for the 4xx-spike alert. */
function scheduleTokenRevocations(
  runner: JobRunner,
  integration: DemoIntegration,
  random: Random,
  log: (line: string) => void
): void {
  runner.every(runner.ms(SCHEDULE.burstEvery), runner.ms(SCHEDULE.firstBurstAfter), async () => {
    const conn: Connection = random.pick(integration.connections);
    log(
      `${conn.customerId} revoked the ${conn.tool} token of ${conn.integrationId}: a burst of 401s for the next ${Math.round(runner.ms(SCHEDULE.burstLength) / SECOND)}s`
    );
    const until = Date.now() + runner.ms(SCHEDULE.burstLength);
    integration.revokeToken(conn.integrationId, until);
    while (Date.now() < until && !runner.stopped) {
      runner.run(() => integration.passthrough(conn, `/v1/employees/${integration.knownEmployeeId(conn) ?? 1001}`));
      await runner.sleep(runner.ms(SCHEDULE.burstRequestEvery));
    }
    integration.restoreToken(conn.integrationId);
  });
}
