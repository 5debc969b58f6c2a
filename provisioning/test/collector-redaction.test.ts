// The collector's redaction processor against the SDK's redaction rules. Its blocked_values
// are the SDK's list (instrumentation/src/redaction/secret-patterns.json); its key patterns
// agree with the SDK's key rule and header table as far as RE2 on a key can; and through
// the real collector, the SDK's secret corpus sent past the SDK comes out masked while a
// sample of its benign corpus comes out untouched.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { HEADER_TABLE, isSensitiveKey, SECRET_VALUE_PATTERNS } from '@integration-logs/instrumentation/redaction-rules';
import { OtlpSink, waitFor, type AttrMap } from '@integration-logs/test-support';
import {
  allSensitiveKeys,
  candidate,
  crmRecords,
  employee,
  Gen,
  graphqlPage,
  htmlBody,
  jwt,
  outsideCommonSubset,
  plainSecret,
  requestUrl,
  responseHeaders,
  sensitiveKey,
  ticket,
  tokenOf,
  TOKEN_FORMATS,
  webhookEvent,
} from '@integration-logs/test-support/redaction';
import { describeWith, otelcol } from './support/binaries.js';
import { Collector, collectorConfig } from './support/collector.js';
import type { CollectorConfig } from './support/documents.js';
import { readYaml } from './support/files.js';

const redaction = readYaml<CollectorConfig>(collectorConfig).processors.redaction;

/** The processor's key test in JavaScript: ignored keys pass, any blocked pattern masks ((?i) is the i flag). */
const keyPatterns = redaction.blocked_key_patterns.map((p) =>
  p.startsWith('(?i)') ? new RegExp(p.slice(4), 'i') : new RegExp(p)
);
const collectorMasksKey = (key: string) =>
  !(redaction.ignored_keys ?? []).includes(key) && keyPatterns.some((re) => re.test(key));

/**
 * Keys the SDK hides that RE2 on the key cannot tell from data: `session` also names data
 * (`integration.flow.session.id`, "Morning session"), and a token glued to a word that is
 * not a credential word (`myToken`) reads like a paging position (`nextPageToken`).
 */
const beyondKeyPatterns = (key: string) => /session/i.test(key) || /^(?:new|x|db|my)Token/i.test(key);

/** A header attribute as the SDK's header table treats the header (`*` entries get a name). */
const headerAttributes = Object.entries(HEADER_TABLE).flatMap(([name, treatment]) =>
  ['request', 'response'].map((side) => ({
    key: `http.${side}.header.${name.replace(/\*$/, 'example')}`,
    hidden: treatment === 'hidden',
  }))
);

/** Every key in a document, alone and as a dotted path from the root (the form flattened attributes take). */
function keysOf(v: unknown, path = '', out = new Set<string>()): Set<string> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.add(k).add(path + k);
      keysOf(x, `${path}${k}.`, out);
    }
  } else if (Array.isArray(v)) v.forEach((x) => keysOf(x, path, out));
  return out;
}

/** Benign documents of every kind the SDK's benign corpus makes, from one seed. */
function benignDocuments(count: number): Record<string, unknown>[] {
  const g = new Gen(20261130);
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    for (const make of [employee, candidate, crmRecords, ticket, webhookEvent, graphqlPage])
      docs.push(make(g) as Record<string, unknown>);
  }
  return docs;
}

describe('collector redaction config', () => {
  test('blocked_values are the shared secret-pattern list, in its order', () => {
    expect(redaction.blocked_values).toEqual(SECRET_VALUE_PATTERNS.map((p) => p.regex));
  });

  test('key patterns read the same in RE2 and JavaScript', () => {
    expect(redaction.blocked_key_patterns.flatMap((p) => outsideCommonSubset(p, { leadingCaseFlag: true }))).toEqual(
      []
    );
  });

  test('every key spelling the SDK hides is masked, but for what RE2 on a key cannot tell', () => {
    const hidden = allSensitiveKeys().filter((k) => isSensitiveKey(k));
    expect(hidden.length).toBeGreaterThan(5000);
    expect(hidden.filter((k) => !collectorMasksKey(k) && !beyondKeyPatterns(k))).toEqual([]);
  });

  test('keys the SDK shows stay: the benign corpus, describing keys, paging positions', () => {
    const describing = [
      'token_type',
      'access_token_type',
      'credential_kind',
      'password_changed_at',
      'password_count',
      'num_active_sessions',
      'is_token_valid',
      'max_tokens',
    ];
    describing.push(
      'token_url',
      'session_expires_at',
      'nextPageToken',
      'syncToken',
      'NextToken',
      'tokenizer_version',
      'author',
      'spinner',
      'secretary'
    );
    expect(describing.filter((k) => isSensitiveKey(k))).toEqual([]);
    const keys = [...keysOf(benignDocuments(20)), ...describing];
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter(collectorMasksKey)).toEqual([]);
  });

  test('header attributes follow the SDK header table: credential headers masked, shown ones kept', () => {
    const disagree = headerAttributes.filter(({ key, hidden }) => collectorMasksKey(key) !== hidden);
    expect(disagree).toEqual([]);
    expect(collectorMasksKey('http.response.header.access-control-allow-credentials')).toBe(false);
  });
});

// ---- through the real collector

type Body = string | Record<string, unknown>;
interface Case {
  id: string;
  attributes: Record<string, unknown>;
  body: Body;
}

/** An OTLP/JSON AnyValue. */
function anyValue(v: unknown): object {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  if (v !== null && typeof v === 'object') return { kvlistValue: { values: keyValues(v as Record<string, unknown>) } };
  return {};
}
const keyValues = (o: Record<string, unknown>) =>
  Object.entries(o).map(([key, value]) => ({ key, value: anyValue(value) }));

const SCOPE = { name: '@integration-logs/instrumentation' };
const hexId = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, '0');

/** Each case as a log record and as a span (same attributes), sent as OTLP/JSON. */
async function send(otlpHttpUrl: string, cases: Case[]): Promise<void> {
  const resource = { attributes: keyValues({ 'service.name': 'redaction-test' }) };
  const now = String(BigInt(Date.now()) * 1_000_000n);
  const attributes = (c: Case) => keyValues({ ...c.attributes, 'test.case': c.id });
  const logRecords = cases.map((c) => ({
    timeUnixNano: now,
    severityNumber: 9,
    body: anyValue(c.body),
    attributes: attributes(c),
  }));
  const spans = cases.map((c, i) => ({
    traceId: hexId(i + 1, 16),
    spanId: hexId(i + 1, 8),
    name: 'redaction case',
    kind: 1,
    startTimeUnixNano: now,
    endTimeUnixNano: now,
    attributes: attributes(c),
  }));
  const requests = {
    '/v1/logs': { resourceLogs: [{ resource, scopeLogs: [{ scope: SCOPE, logRecords }] }] },
    '/v1/traces': { resourceSpans: [{ resource, scopeSpans: [{ scope: SCOPE, spans }] }] },
  };
  for (const [path, payload] of Object.entries(requests)) {
    const res = await fetch(`${otlpHttpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(200);
  }
}

const SAMPLES = { seed: 20261130, numRuns: 3 };

/** The SDK's secret corpus, placed where only the collector can catch it; `secret` must vanish. */
function secretCases(): (Case & { secret: string })[] {
  const cases: (Case & { secret: string })[] = [];
  const inText = (id: string, secret: string, text: string) => {
    cases.push({ id: `${id} attribute`, secret, attributes: { 'app.note': text }, body: 'see app.note' });
    cases.push({ id: `${id} body`, secret, attributes: {}, body: text });
    cases.push({ id: `${id} map body`, secret, attributes: {}, body: { error: { detail: text, code: 502 } } });
  };
  for (const format of TOKEN_FORMATS) {
    for (const token of fc.sample(format.rule === 'jwt' ? jwt : tokenOf(format), SAMPLES))
      inText(format.name, token, `sync failed: ${token} rejected`);
  }
  for (const [i, s] of fc.sample(plainSecret, SAMPLES).entries()) {
    inText(`bearer ${i}`, s, `request failed with Bearer ${s} at step 2`);
    inText(`pem ${i}`, s, `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg${s}\n-----END PRIVATE KEY-----`);
    inText(`userinfo ${i}`, s, `connect to postgres://app:${s}@db.internal:5432/main failed`);
    cases.push({
      id: `url.full ${i}`,
      secret: s,
      attributes: { 'url.full': `https://svc:${s}@api.tool.example/v1/employees` },
      body: '',
    });
  }
  const keys = [
    ...new Set(
      fc.sample(
        sensitiveKey.filter((k) => !beyondKeyPatterns(k)),
        { seed: 20261130, numRuns: 40 }
      )
    ),
  ];
  const headers = headerAttributes.filter((h) => h.hidden).map((h) => h.key);
  const secrets = fc.sample(plainSecret, { seed: 7, numRuns: keys.length + headers.length });
  keys.forEach((key, i) => {
    const secret = secrets[i]!;
    cases.push({ id: `key ${key}`, secret, attributes: { [key]: secret }, body: '' });
    cases.push({
      id: `map body key ${key}`,
      secret,
      attributes: {},
      body: { request: { body: { [key]: secret, name: 'Ada' } } },
    });
  });
  headers.forEach((key, i) => {
    const secret = secrets[keys.length + i]!;
    cases.push({ id: key, secret, attributes: { [key]: [`Bearer ${secret}`] }, body: '' });
  });
  return cases;
}

/** A sample of the SDK's benign corpus and prose about credentials: everything must come back as sent. */
function benignCases(): Case[] {
  const g = new Gen(20261201);
  const flat = (v: unknown, path: string, out: Record<string, unknown>): Record<string, unknown> => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      for (const [k, x] of Object.entries(v)) flat(x, path ? `${path}.${k}` : k, out);
    else if (v !== null && !(Array.isArray(v) && v.some((x) => typeof x === 'object'))) out[path] = v;
    return out;
  };
  const cases: Case[] = benignDocuments(6).flatMap((doc, i) => [
    { id: `benign map body ${i}`, attributes: {}, body: doc },
    { id: `benign attributes ${i}`, attributes: flat(doc, '', {}), body: JSON.stringify(doc) },
  ]);
  for (let i = 0; i < 6; i++) {
    const headers = Object.fromEntries(
      Object.entries(responseHeaders(g)).map(([k, v]) => [`http.response.header.${k}`, [v].flat()])
    );
    cases.push({ id: `benign headers ${i}`, attributes: { ...headers, 'url.full': requestUrl(g) }, body: htmlBody(g) });
  }
  const prose = [
    'Bearer authentication required',
    'Bearer 2FA required',
    'use a Bearer token.',
    'Bearer realm="api"',
    'Basic information about the employee',
  ];
  prose.forEach((text, i) =>
    cases.push({
      id: `prose ${i}`,
      attributes: { 'app.note': text, token_type: 'bearer', credential_kind: 'oauth2', num_active_sessions: 3 },
      body: text,
    })
  );
  return cases;
}

/** Paths where `got` differs from `expected`, with both values. */
function changes(got: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (isDeepStrictEqual(got, expected)) return out;
  if (got !== null && expected !== null && typeof got === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(got), ...Object.keys(expected)]);
    for (const k of keys)
      changes((got as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}/${k}`, out);
  } else out.push(`${path}: ${JSON.stringify(expected)} -> ${JSON.stringify(got)}`);
  return out;
}

describeWith([otelcol()], 'collector redaction on the real collector', (bin) => {
  const tempo = new OtlpSink();
  const loki = new OtlpSink();
  let collector: Collector;
  const secrets = secretCases();
  const benign = benignCases();

  beforeAll(async () => {
    await tempo.start();
    await loki.start();
    collector = new Collector(bin.otelcol as string, {
      tempoUrl: tempo.url,
      lokiUrl: `${loki.url}/otlp`,
      remoteWriteUrl: 'http://127.0.0.1:9/api/v1/write',
    });
    await collector.start();
    await send(collector.otlpHttpUrl, [...secrets, ...benign]);
    const ids = [...secrets, ...benign].map((c) => c.id);
    await waitFor('every case at the Tempo and Loki stand-ins', () =>
      ids.every(
        (id) =>
          tempo.spans.some((s) => s.attributes['test.case'] === id) &&
          loki.logs.some((r) => r.attributes['test.case'] === id)
      )
    );
  });

  afterAll(async () => {
    await collector?.dispose();
    await tempo.stop();
    await loki.stop();
  });

  const received = (id: string) => ({
    span: tempo.spans.find((s) => s.attributes['test.case'] === id)!,
    record: loki.logs.find((r) => r.attributes['test.case'] === id)!,
  });
  const withoutCase = (a: AttrMap) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'test.case'));

  test('masks the SDK secret corpus sent past the SDK, in attributes, string bodies and map bodies', () => {
    expect(secrets.length).toBeGreaterThan(150);
    const leaks = secrets.filter((c) => {
      const { span, record } = received(c.id);
      return JSON.stringify([span.attributes, record.attributes, record.body]).includes(c.secret);
    });
    expect(leaks.map((c) => `${c.id}: ${c.secret}`)).toEqual([]);
    for (const c of secrets) {
      const { record } = received(c.id);
      const counted =
        Number(record.attributes['redaction.masked.count'] ?? 0) +
        Number(record.attributes['redaction.body.masked.count'] ?? 0);
      expect([c.id, counted > 0]).toEqual([c.id, true]);
    }
  });

  test('passes the benign corpus untouched: describing keys, CORS credentials header, prose, ids, hashes', () => {
    expect(benign.length).toBeGreaterThan(20);
    const changed = benign.flatMap((c) => {
      const { span, record } = received(c.id);
      const sent = JSON.parse(JSON.stringify({ attributes: c.attributes, body: c.body })) as {
        attributes: AttrMap;
        body: unknown;
      };
      const got = [withoutCase(span.attributes), withoutCase(record.attributes), record.body];
      const expected = [sent.attributes, sent.attributes, sent.body];
      return isDeepStrictEqual(got, expected) ? [] : [{ id: c.id, changed: changes(got, expected) }];
    });
    expect(changed).toEqual([]);
  });
});
