import { createRedactor } from '../../src/redaction/index.js';

const r = createRedactor();
const R = '[REDACTED]';
const json = (v: unknown) => r.body(JSON.stringify(v), 'application/json');
const parsed = (v: unknown) => JSON.parse(json(v));

describe('body(): JSON', () => {
  test.each([
    'password',
    'Password',
    'PASSWORD',
    'passWord',
    'pass_word',
    'user-password',
    'userPassword',
    'new_password',
    'passwd',
    'pwd',
    'pass',
    'db_pass',
    'passphrase',
    'secret',
    'clientSecret',
    'client_secret',
    'CLIENT-SECRET',
    'app.secret',
    'token',
    'accessToken',
    'access_token',
    'AccessToken',
    'refreshToken',
    'id_token',
    'X-Auth-Token',
    'tokens',
    'apiKey',
    'api_key',
    'API_KEY',
    'api-key',
    'apikey',
    'x_api_key',
    'APIKey',
    'privateKey',
    'private_key',
    'secretKey',
    'authorization',
    'Authorization',
    'auth',
    'basicAuth',
    'auth_header',
    'cookie',
    'set-cookie',
    'session',
    'sessionId',
    'session_token',
    'credentials',
    'iban',
    'IBAN',
    'ssn',
    'SSN',
    'socialSecurityNumber',
    'social_security_number',
    'cardNumber',
    'card_number',
    'creditCardNumber',
    'credit_card',
    'cvv',
    'CVV2',
    'cvc',
    'pin',
    'PIN',
    'pinCode',
    'otp',
    'bank_account_number',
    'jwt',
    'csrfToken',
    'signingKey',
  ])('key %s is sensitive', (key) => {
    const out = parsed({ [key]: 'v4lue-that-is-secret', other: 'visible' });
    expect(out).toEqual({ [key]: R, other: 'visible' });
  });

  test.each([
    'tokenizer_version',
    'author',
    'authority',
    'spinner',
    'classname',
    'passport_country',
    'keyboard_layout',
    'key',
    'primary_key',
    'secretary',
    'monkey',
    'description',
    'session_timeout_note_x'.replace('session_', 'sess_'),
    'pinned',
    'opinion',
    'cookbook',
    'assertion_count',
    'bypass',
    'compass',
  ])('key %s is not sensitive', (key) => {
    expect(parsed({ [key]: 'visible' })).toEqual({ [key]: 'visible' });
  });

  test('any depth, arrays, every leaf under a sensitive key, numbers too', () => {
    const out = parsed({
      data: {
        results: [
          { id: 1, bank: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } },
          { id: 2, pin: 1234 },
        ],
      },
      credentials: { username: 'bob', password: 'x', nested: [['a', 7, true, null]] },
      apiKeys: ['k1', 'k2'],
    });
    expect(out).toEqual({
      data: {
        results: [
          { id: 1, bank: { iban: R, bic: 'COBADEFFXXX' } },
          { id: 2, pin: R },
        ],
      },
      credentials: { username: R, password: R, nested: [[R, R, true, null]] },
      apiKeys: [R, R],
    });
  });

  test('booleans, null and empty strings under sensitive keys stay (they reveal nothing)', () => {
    expect(parsed({ password_set: true, token: null, secret: '' })).toEqual({
      password_set: true,
      token: null,
      secret: '',
    });
  });

  test('other text is preserved byte for byte: formatting, number precision, escapes', () => {
    const src =
      '{ "id" : 12345678901234567890, "price": 1.50, "name": "J\\u00fcrgen \\"JJ\\"",\n  "list": [1, 2e3, -0.0] }';
    expect(r.body(src, 'application/json')).toBe(src);
    const src2 = '{"id":12345678901234567890,"password":"x","n":1.50}';
    expect(r.body(src2, 'application/json')).toBe('{"id":12345678901234567890,"password":"[REDACTED]","n":1.50}');
  });

  test('secrets in free text inside values, and JSON inside strings', () => {
    const out = parsed({
      message: 'upstream said: invalid key sk_live_51HxYzAbCdEfGhIjKlMnOpQr for Bearer abcdef123456',
      raw: JSON.stringify({ user: 'bob', client_secret: 'cs-123' }),
      nestedTwice: JSON.stringify({ inner: JSON.stringify({ refresh_token: 'rt-1' }) }),
      list: ['fine', 'xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx'],
    });
    expect(out.message).toBe(`upstream said: invalid key ${R} for Bearer ${R}`);
    expect(JSON.parse(out.raw)).toEqual({ user: 'bob', client_secret: R });
    expect(JSON.parse(JSON.parse(out.nestedTwice).inner)).toEqual({ refresh_token: R });
    expect(out.list).toEqual(['fine', R]);
  });

  test('keys that are secrets themselves are redacted too', () => {
    const key = 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr';
    expect(r.body(JSON.stringify({ [key]: { plan: 'pro' }, other: 1 }), 'application/json')).toBe(
      `{"${R}":{"plan":"pro"},"other":1}`
    );
    expect(r.attribute({ [key]: 1 })).toEqual({ [R]: 1 });
  });

  test('a key with escapes is decoded before matching', () => {
    expect(r.body('{"pass\\u0077ord":"x"}', 'application/json')).toBe('{"pass\\u0077ord":"[REDACTED]"}');
  });

  test('__proto__ and duplicate keys', () => {
    expect(r.body('{"__proto__":{"token":"t"},"a":{"secret":1},"a":{"secret":2}}', 'application/json')).toBe(
      '{"__proto__":{"token":"[REDACTED]"},"a":{"secret":"[REDACTED]"},"a":{"secret":"[REDACTED]"}}'
    );
  });

  test('truncated JSON (cut at the body limit) is redacted as far as it goes', () => {
    expect(r.body('{"a":[{"password":"abc', 'application/json')).toBe('{"a":[{"password":"[REDACTED]');
    expect(r.body('{"a":1,"token":"abcdef","b":{"c":"d', 'application/json')).toBe(
      '{"a":1,"token":"[REDACTED]","b":{"c":"d'
    );
    expect(r.body('{"credentials":{"user":"x","pa', 'application/json')).toBe(
      '{"credentials":{"user":"[REDACTED]",[REDACTED]'
    );
  });

  test('invalid JSON never throws; the rest is scanned as text or redacted when inside a secret', () => {
    expect(r.body('{"password": hunter2, "x": 1}', 'application/json')).toBe('{"password": [REDACTED]');
    expect(r.body('{"a": undefined, "password": "x"}', 'application/json')).toBe(
      `{"a": undefined, "password": "${R}"}`
    );
    expect(r.body('<html>Bearer abcdefgh12345</html>', 'application/json')).toBe(`<html>Bearer ${R}</html>`);
    for (const bad of [
      '{',
      '[',
      '"',
      '{"',
      '{"a"',
      '{"a":',
      '}',
      ']]]',
      '{{{{',
      'nul',
      '-',
      '{"a":1}}',
      '\u0000',
      '\ud800',
    ]) {
      expect(() => r.body(bad, 'application/json')).not.toThrow();
    }
  });

  test('NDJSON and untyped bodies that start like JSON', () => {
    expect(r.body('{"token":"a"}\n{"token":"b"}\n', 'application/x-ndjson')).toBe(
      '{"token":"[REDACTED]"}\n{"token":"[REDACTED]"}\n'
    );
    expect(r.body(' {"secret":"s"}')).toBe(' {"secret":"[REDACTED]"}');
  });

  test('deep nesting: no stack overflow, structure kept, leaves below the depth limit redacted', () => {
    const depth = 100_000;
    const deep = '['.repeat(depth) + '"visible"' + ']'.repeat(depth);
    const out = r.body(deep, 'application/json');
    expect(out).toBe('['.repeat(depth) + `"${R}"` + ']'.repeat(depth));
    const shallow = JSON.stringify({ a: { b: { c: ['visible', 1] } } });
    expect(r.body(shallow, 'application/json')).toBe(shallow);
  });

  test('invalid UTF-8 and lone surrogates', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"password":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","name":"'),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('"}'),
    ]);
    const out = r.body(bytes.toString('utf8'), 'application/json');
    expect(JSON.parse(out).password).toBe(R);
    expect(() => r.body('{"a":"\ud800 token=abc"}', 'application/json')).not.toThrow();
    expect(r.body('{"a":"\ud800 token=abc"}', 'application/json')).toContain(R);
    expect(r.body(bytes as unknown as string, 'application/json')).toContain(R);
  });

  test('huge bodies', () => {
    const big = JSON.stringify({
      items: Array.from({ length: 50_000 }, (_, i) => ({ id: i, token: `t${i}`, note: 'n'.repeat(20) })),
    });
    const out = r.body(big, 'application/json');
    expect(out).not.toMatch(/"t\d+"/);
    expect(JSON.parse(out).items).toHaveLength(50_000);
    const longString = JSON.stringify({ blob: 'a'.repeat(5_000_000) });
    expect(r.body(longString, 'application/json').length).toBeGreaterThan(0);
  });
});

describe('body(): forms, multipart, XML, text', () => {
  test('urlencoded forms (OAuth token requests)', () => {
    expect(
      r.body(
        'grant_type=authorization_code&code=abc&redirect_uri=https%3A%2F%2Fapp.io%2Fcb&client_id=cid&client_secret=cs',
        'application/x-www-form-urlencoded'
      )
    ).toBe(
      `grant_type=authorization_code&code=${R}&redirect_uri=https%3A%2F%2Fapp.io%2Fcb&client_id=cid&client_secret=${R}`
    );
    expect(r.body('user=bob&pass%77ord=x&remember=1', 'application/x-www-form-urlencoded; charset=utf-8')).toBe(
      `user=bob&pass%77ord=${R}&remember=1`
    );
  });

  test('multipart: sensitive fields, JSON parts, malformed parts', () => {
    const b = 'XyZ';
    const body = [
      `--${b}`,
      'Content-Disposition: form-data; name="username"',
      '',
      'bob',
      `--${b}`,
      'Content-Disposition: form-data; name="password"',
      '',
      'hunter2',
      `--${b}`,
      'Content-Disposition: form-data; name="meta"',
      'Content-Type: application/json',
      '',
      '{"api_key":"k1","x":1}',
      `--${b}`,
      'Content-Disposition: form-data; name="note"',
      '',
      'call with Bearer abcdefgh12345678',
      `--${b}--`,
      '',
    ].join('\r\n');
    const out = r.body(body, `multipart/form-data; boundary=${b}`);
    expect(out).toContain('\r\n\r\nbob\r\n');
    expect(out).not.toContain('hunter2');
    expect(out).toContain(`{"api_key":"${R}","x":1}`);
    expect(out).toContain(`Bearer ${R}`);
    expect(out.split(`--${b}`)).toHaveLength(body.split(`--${b}`).length);
    expect(() => r.body('garbage', 'multipart/form-data')).not.toThrow();
    expect(r.body('password=x', 'multipart/form-data')).toBe(`password=${R}`);
  });

  test('XML / SOAP elements', () => {
    expect(
      r.body(
        '<Envelope><wsse:Username>bob</wsse:Username><wsse:Password Type="PasswordText">pw!</wsse:Password><ApiKey/><n:secret a="1">s</n:secret></Envelope>',
        'text/xml'
      )
    ).toBe(
      `<Envelope><wsse:Username>bob</wsse:Username><wsse:Password Type="PasswordText">${R}</wsse:Password><ApiKey/><n:secret a="1">${R}</n:secret></Envelope>`
    );
    expect(r.body('<user token="abc" name="x"/>', 'application/xml')).toBe(`<user token="${R}" name="x"/>`);
  });
});

describe('text()', () => {
  const jwt =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  test.each([
    ['Authorization: Bearer abc.def-ghi_jkl', `Authorization: ${R}`],
    ['sent bearer 1234567890abcdef to upstream', `sent bearer ${R} to upstream`],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA== failed', `Authorization: ${R} failed`],
    ['header was Basic dXNlcjpwYXNzd29yZA==', `header was Basic ${R}`],
    ['Authorization: token ghp_abcdefghijklmnopqrstuvwxyz0123456789', `Authorization: ${R}`],
    [`jwt ${jwt} expired`, `jwt ${R} expired`],
    [`"${jwt}"`, `"${R}"`],
    ['password=hunter2&user=bob', `password=${R}&user=bob`],
    ['login failed: password: hunter2', `login failed: password: ${R}`],
    ['{"client_secret": "has spaces in it", "a": 1}', `{"client_secret": "${R}", "a": 1}`],
    ["api_key='abc 123'", `api_key='${R}'`],
    ['{"password": "a\\"b c", "x": 1}', `{"password": "${R}", "x": 1}`],
    ['msg {\\"token\\":\\"t 1\\",\\"x\\":1}', `msg {\\"token\\":\\"${R}\\",\\"x\\":1}`],
    ['Cookie: sid=abc; theme=dark\nnext line', `Cookie: ${R}\nnext line`],
    ['stripe sk_live_51HxYzAbCdEfGhIjKlMnOpQr rejected', `stripe ${R} rejected`],
    ['key rk_test_51HxYzAbCdEfGhIjKlMnOpQr', `key ${R}`],
    ['gh: ghp_abcdefghijklmnopqrstuvwxyz0123456789.', `gh: ${R}.`],
    ['pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', `pat ${R}`],
    ['aws AKIAIOSFODNN7EXAMPLE here', `aws ${R} here`],
    ['slack xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx', `slack ${R}`],
    ['google AIzaSyA1234567890abcdefghijklmnopqrstuv', `google ${R}`],
    ['gitlab glpat-abcdefghij0123456789', `gitlab ${R}`],
    ['openai sk-proj-abcdefghijklmnopqrstuvwxyz012345', `openai ${R}`],
    ['sendgrid SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', `sendgrid ${R}`],
    // a bare hex digest is an id or a hash; under a credential-like key it goes
    [
      'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ],
    ['secret=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', `secret=${R}`],
    ['opaque tok 8xK2mQ9vL4pR7sT1wY3zB6nC0dF5gH2jA8kE4uI', `opaque tok ${R}`],
    [
      'db postgres://app:s3cret@db.internal:5432/main down',
      'db postgres://REDACTED:REDACTED@db.internal:5432/main down',
    ],
    ['GET https://x.io/a?api_key=abc&page=2 -> 401', 'GET https://x.io/a?api_key=REDACTED&page=2 -> 401'],
    [
      'upstream said {"user":"bob","credentials":{"user":"x","pass":"y z"},"ok":1}',
      `upstream said {"user":"bob","credentials":${R},"ok":1}`,
    ],
    ['auth={"a":[1,"}"],"b":2} rest', `auth=${R} rest`],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1\n-----END RSA PRIVATE KEY-----\nafter', `${R}\nafter`],
  ])('%s', (input, expected) => {
    expect(r.text(input)).toBe(expected);
  });

  test.each([
    'Basic information about the employee',
    'token expired, please re-authenticate',
    'Bearer realm="api"',
    'Bearer authentication required',
    '401: Bearer credentials missing or expired',
    'employee 3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f updated',
    'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
    'hired 2024-01-15T09:30:00.000Z at 10:45',
    'mail ada.lovelace@example.com or +49 30 1234567',
    'field employeeDocumentAttachmentVersion2 missing',
    'see https://cdn.example.com/avatars/3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f.png',
    'ulid 01ARZ3NDEKTSV4RRFFQ69G5FAV and cus_NffrFeUfNV2Hib',
    'Error: something failed (code 42)',
    'see sk-learn-tutorials-and-more and key-rotationschedule-weekly',
    'Ünïcödé text with emoji 🎉 and "quotes"',
    '',
  ])('leaves %s alone', (s) => {
    expect(r.text(s)).toBe(s);
  });

  test('is idempotent and never throws', () => {
    const s = 'Bearer abcdefgh123 and password=x and https://u:p@h/?token=t and sk_live_51HxYzAbCdEfGhIjKlMnOpQr';
    const once = r.text(s);
    expect(r.text(once)).toBe(once);
    expect(() => r.text(undefined as unknown as string)).not.toThrow();
    expect(r.text(null as unknown as string)).toBe('');
  });
});

describe('options', () => {
  test('extra keys (any spelling), regex keys, extra patterns, replacement', () => {
    const u = createRedactor({
      extraKeys: ['employee_number', /^x-tenant-/i],
      extraPatterns: [/\bEMP-\d{4}\b/],
      replacement: '***',
    });
    expect(
      JSON.parse(
        u.body(JSON.stringify({ employeeNumber: 'E1', 'X-Tenant-Key': 'k', note: 'id EMP-1234 ok', password: 'p' }))
      )
    ).toEqual({
      employeeNumber: '***',
      'X-Tenant-Key': '***',
      note: 'id *** ok',
      password: '***',
    });
    expect(u.text('ref EMP-9999')).toBe('ref ***');
    expect(u.url('https://x.io/?password=1&employee-number=2')).toBe('https://x.io/?password=***&employee-number=***');
    expect(u.headers({ authorization: 'x' })).toEqual({ authorization: '***' });
  });

  test('user patterns with g or y flags apply everywhere', () => {
    const u = createRedactor({ extraPatterns: [/EMP-\d+/y, /ref-[a-z]+/g] });
    expect(u.text('a EMP-1 b EMP-2 ref-x ref-y')).toBe('a [REDACTED] b [REDACTED] [REDACTED] [REDACTED]');
  });

  test('a user replacement with quotes keeps JSON valid', () => {
    const u = createRedactor({ replacement: '"<gone>"' });
    const out = u.body('{"token":"abc","n":{"pin":1}}', 'application/json');
    expect(JSON.parse(out)).toEqual({ token: '"<gone>"', n: { pin: '"<gone>"' } });
  });
});

describe('attribute()', () => {
  test('strings, string arrays and nested objects', () => {
    expect(r.attribute('Bearer abcdefgh12345678')).toBe(`Bearer ${R}`);
    expect(r.attribute(['ok', 'password=x'])).toEqual(['ok', `password=${R}`]);
    expect(r.attribute({ user: { name: 'bob', apiKey: 'k', tokens: [1, 2] } })).toEqual({
      user: { name: 'bob', apiKey: R, tokens: [R, R] },
    });
    expect(r.attribute(42)).toBe(42);
    expect(r.attribute(true)).toBe(true);
  });

  test('does not mutate its input and survives cycles', () => {
    const input = { secret: 's', list: [{ token: 't' }] };
    const copy = JSON.parse(JSON.stringify(input));
    r.attribute(input);
    expect(input).toEqual(copy);
    const cyc: Record<string, unknown> = { a: 1 };
    cyc.self = cyc;
    expect(() => r.attribute(cyc)).not.toThrow();
  });
});
