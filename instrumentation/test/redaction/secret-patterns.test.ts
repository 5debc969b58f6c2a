/**
 * The one list of secret-value patterns (src/redaction/secret-patterns.json): the SDK reads
 * its token formats, the collector has all of it as `blocked_values`
 * (provisioning/test/collector-redaction.test.ts keeps the two equal). Here: every regex
 * reads the same in JavaScript and RE2, finds what the SDK hides under the rule it names,
 * and finds nothing in the benign corpus, so the collector masks no data the SDK shows.
 */
import fc from 'fast-check';
import { createRedactor } from '../../src/redaction/index.js';
import { SECRET_VALUE_PATTERNS, type SecretPattern } from '../../src/redaction/tokens.js';
import {
  candidate,
  crmRecords,
  employee,
  Gen,
  graphqlPage,
  htmlBody,
  requestUrl,
  responseHeaders,
  ticket,
  webhookEvent,
} from '@integration-logs/test-support/redaction';
import { outsideCommonSubset } from '@integration-logs/test-support/redaction';
import { jwt, plainSecret, tokenOf, TOKEN_FORMATS } from '@integration-logs/test-support/redaction';

const r = createRedactor({ showRule: true });
const SAMPLES = { seed: 20261130, numRuns: 25 };
const regexOf = (p: SecretPattern) => new RegExp(p.regex, 'g');

test('names are unique and every regex is in the subset JavaScript and RE2 read alike', () => {
  const names = SECRET_VALUE_PATTERNS.map((p) => p.name);
  expect(new Set(names).size).toBe(names.length);
  expect(SECRET_VALUE_PATTERNS.map((p) => [p.name, outsideCommonSubset(p.regex)])).toEqual(
    SECRET_VALUE_PATTERNS.map((p) => [p.name, []])
  );
  for (const p of SECRET_VALUE_PATTERNS) {
    expect(p.description.length).toBeGreaterThan(10);
    expect(() => regexOf(p)).not.toThrow();
  }
});

test('every regex starts with a literal, so the collector scans bodies with a substring search', () => {
  // Go's regexp looks for a leading literal with a substring search; a leading \b, class
  // or alternation makes it run the automaton from every byte (about 30x slower on bodies).
  const startsWithLiteral = (re: string) => /^(?:[A-Za-z0-9_/-]|\\[.])/.test(re);
  expect(SECRET_VALUE_PATTERNS.filter((p) => !startsWithLiteral(p.regex)).map((p) => p.name)).toEqual([]);
  expect(['\\bsk-x', '[Bb]earer', '(?:sk|rk)_'].filter(startsWithLiteral)).toEqual([]);
});

test('the subset check names what RE2 or JavaScript would read differently', () => {
  expect(outsideCommonSubset('(?<=key=)[a-z]+')).toEqual(['group (?<=']);
  expect(outsideCommonSubset('(a)\\1')).toEqual(['back-reference \\1']);
  expect(outsideCommonSubset('(?i)token')).toEqual(['group (?i)']);
  expect(outsideCommonSubset('(?i)token', { leadingCaseFlag: true })).toEqual([]);
  expect(outsideCommonSubset('bearer\\s+.+')).toEqual(['\\s outside [\\s\\S]', 'bare .']);
  expect(outsideCommonSubset('\\Aabc\\z [[:alpha:]]')).toEqual(['escape \\A', 'escape \\z', 'POSIX class [:...:]']);
  expect(outsideCommonSubset('[\\s\\S]*?x{2,}[.]\\x41')).toEqual([]);
});

/** The rule the SDK names for one hidden value in `text`, or what it left. */
function hiddenBy(text: string, secret: string): string {
  const out = r.text(text);
  return out.includes(secret)
    ? `shown: ${out}`
    : (/\[REDACTED:(\w+)\]|REDACTED:(\w+)/.exec(out)?.slice(1).find(Boolean) ?? out);
}

describe.each(TOKEN_FORMATS.map((p) => [p.name, p] as const))('token format %s', (_name, format) => {
  const samples = fc.sample(format.rule === 'jwt' ? jwt : tokenOf(format), SAMPLES);
  test('the SDK hides it under its rule, and the regex finds all of it in text', () => {
    for (const token of samples) {
      const text = `sync failed: ${token} rejected`;
      expect([token, hiddenBy(text, token)]).toEqual([token, format.rule]);
      expect([token, text.replace(regexOf(format), '[REDACTED]')]).toEqual([token, 'sync failed: [REDACTED] rejected']);
    }
  });
});

test('AWS key ids and Slack tokens of every kind are listed', () => {
  const tokens = [
    ...['AKIA', 'ASIA'].map((kind) => `${kind}Q3EGXMPL7Z2RWN4K`),
    ...['b', 'p', 'a', 'r', 's', 'e', 'o'].map((kind) => `xox${kind}-2718281828-3141592653-Zx9Kq`),
  ];
  for (const token of tokens) {
    const listed = SECRET_VALUE_PATTERNS.filter((p) => p.rule === 'prefix').some(
      (p) => `see ${token}.`.replace(regexOf(p), '[REDACTED]') === 'see [REDACTED].'
    );
    expect([token, listed, hiddenBy(`see ${token}.`, token)]).toEqual([token, true, 'prefix']);
  }
});

describe('structural patterns: the SDK rule of the same name hides what the regex finds', () => {
  const cases: Record<'scheme' | 'pem' | 'userinfo', (secret: string) => string> = {
    scheme: (s) => `request failed with Bearer ${s} at step 2`,
    pem: (s) => `key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${s}\n-----END RSA PRIVATE KEY-----\ndone`,
    userinfo: (s) => `connect to postgres://app:${s}@db.internal:5432/main failed`,
  };
  test.each(Object.keys(cases) as (keyof typeof cases)[])('%s', (rule) => {
    const pattern = SECRET_VALUE_PATTERNS.find((p) => p.rule === rule)!;
    for (const secret of fc.sample(plainSecret, SAMPLES)) {
      const text = cases[rule](secret);
      expect([secret, hiddenBy(text, secret)]).toEqual([secret, rule]);
      expect(text.replace(regexOf(pattern), '[REDACTED]')).not.toContain(secret);
    }
  });
});

/** Every string in a value: object keys, leaves, header values. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

test('no pattern finds anything in the benign corpus or in prose about credentials', () => {
  const g = new Gen(20261130);
  const texts: string[] = [
    'Bearer authentication required',
    'Bearer 2FA required',
    'use a Bearer token.',
    'Bearer realm="api"',
    'see sk-learn-tutorials-and-more and key-rotationschedule-weekly',
    'token expired, please re-authenticate',
  ];
  for (let i = 0; i < 40; i++) {
    for (const make of [employee, candidate, crmRecords, ticket, webhookEvent, graphqlPage]) {
      const doc = make(g);
      strings(doc, texts);
      texts.push(JSON.stringify(doc));
    }
    strings(responseHeaders(g), texts);
    texts.push(htmlBody(g), requestUrl(g));
  }
  expect(texts.length).toBeGreaterThan(10_000);
  const found = texts.flatMap((t) =>
    SECRET_VALUE_PATTERNS.flatMap((p) => (t.match(regexOf(p)) ?? []).map((m) => `${p.name}: ${m}`))
  );
  expect(found).toEqual([]);
});
