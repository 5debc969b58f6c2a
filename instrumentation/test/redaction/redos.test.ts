/**
 * No ReDoS, measured by backtracking steps rather than time: the redaction code runs in a
 * child node whose regex engine counts backtracks and reports any single regex execution
 * that exceeds a bound proportional to the input size (V8's
 * --regexp-backtracks-before-fallback with tracing). Known exponential and quadratic
 * patterns in the same child must be reported, so the check itself is shown to work.
 *
 * Limit: V8 unwinds a greedy single-class loop (`[a-z]*x`) by moving the position, which it
 * does not count. The scan patterns that can unwind such a loop start only after a
 * look-behind boundary, so each run is unwound at most once (see scan.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';

/** Large enough that n^2/2 (what a quadratic pattern costs) dwarfs the bound, small enough
 *  that it stays below 2^31, where V8's counter would wrap. */
const SIZE = 32 * 1024;
/** Linear: at most 16 backtracks per input character in any one regex execution (a
 *  failed alternative at a position counts as one; a quadratic pattern needs thousands). */
const BACKTRACK_BOUND = 16 * SIZE;

/** Compiles the redaction module (and copies its data files), and the modules outside it that it imports, into `dir` as src/ lays them out. */
function buildRedaction(dir: string): void {
  const src = path.join(__dirname, '..', '..', 'src');
  const files = [
    ...fs
      .readdirSync(path.join(src, 'redaction'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join('redaction', f)),
    'ending-span-processor.ts',
    'diagnostics.ts',
  ];
  fs.mkdirSync(path.join(dir, 'redaction'));
  for (const f of files) {
    const { code } = transformSync(fs.readFileSync(path.join(src, f), 'utf8'), {
      filename: path.basename(f),
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    fs.writeFileSync(path.join(dir, f.replace(/\.ts$/, '.js')), code);
  }
  for (const f of fs.readdirSync(path.join(src, 'redaction')).filter((f) => f.endsWith('.json'))) {
    fs.copyFileSync(path.join(src, 'redaction', f), path.join(dir, 'redaction', f));
  }
  // The one package they import (diag), required by its file: resolving a package's
  // "exports" runs Node's own regexes, whose traces would read as findings.
  const api = path.join(dir, 'node_modules', '@opentelemetry', 'api');
  fs.mkdirSync(api, { recursive: true });
  fs.writeFileSync(
    path.join(api, 'index.js'),
    `module.exports = require(${JSON.stringify(require.resolve('@opentelemetry/api'))});`
  );
}

const runner = (size: number) => `
const { createRedactor } = require('./redaction/index.js');
const S = ${size};
const rep = (s) => s.repeat(Math.ceil(S / s.length)).slice(0, S);
const inputs = [
  rep('a'), rep('a.'), rep('a '), rep('a:'), rep('a='), rep('password='), rep('password: '), rep('"password":"'),
  rep("token='"), rep('Bearer '), rep('Basic a'), rep('-----BEGIN '), '-----BEGIN RSA PRIVATE KEY-----' + rep('A'),
  rep('https://'), rep('http://a@'), rep('a://b?c=d&'), rep('<a '), '<' + rep('a'), rep('<password>'), rep('eyJ'),
  rep('eyJa.'), rep('='), rep('.') + 'x', rep('aaaaaaaaaaaaaaa '), rep('aA1-'), rep('aA1/'), 'x=' + rep('a'),
  rep('%'), rep('&'), rep('?'), rep('#'), rep('\\\\'), rep('\\\\"'), rep('['), rep('{"a":'), rep('{"password":['),
  rep('"'), rep('{"a":"\\\\u00'), rep('ghp_'), rep('sk_live_'), rep('AKIA'), rep('xoxb-'), rep('0:0 '), rep('\\n'),
  rep('a\\tb:\\t'), rep('key=value; '), rep('Cookie: a=b; '), rep('<a b="'), rep('<a:b:c'), rep('--b\\r\\n'),
];
const r = createRedactor({ extraKeys: ['employee_number'] });
let n = 0;
const calls = [
  ['text', (s) => r.text(s)],
  ['json', (s) => r.body(s, 'application/json')],
  ['form', (s) => r.body(s, 'application/x-www-form-urlencoded')],
  ['multipart', (s) => r.body(s, 'multipart/form-data; boundary=b')],
  ['xml', (s) => r.body(s, 'text/xml')],
  ['untyped', (s) => r.body(s)],
  ['url', (s) => r.url(s) + r.url('https://x.io/' + s) + r.url('https://x.io/?q=' + s)],
  ['query', (s) => r.query(s)],
  ['headers', (s) => JSON.stringify(r.headers({ location: s, 'x-other': s }))],
  ['attribute', (s) => JSON.stringify(r.attribute({ [s.slice(0, 200)]: s }))],
];
for (const [i, s] of inputs.entries()) {
  for (const [name, fn] of calls) {
    process.stdout.write('@input ' + i + ' ' + JSON.stringify(s.slice(0, 12)) + ' ' + name + '\\n');
    n += fn(s).length;
  }
}
process.stdout.write('\\nredaction done ' + inputs.length + ' ' + n + '\\n');
// controls: an exponential pattern on a tiny input and a quadratic one on input of the
// same size must both be reported by the engine
/(a+)+b/.test('a'.repeat(40) + 'c');
process.stdout.write('control 2\\n');
/(?:a|b)*:/.test(rep('ab'));
process.stdout.write('control done\\n');
`;

test('every regex execution stays within 16 backtracks per input character on pathological input', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redos-'));
  try {
    buildRedaction(dir);
    fs.writeFileSync(path.join(dir, 'run.js'), runner(SIZE));
    const child = spawnSync(
      process.execPath,
      [
        '--enable-experimental-regexp-engine-on-excessive-backtracks',
        `--regexp-backtracks-before-fallback=${BACKTRACK_BOUND}`,
        '--trace-experimental-regexp-engine',
        path.join(dir, 'run.js'),
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const out = child.stdout;
    const done = out.indexOf('redaction done');
    expect(done).toBeGreaterThanOrEqual(0);
    // each report is attributed to the input and function that ran just before it
    let current = '';
    const reports: string[] = [];
    for (const line of out.slice(0, done).split('\n')) {
      if (line.startsWith('@input ')) current = line.slice(7);
      else if (/experimental|not supported/i.test(line)) reports.push(`${current}: ${line.slice(0, 120)}`);
    }
    expect(reports).toEqual([]);
    const [exponential, quadratic] = out.slice(done, out.indexOf('control done')).split('control 2');
    expect(exponential).toMatch(/Experimental execution/);
    expect(quadratic).toMatch(/Experimental execution/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
