/**
 * Property tests: generated secrets in generated places (JSON structures at any depth,
 * key spellings, URLs, headers, free text) never survive; generated non-sensitive data
 * comes out byte for byte; no input makes a function throw.
 *
 * Key rule under test (see src/redaction/keys.ts): a key is split into words (snake,
 * kebab, dots, camelCase); it is sensitive when a word, or adjacent words joined, is a
 * sensitive term, or a word contains an unambiguous term. `tokenizer_version` stays.
 */
import fc from 'fast-check';
import { createRedactor } from '../../src/redaction/index.js';
import { createKeyMatcher } from '../../src/redaction/keys.js';
import { redactText, redactTextUnchecked, type ScanContext } from '../../src/redaction/scan.js';
import {
  ALNUM,
  anySecret,
  chars,
  plainSecret,
  sensitiveKey,
  shapedSecret,
} from '@integration-logs/test-support/redaction';

const r = createRedactor();
// Deterministic in CI; FC_SEED=<n> replays a run, FC_SEED=random explores, FC_RUNS=<n> goes longer.
const seedEnv = process.env.FC_SEED;
fc.configureGlobal({ seed: seedEnv === 'random' ? Date.now() : Number(seedEnv ?? 20261126) });
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

// ---- generators (secret ones in secret-corpus.ts)
/** Keys an HRIS payload has; none is sensitive. */
const SAFE_KEYS = [
  'id',
  'remote_id',
  'first_name',
  'lastName',
  'display-name',
  'work_email',
  'job.title',
  'tokenizer_version',
  'author',
  'authority',
  'spinner',
  'classname',
  'passport_country',
  'keyboard_layout',
  'primary_key',
  'secretary',
  'start_date',
  'employment_status',
  'manager',
  'groups',
  'items',
  'data',
  'next',
  'cursor_position',
  'description',
  'opinion',
  'pinned',
];
const safeKey = fc.constantFrom(...SAFE_KEYS);

const safeLeaf = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Ada Lovelace',
    'ada@example.com',
    '2024-01-15T09:30:00.000Z',
    '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f',
    'https://cdn.example.com/a.png',
    'Software Engineer'
  )
);
const safeJson: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    safeLeaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(safeKey, tie('node'), { maxKeys: 4 })
  ),
})).node;

/** Wraps `inner` in `depth` levels of objects/arrays with harmless siblings. */
function nestIn(inner: unknown, steps: { array: boolean; key: string; pos: number; sibling: unknown }[]): unknown {
  let v = inner;
  for (const s of steps) {
    if (s.array) {
      const arr = [s.sibling, s.sibling];
      arr.splice(s.pos % 3, 0, v);
      v = arr;
    } else {
      v = { before: s.sibling, [s.key]: v, after: s.sibling };
    }
  }
  return v;
}
const steps = fc.array(fc.record({ array: fc.boolean(), key: safeKey, pos: fc.nat(), sibling: safeLeaf }), {
  maxLength: 20,
});

// ---- properties
describe('JSON bodies', () => {
  test('a secret under a sensitive key (any spelling, any depth) is gone; JSON stays valid', () => {
    fc.assert(
      fc.property(sensitiveKey, anySecret, steps, safeJson, fc.boolean(), (key, secret, path, noise, pretty) => {
        const doc = nestIn({ [key]: secret, noise }, path);
        const src = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
        const out = r.body(src, 'application/json');
        expect(out).not.toContain(secret);
        expect(() => JSON.parse(out)).not.toThrow();
        expect(Object.keys(JSON.stringify(JSON.parse(out))).length).toBeGreaterThan(0);
      }),
      RUNS
    );
  });

  test('every leaf under a sensitive key is gone: objects, arrays, numbers', () => {
    fc.assert(
      fc.property(
        sensitiveKey,
        fc.array(fc.oneof(plainSecret, fc.integer({ min: 1e12, max: 9e12 }).map(String)), {
          minLength: 1,
          maxLength: 5,
        }),
        steps,
        (key, secrets, path) => {
          const doc = nestIn(
            { [key]: { inner: secrets, more: { deeper: secrets.map(Number).filter(Number.isFinite) } } },
            path
          );
          const out = r.body(JSON.stringify(doc), 'application/json');
          for (const s of secrets) expect(out).not.toContain(s);
        }
      ),
      RUNS
    );
  });

  test('shaped secrets in free-text values and JSON inside strings are gone', () => {
    fc.assert(
      fc.property(
        shapedSecret,
        sensitiveKey,
        plainSecret,
        steps,
        fc.constantFrom('request failed: ', 'got ', 'token=', ''),
        (shaped, key, plain, path, prefix) => {
          const doc = nestIn(
            { message: `${prefix}${shaped} while syncing`, raw: JSON.stringify({ [key]: plain, ok: 1 }) },
            path
          );
          const out = r.body(JSON.stringify(doc), 'application/json');
          expect(out).not.toContain(shaped);
          expect(out).not.toContain(plain);
          expect(out).toContain('while syncing');
        }
      ),
      RUNS
    );
  });

  test('the one-pass JSON scanner agrees with redacting the parsed value', () => {
    const key = fc.oneof(safeKey, sensitiveKey, shapedSecret);
    const leaf = fc.oneof(
      safeLeaf,
      anySecret,
      fc.integer(),
      fc.constantFrom('', 'x', 'Bearer abcdefgh12345678', 'a=b&key=c', '{"token":"t"}')
    );
    const doc = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 })
      ),
    })).node;
    fc.assert(
      fc.property(doc, (v) => {
        const src = JSON.stringify(v);
        if (src === undefined) return;
        // parsed: two keys that both redact to "[REDACTED]" collapse in an object, not in text
        expect(JSON.parse(r.body(src, 'application/json'))).toEqual(r.attribute(v));
      }),
      RUNS
    );
  });

  test('non-sensitive JSON comes out byte for byte (no over-redaction)', () => {
    fc.assert(
      fc.property(safeJson, fc.boolean(), (doc, pretty) => {
        const src = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
        if (src === undefined) return;
        expect(r.body(src, 'application/json')).toBe(src);
      }),
      RUNS
    );
  });
});

describe('URLs and forms', () => {
  const segment = chars('abcdefghijklmnopqrstuvwxyz0123456789-', 1, 12);
  const safeParams = fc.array(
    fc.tuple(fc.constantFrom('page', 'limit', 'q', 'sort', 'updated_since', 'cursor'), chars(ALNUM, 0, 10)),
    { maxLength: 4 }
  );
  test('a secret query value under a sensitive name is gone; names and other params stay', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        safeParams,
        sensitiveKey,
        anySecret,
        fc.nat(),
        (segs, params, name, secret, pos) => {
          const all: [string, string][] = [...params];
          all.splice(pos % (params.length + 1), 0, [name, secret]);
          const query = all.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const url = `https://api.example.com/${segs.join('/')}?${query}`;
          const out = r.url(url);
          expect(out).not.toContain(secret);
          expect(out).toContain(`${encodeURIComponent(name)}=REDACTED`);
          for (const [k, v] of params) expect(out).toContain(`${k}=${encodeURIComponent(v)}`);
          expect(r.url(out)).toBe(out);
          const form = r.body(query, 'application/x-www-form-urlencoded');
          expect(form).not.toContain(secret);
        }
      ),
      RUNS
    );
  });

  test('user info is gone from any URL', () => {
    fc.assert(
      fc.property(plainSecret, plainSecret, fc.array(segment, { maxLength: 3 }), (user, pass, segs) => {
        const out = r.url(`https://${user}:${pass}@host.example.com/${segs.join('/')}`);
        expect(out).not.toContain(user);
        expect(out).not.toContain(pass);
        expect(out.startsWith('https://REDACTED:REDACTED@host.example.com/')).toBe(true);
      }),
      RUNS
    );
  });
});

describe('headers and free text', () => {
  test('credential and unknown headers never show their values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Authorization',
          'Cookie',
          'Set-Cookie',
          'Proxy-Authorization',
          'X-API-Key',
          'Api-Key',
          'X-Auth-Token',
          'X-Access-Token',
          'X-Secret-Thing',
          'X-Unknown'
        ),
        plainSecret,
        (name, secret) => {
          const u = createRedactor({ allowedHeaders: [name, 'x-unknown-other'] });
          const out = JSON.stringify(
            u.headers({
              [name]: name === 'X-Unknown' ? secret : `Bearer ${secret}`,
              'content-type': 'application/json',
            })
          );
          if (name === 'X-Unknown')
            expect(out).toContain(secret); // allow-listed on purpose by the user
          else expect(out).not.toContain(secret);
          expect(JSON.stringify(r.headers({ [name]: secret }))).not.toContain(secret);
        }
      ),
      RUNS
    );
  });

  const words = fc
    .array(
      fc.constantFrom(
        'the',
        'sync',
        'failed',
        'for',
        'employee',
        'Ada',
        'retry',
        'in',
        '5s',
        'status',
        '401',
        'token',
        'expired',
        'basic',
        'info'
      ),
      { maxLength: 8 }
    )
    .map((w) => w.join(' '));
  test('bearer/basic credentials, key=value secrets and shaped secrets in text are gone; the words stay', () => {
    fc.assert(
      fc.property(
        words,
        words,
        plainSecret,
        shapedSecret,
        sensitiveKey,
        fc.constantFrom('=', ': ', '="'),
        (before, after, plain, shaped, key, sep) => {
          const cases = [
            `${before} Authorization: Bearer ${plain} ${after}`,
            `${before} Bearer ${plain} ${after}`,
            `${before} ${key}${sep}${plain}${sep.endsWith('"') ? '"' : ''} ${after}`,
            `${before} ${shaped} ${after}`,
            `${before} Basic ${Buffer.from(`user:${plain}`).toString('base64')} ${after}`,
          ];
          for (const c of cases) {
            const out = r.text(c);
            expect(out).not.toContain(plain);
            expect(out).not.toContain(shaped);
            expect(out.startsWith(before)).toBe(true);
            // a "Cookie: ..." header line is redacted to its end on purpose (a=b; c=d)
            if (!(/cookie/i.test(key) && sep === ': ' && c.includes(`${key}${sep}`)))
              expect(out.endsWith(after)).toBe(true);
            expect(r.text(out)).toBe(out);
          }
        }
      ),
      RUNS
    );
  });

  test('plain sentences survive unchanged', () => {
    fc.assert(
      fc.property(words, (s) => {
        expect(r.text(s)).toBe(s);
      }),
      RUNS
    );
  });
});

describe('the pre-check', () => {
  // text() skips the full scan when a cheap one-pass check finds nothing that could start a
  // secret; it must never skip a string the full scan would change
  const ctx: ScanContext = {
    keys: createKeyMatcher(),
    replacement: '[REDACTED]',
    urlReplacement: 'REDACTED',
    mask: () => '[REDACTED]',
    urlMask: () => 'REDACTED',
    showRule: false,
    extraPatterns: [],
  };
  const fragment = fc.oneof(
    fc.constantFrom(
      ' ',
      '.',
      ':',
      '=',
      '"',
      "'",
      '&',
      '?',
      '/',
      '-',
      '_',
      '<',
      '>',
      '{',
      '}',
      '\\',
      '09:30',
      'https://',
      '@',
      '\n'
    ),
    fc.constantFrom(
      'password',
      'token',
      'Bearer',
      'basic',
      'api_key',
      'key',
      'code',
      'secret',
      'ada',
      'example',
      'com',
      'sk_live_',
      'ghp_',
      'eyJ',
      'AKIA'
    ),
    chars(ALNUM, 1, 40),
    chars('0123456789abcdef-', 8, 48),
    shapedSecret
  );
  test('gated and ungated scans agree', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 12 }).map((a) => a.join('')),
        (s) => {
          expect(redactText(ctx, s)).toBe(redactTextUnchecked(ctx, s));
        }
      ),
      { numRuns: 10 * RUNS.numRuns }
    );
  });
});

describe('robustness', () => {
  test('no input makes any function throw', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.json(),
      fc.constantFrom('{"a":', '[[[', '\ud800', '%E0%A4%A', '?&=#', '-----BEGIN PRIVATE KEY-----')
    );
    fc.assert(
      fc.property(
        input,
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'text/xml',
          'text/plain',
          undefined
        ),
        (s, ct) => {
          expect(typeof r.body(s, ct)).toBe('string');
          expect(typeof r.text(s)).toBe('string');
          expect(typeof r.url(s)).toBe('string');
          expect(typeof r.query(s)).toBe('string');
          expect(typeof r.headers({ [s]: s, location: s })).toBe('object');
          r.attribute({ [s]: [s, { s }] });
        }
      ),
      { numRuns: 2 * RUNS.numRuns }
    );
  });
});
