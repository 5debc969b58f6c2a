import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { createRedactor, RedactingLogRecordProcessor, RedactingSpanProcessor } from '../../src/redaction/index.js';

const R = '[REDACTED]';
const redactor = createRedactor();

describe('RedactingSpanProcessor', () => {
  const exporter = new InMemorySpanExporter();
  // the exporting processor comes first on purpose: onEnding runs for all before any onEnd
  const provider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter }), new RedactingSpanProcessor(redactor)],
  });
  const tracer = provider.getTracer('test');
  afterAll(() => provider.shutdown());

  test('redacts url, query, header, sensitive and free-text attributes, events, status and name before export', async () => {
    const span = tracer.startSpan('GET /v1/employees');
    span.setAttributes({
      'url.full': 'https://bob:pw@api.x.io/v1/employees?api_key=k1&page=2',
      'http.url': 'https://api.x.io/v1/employees?access_token=t1',
      'url.query': 'page=2&token=t2',
      'http.request.header.authorization': ['Bearer t3'],
      'http.request.header.content-type': ['application/json'],
      'http.response.header.set-cookie': ['sid=abc'],
      'http.response.header.x-internal': ['whatever'],
      'integration.flow.session.id': 'sess_1',
      'app.user.password': 'hunter2',
      'app.pin': 1234,
      'app.note': 'retry with Bearer abcdefgh12345678',
      'app.tags': ['ok', 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
      'http.response.status_code': 401,
      'app.flag': true,
    });
    span.addEvent('exception', { 'exception.message': 'token=abc123 rejected', 'exception.type': 'AuthError' });
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: 'upstream returned 401 for key ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    });
    span.updateName('POST /bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/sendMessage');
    span.end();
    await provider.forceFlush();
    const [s] = exporter.getFinishedSpans();
    expect(s).toBeDefined();
    expect(s!.attributes).toEqual({
      'url.full': 'https://REDACTED:REDACTED@api.x.io/v1/employees?api_key=REDACTED&page=2',
      'http.url': 'https://api.x.io/v1/employees?access_token=REDACTED',
      'url.query': 'page=2&token=REDACTED',
      'http.request.header.authorization': [R],
      'http.request.header.content-type': ['application/json'],
      'http.response.header.set-cookie': [R],
      'http.response.header.x-internal': [R],
      'integration.flow.session.id': 'sess_1',
      'app.user.password': R,
      'app.pin': R,
      'app.note': `retry with Bearer ${R}`,
      'app.tags': ['ok', R],
      'http.response.status_code': 401,
      'app.flag': true,
    });
    expect(s!.events[0]!.attributes).toEqual({
      'exception.message': `token=${R} rejected`,
      'exception.type': 'AuthError',
    });
    expect(s!.status.message).toBe(`upstream returned 401 for key ${R}`);
    expect(s!.name).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1');
  });

  test('a span without secrets is left untouched', async () => {
    exporter.reset();
    const span = tracer.startSpan('sync personio');
    span.setAttributes({
      'integration.tool': 'personio',
      'url.full': 'https://api.personio.de/v1/company/employees?limit=50',
    });
    span.end();
    await provider.forceFlush();
    const [s] = exporter.getFinishedSpans();
    expect(s!.attributes).toEqual({
      'integration.tool': 'personio',
      'url.full': 'https://api.personio.de/v1/company/employees?limit=50',
    });
    expect(s!.name).toBe('sync personio');
  });

  test('a secret span name is hidden every time it is seen, not only the first', async () => {
    exporter.reset();
    const name = 'POST /bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/sendMessage';
    for (let i = 0; i < 3; i++) tracer.startSpan(name).end();
    tracer.startSpan('GET /v1/employees/{id}').end();
    await provider.forceFlush();
    const names = exporter.getFinishedSpans().map((s) => s.name);
    expect(names).toHaveLength(4);
    for (const n of names.slice(0, 3)) expect(n).toBe(`POST /bot123456:${R}`);
    expect(names[3]).toBe('GET /v1/employees/{id}');
  });
});

describe('RedactingLogRecordProcessor', () => {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    processors: [new RedactingLogRecordProcessor(redactor), new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('test');
  afterAll(() => provider.shutdown());

  test('string bodies (JSON or text), object bodies and attributes', async () => {
    logger.emit({
      eventName: 'integration.request',
      body: JSON.stringify({
        request: {
          url: 'https://x.io/a?token=t1',
          headers: { authorization: 'Bearer t2' },
          body: '{"password":"p1","name":"Ada"}',
        },
        response: { status: 200, body: 'ok' },
      }),
      attributes: {
        'url.full': 'https://x.io/a?token=t1',
        'event.name': 'integration.request',
        'http.request.method': 'POST',
      },
    });
    logger.emit({ body: 'login failed for password=p2 via https://u:p3@x.io' });
    logger.emit({
      body: { details: { clientSecret: 's1', step: 'token_exchange', list: [{ apiKey: 'k1' }] } } as never,
      attributes: { 'custom.api_key': 'k2', 'custom.nested': { token: 't9' } as never },
    });
    await provider.forceFlush();
    const [a, b, c] = exporter.getFinishedLogRecords();
    const body = JSON.parse(a!.body as string);
    expect(body.request.url).toBe('https://x.io/a?token=REDACTED');
    expect(body.request.headers.authorization).toBe(R);
    expect(JSON.parse(body.request.body)).toEqual({ password: R, name: 'Ada' });
    expect(a!.attributes['url.full']).toBe('https://x.io/a?token=REDACTED');
    expect(a!.attributes['http.request.method']).toBe('POST');
    expect(b!.body).toBe(`login failed for password=${R} via https://REDACTED:REDACTED@x.io`);
    expect(c!.body).toEqual({ details: { clientSecret: R, step: 'token_exchange', list: [{ apiKey: R }] } });
    expect(c!.attributes['custom.api_key']).toBe(R);
    expect(c!.attributes['custom.nested']).toEqual({ token: R });
  });
});
