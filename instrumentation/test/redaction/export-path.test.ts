/**
 * The real export path: the SDK started as users start it, instrumented fetch requests
 * to a local server that echoes secrets back, SDK calls that carry
 * secrets in free text, OTLP/HTTP export to a local receiver. No secret of the corpus may
 * appear in any exported byte (traces and logs); every visible marker must.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OtlpReceiver, startOtlpReceiver } from '@integration-logs/test-support';
import { startIntegrationLogs, type IntegrationLogsSdk } from '../../src/index.js';

interface EchoServer {
  url: string;
  received: string[];
  close(): Promise<void>;
}

/** Mirrors what it gets: JSON bodies and query strings come back inside JSON, other bodies as they were. */
async function startEchoServer(responseSecrets: Record<string, string>): Promise<EchoServer> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push(`${req.url} ${JSON.stringify(req.headers)} ${body}`);
      const url = new URL(req.url ?? '/', 'http://x');
      const ct = String(req.headers['content-type'] ?? '');
      if (url.pathname === '/echo/headers') {
        res.writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': [`session=${responseSecrets.setCookie}; HttpOnly`],
          'x-api-key': responseSecrets.responseApiKey!,
          'x-refresh-token': responseSecrets.responseRefresh!,
          location: `https://app.example.com/cb?code=${responseSecrets.locationCode}&state=visible-marker-state`,
          'x-request-id': 'visible-marker-rid',
        });
        res.end(JSON.stringify({ seen: Object.keys(req.headers).length }));
      } else if (url.pathname === '/echo/leaky') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            access_token: responseSecrets.leakyAccess,
            token_type: 'bearer',
            error: `invalid key ${responseSecrets.leakyKey}`,
            hint: 'visible-marker-leaky',
          })
        );
      } else if (ct.includes('json')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received: JSON.parse(body || 'null'), query: url.search.slice(1) }));
      } else if (ct.includes('multipart')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else if (ct) {
        res.writeHead(200, { 'content-type': ct }).end(body);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ query: url.search.slice(1), path: url.pathname }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Unique, realistic secret values; `n` keeps each one distinct. */
let counter = 0;
const rnd = (len: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') => {
  let s = '';
  let x = (++counter * 2654435761) >>> 0;
  for (let i = 0; i < len; i++) {
    x = (Math.imul(x ^ (x >>> 13), 1103515245) + 12345) >>> 0;
    s += alphabet[x % alphabet.length];
  }
  return s;
};
const plain = (label: string) => `${label}-${rnd(10)}`; // low entropy: only its position makes it secret
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = () =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: rnd(8), iat: 1700000000 + counter })}.${rnd(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`;

const corpus = new Map<string, string>();
const secret = (name: string, value: string) => {
  if (corpus.has(name)) throw new Error(`duplicate corpus entry ${name}`);
  corpus.set(name, value);
  return value;
};
const markers = new Set<string>();
const marker = (name: string) => {
  const m = `visible-marker-${name}`;
  markers.add(m);
  return m;
};

const responseSecrets = {
  setCookie: secret('response Set-Cookie', plain('sess')),
  responseApiKey: secret('response X-Api-Key', plain('rkey')),
  responseRefresh: secret('response X-Refresh-Token', plain('rref')),
  locationCode: secret('response Location ?code=', plain('code')),
  leakyAccess: secret('response body access_token', plain('acc')),
  leakyKey: secret('response body error text sk_test_', `sk_test_${rnd(24)}`),
};
marker('rid');
marker('state');
marker('leaky');

let rx: OtlpReceiver;
let echo: EchoServer;
let il: IntegrationLogsSdk;

beforeAll(async () => {
  rx = await startOtlpReceiver();
  echo = await startEchoServer(responseSecrets);
  il = startIntegrationLogs({
    serviceName: 'redaction-corpus',
    endpoint: rx.url,
    scheduledDelayMs: 50,
    // copy credential headers to span attributes too: the span processor must redact them
    spanHeaders: [
      'authorization',
      'cookie',
      'x-api-key',
      'api-key',
      'x-auth-token',
      'proxy-authorization',
      'set-cookie',
      'x-refresh-token',
      'x-custom-opaque',
      'location',
      'user-agent',
      'x-request-id',
    ],
    redaction: { extraKeys: ['employee_secret_code'] },
  });
});

afterAll(async () => {
  await il?.shutdown();
  await echo?.close();
  await rx?.close();
});

test('no secret of the corpus reaches the exported bytes; visible markers do', async () => {
  const E = echo.url;
  await il.sync(
    { tool: 'personio', integrationId: 'int-redaction', customerId: 'cust-1', operation: 'full' },
    async (op) => {
      // ---- query parameters (URL, url.full/url.query attributes, echoed back in a body)
      const q = new URLSearchParams({
        page: marker('query'),
        api_key: secret('query api_key', plain('qk')),
        apiKey: secret('query apiKey', plain('qk')),
        access_token: secret('query access_token', plain('qat')),
        token: secret('query token', plain('qt')),
        key: secret('query key', plain('qkey')),
        code: secret('query code', plain('qcode')),
        sig: secret('query sig', plain('qsig')),
        client_secret: secret('query client_secret', plain('qcs')),
        password: secret('query password', plain('qpw')),
        'X-Amz-Signature': secret('query X-Amz-Signature', rnd(64, '0123456789abcdef')),
        refresh_token: secret('query refresh_token', plain('qrt')),
        next: secret('query JWT under an innocent name', jwt()),
        redirect: `https://app.example.com/cb?token=${secret('query URL-in-URL token', rnd(40))}`,
      });
      await (await fetch(`${E}/v1/employees?${q}`)).text();

      // ---- request headers (and response headers from the server)
      await (
        await fetch(`${E}/echo/headers`, {
          headers: {
            authorization: `Bearer ${secret('header Authorization bearer', plain('bt'))}`,
            cookie: `sid=${secret('header Cookie', plain('ck'))}; theme=dark`,
            'x-api-key': secret('header X-API-Key', plain('xk')),
            'api-key': secret('header Api-Key', plain('ak')),
            'x-auth-token': secret('header X-Auth-Token', plain('xat')),
            'proxy-authorization': `Basic ${secret('header Proxy-Authorization', Buffer.from(`proxy:${plain('pp')}`).toString('base64'))}`,
            'x-custom-opaque': secret('header outside the allow-list', plain('opq')),
            'x-hub-signature-256': `sha256=${secret('header X-Hub-Signature-256', rnd(64, '0123456789abcdef'))}`,
            'user-agent': marker('ua'),
          },
        })
      ).text();

      // ---- JSON body: keys at any depth, in many spellings, values of every type
      const deep: Record<string, unknown> = { api_secret: secret('json depth-10 api_secret', plain('deep')) };
      let nested: Record<string, unknown> = deep;
      for (let i = 0; i < 9; i++) nested = { level: nested };
      const jsonBody = {
        name: marker('body'),
        password: secret('json password', plain('pw')),
        profile: {
          Password: secret('json nested Password', plain('pw')),
          user_password: secret('json user_password', plain('pw')),
          passWord: secret('json passWord', plain('pw')),
        },
        'client-secret': secret('json client-secret', plain('cs')),
        clientSecret: secret('json clientSecret', plain('cs')),
        auth: {
          accessToken: secret('json accessToken', plain('at')),
          items: [{ refresh_token: secret('json refresh_token in array', plain('rt')) }],
        },
        privateKey: secret('json privateKey', plain('pk')),
        API_KEY: secret('json API_KEY', plain('ak')),
        'x-api-key': secret('json x-api-key', plain('ak')),
        bank: { iban: secret('json iban', 'DE89370400440532013000'), bic: 'COBADEFFXXX' },
        ssn: secret('json ssn', '078-05-1120'),
        socialSecurityNumber: secret('json socialSecurityNumber', '219-09-9999'),
        cardNumber: Number(secret('json cardNumber (a number)', '4111111111111111')),
        cvv: 737, // short numbers also occur in timestamps: checked structurally below
        pin: 8642,
        credentials: {
          username: secret('json credentials.username', plain('user')),
          password: secret('json credentials.password', plain('pw')),
        },
        tokens: [secret('json tokens[0]', plain('t0')), secret('json tokens[1]', plain('t1'))],
        session: { id: secret('json session.id', plain('sid')) },
        authorization: secret('json authorization', `Basic ${Buffer.from(`u:${plain('b')}`).toString('base64')}`),
        cookie: secret('json cookie', plain('ck')),
        employee_secret_code: secret('json user-added key employee_secret_code', plain('esc')),
        raw: JSON.stringify({ client_secret: secret('json-in-string client_secret', plain('jis')), note: 'fine' }),
        message: `request failed with Bearer ${secret('json free text bearer', plain('fb'))} at step 2`,
        description: `token was ${secret('json free text JWT', jwt())}`,
        comment: `stripe key ${secret('json free text sk_live_', `sk_live_${rnd(24)}`)} rotated`,
        deep,
      };
      await (
        await fetch(`${E}/v1/employees`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(jsonBody),
        })
      ).text();

      // ---- urlencoded form (OAuth token exchange)
      const form = new URLSearchParams({
        grant_type: marker('form'),
        code: secret('form code', plain('fc')),
        client_secret: secret('form client_secret', plain('fcs')),
        refresh_token: secret('form refresh_token', plain('frt')),
        password: secret('form password', plain('fpw')),
      });
      await (
        await fetch(`${E}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        })
      ).text();

      // ---- multipart form
      const fd = new FormData();
      fd.set('title', marker('multipart'));
      fd.set('password', secret('multipart password', plain('mpw')));
      fd.set('api_key', secret('multipart api_key', plain('mak')));
      await (await fetch(`${E}/upload`, { method: 'POST', body: fd })).text();

      // ---- plain text body with secrets in free text
      const text = [
        marker('text'),
        `password=${secret('text password=', plain('tpw'))}`,
        `Authorization: Basic ${secret('text Basic credentials', Buffer.from(`svc:${plain('tb')}`).toString('base64'))}`,
        `github ${secret('text ghp_ token', `ghp_${rnd(36)}`)}`,
        `aws ${secret('text AKIA key', `AKIA${rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`)}`,
        `slack ${secret('text xoxb- token', `xoxb-${rnd(12, '0123456789')}-${rnd(12, '0123456789')}-${rnd(24)}`)}`,
        `google ${secret('text AIza key', `AIza${rnd(35)}`)}`,
        `gitlab ${secret('text glpat- token', `glpat-${rnd(20)}`)}`,
        `-----BEGIN PRIVATE KEY-----\n${secret('text PEM private key', rnd(64))}\n-----END PRIVATE KEY-----`,
        `opaque ${secret('text high-entropy token', rnd(48))}`,
      ].join('\n');
      await (
        await fetch(`${E}/notes`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text })
      ).text();

      // ---- XML / SOAP
      const xml = `<Envelope><Header><wsse:Username>${marker('xml')}</wsse:Username><wsse:Password>${secret('xml wsse:Password', plain('xpw'))}</wsse:Password></Header><Body><apiKey>${secret('xml apiKey element', plain('xak'))}</apiKey></Body></Envelope>`;
      await (await fetch(`${E}/soap`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml })).text();

      // ---- a response that leaks on its own
      await (await fetch(`${E}/echo/leaky`)).text();

      // ---- secrets handed to the SDK in free text and attributes
      op.warn(`retrying after 401, sent Authorization: Bearer ${secret('warn message bearer', plain('wb'))}`);
      op.warn(marker('warn'), { attributes: { api_key: secret('warn attribute api_key', plain('wak')) } });
      op.span.setAttribute('app.client_secret', secret('span attribute app.client_secret', plain('sac')));
      op.span.addEvent('retry', { 'app.note': `token=${secret('span event attribute token=', plain('sev'))}` });
      op.span.setAttribute('app.visible', marker('span-attr'));
    }
  );

  // ---- a failing operation: the error message carries URL credentials and a JWT
  await expect(
    il.action({ tool: 'personio', integrationId: 'int-redaction', operation: 'create_employee' }, async () => {
      throw new Error(
        `connect to postgres://app:${secret('error message URL password', plain('dbpw'))}@db.internal:5432 failed, jwt ${secret('error message JWT', jwt())}, ${marker('error')}`
      );
    })
  ).rejects.toThrow();

  // ---- connection-flow events with secrets in details
  await il.connectionFlow(
    { tool: 'personio', customerId: 'cust-1', flowId: 'flow-1', operation: 'credentials' },
    async (flow) => {
      flow.event('credentials_submitted', {
        step: 'credentials',
        details: {
          clientId: marker('flow'),
          credentials: { password: secret('flow details credentials.password', plain('fpw')) },
          note: `got ${secret('flow details JWT in text', jwt())}`,
        },
      });
    }
  );

  // ---- an incoming webhook whose URL path carries a token
  const hookToken = secret('webhook URL path token', rnd(40));
  const hooks = http.createServer(
    il.incomingWebhook({ tool: 'personio', operation: marker('webhook'), route: '/hooks/:token' }, async (req, res) => {
      for await (const _ of req) void _;
      res.writeHead(202).end();
    })
  );
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  try {
    const port = (hooks.address() as AddressInfo).port;
    await (await fetch(`http://127.0.0.1:${port}/hooks/${hookToken}?token=x`, { method: 'POST', body: '{}' })).text();
  } finally {
    hooks.closeAllConnections();
    await new Promise<void>((resolve) => hooks.close(() => resolve()));
  }

  await il.forceFlush();
  const exportedText = () => rx.rawBodies.join('\n');
  const missing = () => [...markers].filter((m) => !exportedText().includes(m));
  await rx.waitFor(() => missing().length === 0, 20_000, 'every visible marker').catch(() => undefined);
  expect(missing()).toEqual([]);
  const exported = exportedText();

  // the corpus is what the test says it is
  expect(corpus.size).toBeGreaterThanOrEqual(60);
  const sentToServer = echo.received.join('\n');
  expect(sentToServer).toContain(corpus.get('header X-API-Key'));
  expect(sentToServer).toContain(corpus.get('json password'));
  expect(sentToServer).toContain(corpus.get('multipart password'));
  expect(exported.length).toBeGreaterThan(10_000);

  const leaks: string[] = [];
  for (const [name, value] of corpus) {
    const forms = new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      JSON.stringify(JSON.stringify(value)).slice(2, -2),
    ]);
    for (const f of forms) if (exported.includes(f)) leaks.push(`${name}: ${value}`);
  }
  expect(leaks).toEqual([]);
  for (const m of markers) expect(exported).toContain(m);
  // short numbers under sensitive keys, in both the request and the echoed response body
  const post = rx.logs.find(
    (l) => l.eventName === 'integration.request' && String(l.attributes['url.full']).endsWith('/v1/employees')
  );
  const record = JSON.parse(post!.body as string);
  for (const body of [JSON.parse(record.request.body), JSON.parse(record.response.body).received]) {
    expect(body).toMatchObject({
      cvv: '[REDACTED]',
      pin: '[REDACTED]',
      name: 'visible-marker-body',
      bank: { bic: 'COBADEFFXXX' },
    });
  }
  // redaction happened where the secrets were (not just dropped records)
  expect(exported).toContain('[REDACTED]');
  expect(exported).toContain('api_key=REDACTED');
  expect(exported).toContain('/hooks/REDACTED');
}, 120_000);
