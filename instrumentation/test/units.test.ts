/** Pure pieces: url templates, rate-limit headers, flow sessions, body rendering, safe values. */
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { BodyCapture, renderBody } from '../src/body-capture.js';
import { FlowSessions } from '../src/flow-sessions.js';
import { parseRetryAfter, rateLimitAttributes } from '../src/rate-limit.js';
import { safeJson, sanitizeAttributes } from '../src/safe-values.js';
import { inferUrlTemplate } from '../src/url-template.js';

describe('inferUrlTemplate', () => {
  test.each([
    ['/v1/employees', '/v1/employees'],
    ['/v1/employees/12345', '/v1/employees/{id}'],
    ['/v2/candidates/3f2b8c1e-9d4a-4b6f-8e2a-1c5d7e9f0a3b/notes', '/v2/candidates/{id}/notes'],
    ['/api/objects/0123456789abcdef0123/fields', '/api/objects/{id}/fields'],
    ['/users/emp_8f3k29dk/avatar', '/users/{id}/avatar'],
    ['/oauth2/token', '/oauth2/token'],
    ['/reports/2024-01', '/reports/2024-01'],
    ['/people/ada%40example.com', '/people/{id}'],
    ['/', '/'],
    ['', '/'],
  ])('%s -> %s', (path, template) => {
    expect(inferUrlTemplate(path)).toBe(template);
  });

  test('numeric ids never survive into the template (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('employees', 'v1', 'jobs'), { maxLength: 3 }), fc.nat(), (prefix, id) => {
        const t = inferUrlTemplate(`/${[...prefix, String(id)].join('/')}`);
        expect(t).toBe(`/${[...prefix, '{id}'].join('/')}`);
      })
    );
  });
});

describe('rate limits', () => {
  test('Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  test('X-RateLimit-* wins over RateLimit-*', () => {
    expect(
      rateLimitAttributes({ 'x-ratelimit-remaining': '3', 'ratelimit-remaining': '9', 'ratelimit-limit': '10' })
    ).toEqual({
      'integration.ratelimit.remaining': '3',
      'integration.ratelimit.limit': '10',
    });
  });

  test('a response without rate-limit headers has no rate-limit facts', () => {
    expect(rateLimitAttributes({ 'content-type': 'application/json', 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('FlowSessions', () => {
  test('events within the gap share a session; a longer pause starts a new one', () => {
    const s = new FlowSessions(1000);
    const a = s.sessionFor('f', 0);
    expect(s.sessionFor('f', 900)).toBe(a);
    expect(s.sessionFor('f', 1800)).toBe(a); // gap measured from the last event
    const b = s.sessionFor('f', 2801);
    expect(b).not.toBe(a);
    expect(s.sessionFor('other', 2801)).not.toBe(b);
  });

  test('a caller-supplied session id wins and is remembered', () => {
    const s = new FlowSessions(1000);
    expect(s.sessionFor('f', 0, 'given')).toBe('given');
    expect(s.sessionFor('f', 10)).toBe('given');
  });

  test('the map stays bounded, forgetting the least recently used flow', () => {
    const s = new FlowSessions(1000, 100);
    const keep = s.sessionFor('keep', 0);
    for (let i = 0; i < 1000; i++) {
      s.sessionFor(`flow-${i}`, 1);
      if (i % 50 === 0) s.sessionFor('keep', 1);
    }
    expect(s.size).toBe(100);
    expect(s.sessionFor('keep', 2)).toBe(keep);
  });
});

describe('body rendering', () => {
  const id = (t: string) => t;
  test('capture keeps at most the cap and counts the rest', () => {
    const c = new BodyCapture(10);
    c.add(Buffer.from('hello '));
    c.add('world, and more');
    c.add(new Uint8Array([1, 2, 3]));
    expect(c.total).toBe(6 + 15 + 3);
    expect(c.bytes().toString()).toBe('hello worl');
    expect(c.truncated).toBe(true);
  });

  test('a cut inside a multi-byte character stays valid text', () => {
    const c = new BodyCapture(5);
    c.add('ab€cd'); // € is 3 bytes: the cut falls inside it
    const r = renderBody(c, 'text/plain', undefined, 5, id);
    expect(r.bodyEncoding).toBe('utf8');
    expect(r.bodyTruncated).toBe(true);
    expect(r.body!.startsWith('ab')).toBe(true);
  });

  test('gzip bombs are bounded', () => {
    const c = new BodyCapture(1 << 20);
    c.add(zlib.gzipSync(Buffer.alloc(50_000_000)));
    const r = renderBody(c, 'text/plain', 'gzip', 1024, id);
    expect(r.body === null || r.body.length <= 4096).toBe(true);
  });

  test('arbitrary bytes never throw and round-trip through base64 when binary', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(undefined, 'application/octet-stream', 'text/plain', 'application/json'),
        (bytes, ct) => {
          const c = new BodyCapture(64);
          c.add(bytes);
          const r = renderBody(c, ct, undefined, 64, id);
          expect(r.bodySize).toBe(bytes.length);
          if (r.bodyEncoding === 'base64')
            expect(Buffer.from(r.body!, 'base64').equals(Buffer.from(bytes.subarray(0, 64)))).toBe(true);
        }
      )
    );
  });
});

describe('safe values', () => {
  test('safeJson handles cycles, BigInt and bounds its output', () => {
    const o: Record<string, unknown> = { n: 1n };
    o.o = o;
    expect(safeJson(o)).toBe('{"n":"1","o":"[Circular]"}');
    expect(safeJson({ s: 'x'.repeat(100) }, 20)).toHaveLength(20);
  });

  test('sanitizeAttributes keeps primitives and homogeneous arrays only', () => {
    expect(sanitizeAttributes({ a: 1, b: 'x', c: [1, 2], d: [1, 'x'], e: { k: 1 }, f: () => 1, g: undefined })).toEqual(
      {
        a: 1,
        b: 'x',
        c: [1, 2],
        d: '[1,"x"]',
        e: '{"k":1}',
      }
    );
  });
});
