// Command-line options of `npm run load`. A malformed value is a clear error, never a
// silent default.
import { parseArgs } from 'node:util';

export interface LoadOptions {
  /** Operations started per second in the sustained phase. */
  rate: number;
  /** Length of the sustained phase, seconds (0: none). */
  durationS: number;
  /** Operations sent as fast as the SDK takes them before the sustained phase (0: none). */
  burstOps: number;
  /** HTTP requests to the tool per operation. */
  requestsPerOp: number;
  /** Size of each tool response body, bytes. */
  responseBytes: number;
  /** Distinct customers the operations are spread over. */
  customers: number;
  /** Operations in flight at most; past it the achieved rate falls behind the target. */
  maxInFlight: number;
  /** The SDK's bounded export queue per signal. */
  sdkQueue: number;
  /** One operation in this many also goes to the probe tool, whose arrival in Loki is timed. */
  probeEvery: number;
  /** OTLP/HTTP endpoint of the collector. */
  otlpEndpoint: string;
  /** Loki's HTTP API (the one the collector writes to). */
  lokiUrl: string;
  /** X-Scope-OrgID for Loki, when multi-tenant. */
  lokiTenant: string | undefined;
  /** How long to wait for the last records to arrive, seconds. */
  settleS: number;
}

const HELP = `npm run load -- [options]

Drives the integration-logs SDK at a target rate against a local tool that answers with
JSON bodies of a set size, then reports what reached Loki and what the app's queries cost.

  --rate N              operations per second in the sustained phase (default 200)
  --duration S          seconds of sustained load (default 60; 0 for none)
  --burst N             operations sent at once before it, e.g. 2000 x 10 requests (default 0)
  --requests-per-op N   requests to the tool per operation (default 10)
  --response-bytes N    size of each tool response body (default 2048)
  --customers N         customers the operations are spread over (default 1000)
  --max-in-flight N     operations in flight at most (default 512)
  --sdk-queue N         the SDK's export queue per signal (default 16384)
  --probe-every N       time the arrival of one operation in N (default 100)
  --otlp URL            collector (default OTEL_EXPORTER_OTLP_ENDPOINT or http://localhost:4318)
  --loki URL            Loki (default LOKI_URL or http://localhost:3100)
  --loki-tenant ID      X-Scope-OrgID for Loki (default LOKI_TENANT)
  --settle S            seconds to wait for the last records (default 120)
`;

function positive(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} ${JSON.stringify(raw)} is not a whole number >= ${min}`);
  return n;
}

function url(name: string, raw: string): string {
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new Error(`--${name} ${JSON.stringify(raw)} is not a URL`);
  }
}

/** Parses argv; returns undefined after printing help for --help. */
export function parseLoadOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: 'string' },
      duration: { type: 'string' },
      burst: { type: 'string' },
      'requests-per-op': { type: 'string' },
      'response-bytes': { type: 'string' },
      customers: { type: 'string' },
      'max-in-flight': { type: 'string' },
      'sdk-queue': { type: 'string' },
      'probe-every': { type: 'string' },
      otlp: { type: 'string' },
      loki: { type: 'string' },
      'loki-tenant': { type: 'string' },
      settle: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return undefined;
  }
  const options: LoadOptions = {
    rate: positive('rate', values.rate, 200),
    durationS: positive('duration', values.duration, 60, 0),
    burstOps: positive('burst', values.burst, 0, 0),
    requestsPerOp: positive('requests-per-op', values['requests-per-op'], 10, 0),
    responseBytes: positive('response-bytes', values['response-bytes'], 2048, 2),
    customers: positive('customers', values.customers, 1000),
    maxInFlight: positive('max-in-flight', values['max-in-flight'], 512),
    sdkQueue: positive('sdk-queue', values['sdk-queue'], 16_384, 512),
    probeEvery: positive('probe-every', values['probe-every'], 100),
    otlpEndpoint: url('otlp', values.otlp ?? env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318'),
    lokiUrl: url('loki', values.loki ?? env.LOKI_URL ?? 'http://localhost:3100'),
    lokiTenant: values['loki-tenant'] ?? env.LOKI_TENANT,
    settleS: positive('settle', values.settle, 120),
  };
  if (options.burstOps === 0 && options.durationS === 0) throw new Error('Nothing to send: give --burst or --duration');
  return options;
}
