/**
 * The redactor remembers recent results (the last value per attribute key, scanned
 * allow-listed header values). A remembered result must never stand in for a different
 * value: these interleave benign and secret values under the same key or header.
 */
import { createRedactor } from '../../src/redaction/index.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('remembered redaction results', () => {
  test('attributeFor: a secret after a benign value under the same key is redacted, and back', () => {
    const r = createRedactor();
    for (let i = 0; i < 3; i++) {
      expect(r.attributeFor('app.note', 'all good')).toBe('all good');
      expect(r.attributeFor('app.note', `token ${jwt}`)).not.toContain(jwt);
      expect(r.attributeFor('app.note', 'all good')).toBe('all good');
    }
  });

  test('attributeFor: the same text as a string and as a one-element array keeps its shape', () => {
    const r = createRedactor();
    expect(r.attributeFor('http.response.header.x-request-id', ['abc-1'])).toEqual(['abc-1']);
    expect(r.attributeFor('http.response.header.x-request-id', 'abc-1')).toBe('abc-1');
    expect(r.attributeFor('http.response.header.x-request-id', ['abc-1'])).toEqual(['abc-1']);
    expect(r.attributeFor('http.request.header.authorization', ['Bearer abc'])).toEqual(['[REDACTED]']);
    expect(r.attributeFor('http.request.header.authorization', 'Bearer abc')).toBe('[REDACTED]');
  });

  test('attributeFor: returned arrays are fresh copies, so a caller changing one cannot change the next', () => {
    const r = createRedactor();
    const first = r.attributeFor('http.request.header.authorization', ['Bearer abc']) as string[];
    first[0] = 'changed';
    expect(r.attributeFor('http.request.header.authorization', ['Bearer abc'])).toEqual(['[REDACTED]']);
  });

  test('attributeFor: the key decides, not only the value', () => {
    const r = createRedactor();
    expect(r.attributeFor('app.label', 'hunter2-value')).toBe('hunter2-value');
    expect(r.attributeFor('password', 'hunter2-value')).toBe('[REDACTED]');
    expect(r.attributeFor('app.label', 'hunter2-value')).toBe('hunter2-value');
  });

  test('attributeFor(url.full): only the last url() output itself is taken as already redacted', () => {
    const r = createRedactor();
    const raw = 'https://u:p@api.example.com/v1/x?api_key=abc123&page=2';
    const red = r.url(raw);
    expect(red).toBe('https://REDACTED:REDACTED@api.example.com/v1/x?api_key=REDACTED&page=2');
    expect(r.attributeFor('url.full', red)).toBe(red);
    expect(r.attributeFor('url.full', raw)).toBe(red);
    expect(r.attributeFor('url.full', 'https://api.example.com/v1/y?token=t0k3n')).toBe(
      'https://api.example.com/v1/y?token=REDACTED'
    );
  });

  test('attributeFor(url.path, url.query): parts of the last url() output pass; anything else is scanned', () => {
    const r = createRedactor();
    const red = r.url('https://api.example.com/v1/x/abc?api_key=abc123&page=2');
    expect(red).toBe('https://api.example.com/v1/x/abc?api_key=REDACTED&page=2');
    expect(r.attributeFor('url.path', '/v1/x/abc')).toBe('/v1/x/abc');
    expect(r.attributeFor('url.query', 'api_key=REDACTED&page=2')).toBe('api_key=REDACTED&page=2');
    // the raw parts are not in the redacted URL: scanned like any other value
    expect(r.attributeFor('url.query', 'api_key=abc123&page=2')).toBe('api_key=REDACTED&page=2');
    expect(r.attributeFor('url.path', '/v1/x?api_key=abc123')).toBe('/v1/x?api_key=REDACTED');
    expect(r.attributeFor('url.query', 'access_token=t0k3n')).toBe('access_token=REDACTED');
  });

  test('attributeFor: the key rule is remembered per key, for every value under it', () => {
    const r = createRedactor();
    for (let i = 0; i < 3; i++) {
      expect(r.attributeFor('app.pin', 1234 + i)).toBe('[REDACTED]');
      expect(r.attributeFor('server.port', 8080 + i)).toBe(8080 + i);
      expect(r.attributeFor('app.password', `pw-${i}`)).toBe('[REDACTED]');
      expect(r.attributeFor('app.count', 10 + i)).toBe(10 + i);
    }
  });

  test('headers: a remembered allow-listed value does not leak into a header that is not allowed', () => {
    const r = createRedactor();
    for (let i = 0; i < 3; i++) {
      expect(r.headers({ 'x-request-id': 'req-42', 'x-secret-thing': 'req-42' })).toEqual({
        'x-request-id': 'req-42',
        'x-secret-thing': '[REDACTED]',
      });
      expect(r.headers({ 'x-request-id': `Bearer ${jwt}` })['x-request-id']).not.toContain(jwt);
    }
  });

  test('headers: many distinct values cycle through the memo and stay correct', () => {
    const r = createRedactor();
    for (let i = 0; i < 1000; i++) {
      const v = i % 2 ? `req-${i}` : `token=${jwt}${i}`;
      const out = r.headers({ 'x-request-id': v })['x-request-id'] as string;
      if (i % 2) expect(out).toBe(v);
      else expect(out).not.toContain(jwt);
    }
  });
});
