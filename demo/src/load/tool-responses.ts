// Bodies the load tool's API answers with: HRIS-like employee pages of a set size, a few
// dozen distinct ones so the SDK's redaction does real work rather than hitting its memo.
import { createRandom, type Random } from '../shared/random.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Berners-Lee',
];
const TITLES = ['Engineer', 'Recruiter', 'Accountant', 'Designer', 'Support Lead', 'Sales Manager'];

function employee(random: Random, id: number): Record<string, unknown> {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  return {
    id,
    first_name: first,
    last_name: last,
    email: `${first}.${last}.${id}@example.com`.toLowerCase(),
    job_title: random.pick(TITLES),
    department_id: random.int(1, 40),
    employment_status: random.chance(0.95) ? 'active' : 'terminated',
    start_date: `20${random.int(10, 25)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    updated_at: new Date(1_780_000_000_000 + random.int(0, 1e10)).toISOString(),
  };
}

/** One page of employees, as JSON of exactly `bytes` bytes (padded with spaces). */
export function employeePage(bytes: number, seed: number): Buffer {
  const random = createRandom(seed);
  const data: Array<Record<string, unknown>> = [];
  let json = JSON.stringify({ data, next_cursor: null });
  for (let id = seed * 1000; ; id++) {
    data.push(employee(random, id));
    const next = JSON.stringify({ data, next_cursor: `c${id}` });
    if (Buffer.byteLength(next) > bytes) {
      data.pop();
      break;
    }
    json = next;
  }
  return Buffer.from(json.padEnd(Math.max(bytes, json.length), ' '));
}

export const DISTINCT_PAGES = 64;
