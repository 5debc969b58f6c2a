import { createRedactor } from '../../src/redaction/index.js';

const r = createRedactor();

describe('url()', () => {
  test('user info becomes REDACTED:REDACTED (OTel semconv), host and path stay', () => {
    expect(r.url('https://bob:hunter2@api.example.com/v1/x')).toBe('https://REDACTED:REDACTED@api.example.com/v1/x');
    expect(r.url('https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r.git')).toBe(
      'https://REDACTED@github.com/o/r.git'
    );
    expect(r.url('postgres://app:s3cret@db:5432/main')).toBe('postgres://REDACTED:REDACTED@db:5432/main');
  });

  test('secret query values become REDACTED, names and other values stay', () => {
    expect(r.url('https://x.io/a?page=2&api_key=abc123&limit=50')).toBe(
      'https://x.io/a?page=2&api_key=REDACTED&limit=50'
    );
    expect(r.url('https://x.io/a?access_token=t1&refresh_token=t2&client_secret=s&password=p')).toBe(
      'https://x.io/a?access_token=REDACTED&refresh_token=REDACTED&client_secret=REDACTED&password=REDACTED'
    );
    // parameter names that are secrets in URLs only
    expect(r.url('https://maps.example.com/api?key=k1&code=c1&sig=s1&state=xyz')).toBe(
      'https://maps.example.com/api?key=REDACTED&code=REDACTED&sig=REDACTED&state=xyz'
    );
    expect(
      r.url(
        'https://b.s3.amazonaws.com/f?X-Amz-Credential=AK%2F1&X-Amz-Signature=abc&X-Amz-Security-Token=t&X-Amz-Expires=300'
      )
    ).toBe(
      'https://b.s3.amazonaws.com/f?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Security-Token=REDACTED&X-Amz-Expires=300'
    );
  });

  test('names match in every spelling and encoding', () => {
    expect(r.url('/x?apiKey=1&API-KEY=2&Api_Key=3&api%5Fkey=4&x-api-key=5')).toBe(
      '/x?apiKey=REDACTED&API-KEY=REDACTED&Api_Key=REDACTED&api%5Fkey=REDACTED&x-api-key=REDACTED'
    );
  });

  test('a secret under an innocent name is found by its shape', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(r.url(`https://x.io/cb?next=${jwt}&page=1`)).toBe('https://x.io/cb?next=REDACTED&page=1');
    expect(r.url('https://x.io/cb?q=sk_live_51HxYzAbCdEfGhIjKlMnOpQr')).toBe('https://x.io/cb?q=REDACTED');
  });

  test('fragments (OAuth implicit flow) and key-like path segments', () => {
    // token_type names a kind of token, it holds none
    expect(r.url('https://app.io/cb#access_token=abc&token_type=bearer&expires_in=3600')).toBe(
      'https://app.io/cb#access_token=REDACTED&token_type=bearer&expires_in=3600'
    );
    expect(r.url('https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/getMe')).toBe(
      'https://api.telegram.org/REDACTED/getMe'
    );
    expect(
      r.url('https://hooks.example.com/hook/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')
    ).toBe('https://hooks.example.com/hook/REDACTED');
  });

  test('ids in paths are not secrets', () => {
    const u =
      'https://api.example.com/v1/employees/3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV?page=2';
    expect(r.url(u)).toBe(u);
    const t = 'https://api.example.com/traces/4bf92f3577b34da6a3ce929d0e0e4736';
    expect(r.url(t)).toBe(t);
  });

  test('relative URLs, bare values and malformed input never throw', () => {
    expect(r.url('/v1/x?token=abc')).toBe('/v1/x?token=REDACTED');
    expect(r.url('')).toBe('');
    expect(r.url('not a url at all')).toBe('not a url at all');
    expect(r.url('ht!tp://%%%?a=%E0%A4%A&token=x&%ZZ=1')).toBe('ht!tp://%%%?a=%E0%A4%A&token=REDACTED&%ZZ=1');
    expect(r.url('https://a@b@c:d@host/')).toBe('https://REDACTED:REDACTED@host/');
    expect(() => r.url(undefined as unknown as string)).not.toThrow();
    expect(r.url(42 as unknown as string)).toBe('42');
    const huge = 'https://x.io/?' + 'a=1&'.repeat(200_000) + 'token=zzz';
    expect(r.url(huge).endsWith('token=REDACTED')).toBe(true);
  });

  test('is idempotent', () => {
    const once = r.url('https://u:p@x.io/a?token=abc&x=1#code=c');
    expect(r.url(once)).toBe(once);
  });
});

describe('query()', () => {
  test('a bare query string, as in url.query', () => {
    expect(r.query('a=1&token=x&b=')).toBe('a=1&token=REDACTED&b=');
    expect(r.query('?secret=1&q=hello')).toBe('?secret=REDACTED&q=hello');
    expect(r.query('')).toBe('');
  });
});

describe('headers()', () => {
  test('names are lower-cased; allow-listed values stay, others are redacted', () => {
    expect(
      r.headers({
        'Content-Type': 'application/json',
        'X-RateLimit-Remaining': 5,
        'RateLimit-Reset': '30',
        'Retry-After': '12',
        'X-Request-Id': 'req_123',
        'X-Custom-Thing': 'internal',
        Authorization: 'Bearer abc.def.ghi',
        'X-Dropped': undefined,
      })
    ).toEqual({
      'content-type': 'application/json',
      'x-ratelimit-remaining': '5',
      'ratelimit-reset': '30',
      'retry-after': '12',
      'x-request-id': 'req_123',
      'x-custom-thing': '[REDACTED]',
      authorization: '[REDACTED]',
    });
  });

  test('credential headers stay redacted even when a user allow-lists them', () => {
    const u = createRedactor({
      allowedHeaders: [
        'Authorization',
        'Cookie',
        'Set-Cookie',
        'Proxy-Authorization',
        'X-API-Key',
        'Api-Key',
        'X-Auth-Token',
        'X-Hub-Signature-256',
        'x-tenant',
        'x-acme-*',
      ],
    });
    expect(
      u.headers({
        Authorization: 'Basic dXNlcjpwYXNz',
        Cookie: 'sid=1; theme=dark',
        'Set-Cookie': ['sid=2; HttpOnly', 'csrftoken=3'],
        'Proxy-Authorization': 'Basic eHh4Onl5eQ==',
        'X-API-Key': 'k_live_1',
        'Api-Key': 'k2',
        'X-Auth-Token': 't3',
        'X-Hub-Signature-256': 'sha256=abc',
        'X-Tenant': 'acme',
        'X-Acme-Region': 'eu',
      })
    ).toEqual({
      authorization: '[REDACTED]',
      cookie: '[REDACTED]',
      'set-cookie': ['[REDACTED]', '[REDACTED]'],
      'proxy-authorization': '[REDACTED]',
      'x-api-key': '[REDACTED]',
      'api-key': '[REDACTED]',
      'x-auth-token': '[REDACTED]',
      'x-hub-signature-256': '[REDACTED]',
      'x-tenant': 'acme',
      'x-acme-region': 'eu',
    });
  });

  test('trace context and browser fetch metadata are shown; baggage is not', () => {
    // What a browser or a traced service sends along with a webhook or an API call.
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const tracestate = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';
    expect(
      r.headers({
        traceparent,
        tracestate,
        baggage: 'userId=alice,sessionToken=abc123def456',
        'Sec-Fetch-Mode': 'cors',
        'Sec-Fetch-Site': 'same-origin',
        'Sec-Fetch-Dest': 'empty',
        'Sec-Fetch-User': '?1',
        'Sec-CH-UA': '"Chromium";v="142", "Not_A Brand";v="99"',
        'Sec-CH-UA-Mobile': '?0',
        'Sec-CH-UA-Platform': '"Linux"',
        'Accept-Language': 'de-DE,de;q=0.9,en;q=0.8',
        // Near misses stay redacted: not trace context, not fetch metadata.
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'X-Trace-Token': 'tt_1',
      })
    ).toEqual({
      traceparent,
      tracestate,
      baggage: '[REDACTED]',
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-dest': 'empty',
      'sec-fetch-user': '?1',
      'sec-ch-ua': '"Chromium";v="142", "Not_A Brand";v="99"',
      'sec-ch-ua-mobile': '?0',
      'sec-ch-ua-platform': '"Linux"',
      'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
      'sec-websocket-key': '[REDACTED]',
      'x-trace-token': '[REDACTED]',
    });
    // Only a well-formed traceparent skips the text scan.
    for (const odd of [
      'Bearer sk_live_51Habcdefghijklmnopqrstuv',
      `${traceparent}-sk_live_51Habcdefghijklmnopqrstuv`,
    ]) {
      expect(r.headers({ traceparent: odd }).traceparent).not.toContain('sk_live_51Habcdefghijklmnopqrstuv');
    }
  });

  test('allowed values are still scanned (a Location with a token in it)', () => {
    expect(r.headers({ Location: 'https://app.io/cb?code=abc&state=1' })).toEqual({
      location: 'https://app.io/cb?code=REDACTED&state=1',
    });
    expect(r.headers({ 'www-authenticate': 'Bearer realm="api", error="invalid_token"' })).toEqual({
      'www-authenticate': 'Bearer realm="api", error="invalid_token"',
    });
  });

  test('accepts fetch Headers and entry lists; duplicate names merge', () => {
    const h = new Headers({ 'Content-Type': 'text/plain', Authorization: 'Bearer x' });
    expect(r.headers(h as never)).toEqual({ 'content-type': 'text/plain', authorization: '[REDACTED]' });
    expect(
      r.headers([
        ['Accept', 'a'],
        ['accept', 'b'],
      ] as never)
    ).toEqual({ accept: ['a', 'b'] });
    expect(r.headers(null as never)).toEqual({});
    expect(r.headers({ __proto__: 'x', Accept: 'a' } as never)).toEqual({ accept: 'a' });
  });
});
