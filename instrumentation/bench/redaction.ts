/**
 * Redacting a ~100 KB JSON body (an HRIS employees page with some secret fields) against
 * JSON.parse + JSON.stringify of the same body: interleaved batches in one process, median
 * of each, ratio of the medians. Target: <= 2.
 */
import { createRedactor } from '../src/redaction/index.js';
import type { BenchRow } from './types.js';

/** Small deterministic PRNG so every run redacts the same body. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
];
const TITLES = [
  'Software Engineer',
  'Senior Product Manager',
  'HR Business Partner',
  'Account Executive',
  'Data Analyst',
];
const DEPTS = ['Engineering', 'Product', 'People', 'Sales', 'Finance'];

export function hrisEmployeesPage(targetBytes = 100_000, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const date = () => `20${10 + Math.floor(r() * 15)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  const results: unknown[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const e = {
      id: uuid(),
      remote_id: String(10000 + i),
      employee_number: `E-${1000 + i}`,
      first_name: first,
      last_name: last,
      display_full_name: `${first} ${last}`,
      work_email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
      personal_email: null,
      mobile_phone_number: `+49 30 ${Math.floor(r() * 9e6 + 1e6)}`,
      ssn: `${100 + i}-45-${1000 + i}`,
      tax_id: `DE${Math.floor(r() * 1e9)}`,
      gender: r() < 0.5 ? 'FEMALE' : 'MALE',
      date_of_birth: `${date()}T00:00:00.000Z`,
      start_date: `${date()}T00:00:00.000Z`,
      termination_date: null,
      employment_status: 'ACTIVE',
      job_title: pick(TITLES),
      avatar: `https://cdn.example.com/avatars/${uuid()}.png`,
      home_address: {
        street_1: `${Math.floor(r() * 200)} Main Street`,
        city: 'Berlin',
        zip_code: '10115',
        country: 'DE',
      },
      bank_accounts: [
        {
          iban: `DE89370400440532013${String(i).padStart(3, '0')}`,
          bic: 'COBADEFFXXX',
          account_owner_name: `${first} ${last}`,
        },
      ],
      manager: { id: uuid(), first_name: pick(FIRST) },
      groups: [{ id: uuid(), name: pick(DEPTS), type: 'DEPARTMENT' }],
      employments: [
        {
          id: uuid(),
          job_title: pick(TITLES),
          pay_rate: Math.round(r() * 90000 + 40000),
          pay_period: 'YEAR',
          pay_currency: 'EUR',
          effective_date: `${date()}T00:00:00.000Z`,
        },
      ],
      custom_fields: {
        t_shirt_size: 'M',
        onboarding_token: i % 25 === 0 ? `tok_${hex(32)}` : null,
        notes: 'Prefers async communication; works from the Berlin office.',
      },
      changed_at: `${date()}T12:34:56.789Z`,
      remote_deleted_at: null,
    };
    results.push(e);
    size += JSON.stringify(e).length;
  }
  return JSON.stringify({ status: 'success', data: { next: `eyJwYWdlIjoy${hex(12)}`, results } });
}

function timeBatch(fn: () => void, iterations: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - t0) / iterations;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchRedaction(): Promise<BenchRow> {
  const body = hrisEmployeesPage();
  const redactor = createRedactor();
  let sink = 0;
  const baseline = () => {
    sink += JSON.stringify(JSON.parse(body)).length;
  };
  const redact = () => {
    sink += redactor.body(body, 'application/json').length;
  };
  // sanity: the benchmark must measure real redaction
  const once = redactor.body(body, 'application/json');
  if (!once.includes('"ssn":"[REDACTED]"') || once.includes('"iban":"DE89'))
    throw new Error('redaction bench: body was not redacted');
  for (let i = 0; i < 30; i++) {
    baseline();
    redact();
  }
  const rounds = 41;
  const iterations = 10;
  const base: number[] = [];
  const red: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      base.push(timeBatch(baseline, iterations));
      red.push(timeBatch(redact, iterations));
    } else {
      red.push(timeBatch(redact, iterations));
      base.push(timeBatch(baseline, iterations));
    }
  }
  const b = median(base);
  const r = median(red);
  if (sink === 0) throw new Error('unreachable');
  return {
    name: 'redact 100 KB JSON body vs JSON.parse+stringify',
    ratio: Number((r / b).toFixed(2)),
    target: '<= 2',
    detail: `body ${(body.length / 1024).toFixed(0)} KiB; median redaction ${(r / 1e6).toFixed(3)} ms vs parse+stringify ${(b / 1e6).toFixed(3)} ms (${rounds} interleaved batches of ${iterations})`,
  };
}

if (require.main === module) {
  benchRedaction().then((row) => console.log(JSON.stringify(row, null, 2)));
}
