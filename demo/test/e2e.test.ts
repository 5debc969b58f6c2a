/**
 * The whole demo, for real: the demo tool and the integration's webhook server on free
 * ports, the real SDK exporting OTLP/HTTP to a local receiver, one deterministic cycle.
 */
import {
  type OtlpReceiver,
  type ReceivedLog,
  type ReceivedSpan,
  startOtlpReceiver,
} from '@integration-logs/test-support';
import { CREDENTIALS, REVOKED_SECRET } from '../src/shared/accounts';
import { runDemoCycle, type DemoCycleResult } from '../src/integration/cycle';

const LOG_TYPES = ['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'] as const;
const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;

let rx: OtlpReceiver;
let result: DemoCycleResult;

beforeAll(async () => {
  rx = await startOtlpReceiver();
  // runDemoCycle starts the SDK, and shuts it down (flushing everything) before it returns.
  result = await runDemoCycle({ otlpEndpoint: rx.url, runId: 'e2e', seed: 42 });
}, 120_000);

afterAll(async () => {
  await rx?.close();
});

const operationSpans = (logType: string): ReceivedSpan[] =>
  rx.spans.filter((s) => s.attributes['integration.log_type'] === logType && s.kind !== CLIENT);
const operationRecords = (logType: string): ReceivedLog[] =>
  rx.logsByEvent('integration.operation').filter((l) => l.attributes['integration.log_type'] === logType);
const childRequests = (span: ReceivedSpan): ReceivedSpan[] =>
  rx.spans.filter((s) => s.parentSpanId === span.spanId && s.kind === CLIENT);
const requestRecords = (traceId: string): ReceivedLog[] =>
  rx.logsByEvent('integration.request').filter((l) => l.traceId === traceId);

test('the cycle ran every kind of operation and its planned failures', () => {
  for (const type of LOG_TYPES) expect(result.operations[type]).toBeGreaterThan(0);
  expect(result.failures).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^action int_globex_bamboohr: POST \/v1\/employees answered 422/),
      expect.stringMatching(/^sync int_wayne_hibob: GET \/v1\/departments answered 401/),
    ])
  );
  expect(result.webhookDeliveries.length).toBeGreaterThan(0);
  // The report's trace ids point at the exported operation spans.
  const { incoming_webhook: _webhooks, ...started } = result.operations;
  expect(result.traces).toHaveLength(Object.values(started).reduce((a, b) => a + b, 0));
  for (const note of result.traces) {
    const span = rx.spans.find((s) => s.traceId === note.traceId && s.parentSpanId === undefined);
    expect(span?.attributes).toMatchObject({
      'integration.log_type': note.logType,
      'integration.operation': note.operation,
      'integration.tool': note.tool,
    });
  }
  expect(result.webhookDeliveries.filter((d) => d.status === null || d.status >= 500)).toEqual([]);
});

test.each(LOG_TYPES)('%s operations arrive as root spans with request spans and records', (logType) => {
  const spans = operationSpans(logType);
  expect(spans.length).toBeGreaterThan(0);
  for (const span of spans) {
    expect(span.kind).toBe(logType === 'incoming_webhook' ? SERVER : INTERNAL);
    expect(span.name).toBe(`${logType} ${span.attributes['integration.tool']}`);
    expect(span.resource).toMatchObject({
      'service.name': 'demo-integration',
      'service.version': '0.1.0',
      'deployment.environment.name': 'demo',
    });
  }
  const records = operationRecords(logType);
  expect(records.length).toBe(spans.length);
  // At least one operation of the type made requests, each one a CLIENT child span with a record.
  const withRequests = spans.filter((span) => childRequests(span).length > 0);
  expect(withRequests.length).toBeGreaterThan(0);
  for (const span of withRequests) {
    const requests = childRequests(span);
    // An incoming webhook's own request is recorded on its SERVER span (checked below).
    const recs = requestRecords(span.traceId).filter((r) => logType !== 'incoming_webhook' || r.spanId !== span.spanId);
    expect(recs.map((r) => r.spanId).sort()).toEqual(requests.map((r) => r.spanId).sort());
    for (const request of requests) {
      expect(request.attributes).toMatchObject({
        'integration.log_type': logType,
        'integration.tool': span.attributes['integration.tool'],
        'server.address': '127.0.0.1',
      });
      expect(String(request.attributes['url.template'])).toMatch(/^\/v1\//);
    }
  }
});

test('every incoming webhook has one request record on its SERVER span: what the tool sent, what we answered, redacted', () => {
  const spans = operationSpans('incoming_webhook');
  expect(spans.length).toBeGreaterThan(0);
  for (const span of spans) {
    const own = requestRecords(span.traceId).filter((r) => r.spanId === span.spanId);
    expect(own).toHaveLength(1);
    const record = own[0]!;
    const status = span.attributes['http.response.status_code'];
    expect(record.attributes).toMatchObject({
      'integration.log_type': 'incoming_webhook',
      'integration.tool': span.attributes['integration.tool'],
      'http.request.method': 'POST',
      'http.response.status_code': status,
      'url.template': '/webhooks/:tool',
    });
    // The summary counts the webhook's own request with the requests it made.
    const summary = operationRecords('incoming_webhook').find((r) => r.spanId === span.spanId);
    expect(summary?.attributes['integration.request.count']).toBe(childRequests(span).length + 1);
    expect(String(record.attributes['url.full'])).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/webhooks/${span.attributes['integration.tool']}$`)
    );
    // 5xx answers are ERROR, 4xx WARN, the rest INFO.
    expect(record.severityText).toBe(Number(status) >= 500 ? 'ERROR' : Number(status) >= 400 ? 'WARN' : 'INFO');

    const body = JSON.parse(String(record.body));
    expect(body.request).toMatchObject({
      method: 'POST',
      url: record.attributes['url.full'],
      bodyEncoding: 'utf8',
      bodyTruncated: false,
    });
    // The tool's event as delivered (after redaction): the operation is its type.
    const event = JSON.parse(body.request.body);
    expect(event).toMatchObject({
      type: span.attributes['integration.operation'],
      account_id: expect.stringMatching(/^acc_/),
      data: { employee: { id: expect.any(Number) } },
    });
    // bodySize is the size on the wire, as the tool declared it.
    expect(body.request.bodySize).toBe(Number(body.request.headers['content-length']));
    // The signature is derived from the webhook secret: redacted; content-type is allow-listed.
    expect(body.request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-demo-signature': '[REDACTED]',
    });
    // Our answer, as the handler wrote it.
    expect(body.response).toMatchObject({
      status,
      headers: { 'content-type': 'application/json' },
      bodyEncoding: 'utf8',
    });
    expect(body.response.bodySize).toBe(Number(body.response.headers['content-length']));
    const answer = JSON.parse(body.response.body);
    if (status === 200) expect(answer).toEqual({ status: 'processed' });
    if (status === 401) expect(answer).toMatchObject({ error: 'invalid_signature' });
    expect(typeof body.durationMs).toBe('number');
  }
  // The forged delivery shows up with its 401 answer.
  expect(spans.some((s) => s.attributes['http.response.status_code'] === 401)).toBe(true);
});

test('syncs report per-model counts, warnings and outcomes', () => {
  const models = rx.logsByEvent('integration.sync.model');
  const fullAcme = operationSpans('sync').find(
    (s) => s.attributes['integration.id'] === 'int_acme_personio' && s.attributes['integration.operation'] === 'full'
  );
  expect(fullAcme?.attributes['integration.outcome']).toBe('success');
  const acmeModels = Object.fromEntries(
    models
      .filter((m) => m.traceId === fullAcme?.traceId)
      .map((m) => [m.attributes['integration.sync.model'], m.attributes])
  );
  expect(Object.keys(acmeModels).sort()).toEqual(['absences', 'departments', 'employees']);
  expect(acmeModels.employees).toMatchObject({
    'integration.sync.records.read': 140,
    'integration.sync.records.created': 140,
  });
  expect(acmeModels.departments).toMatchObject({ 'integration.sync.records.read': 8 });

  // Initech's token lacks absences:read: partial, with a warning about the model.
  const initech = operationSpans('sync').filter((s) => s.attributes['integration.id'] === 'int_initech_hibob');
  expect(initech.map((s) => s.attributes['integration.outcome'])).toEqual(['partial', 'partial']);
  const warnings = rx.logsByEvent('integration.warning').filter((w) => w.traceId === initech[0]!.traceId);
  expect(warnings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        body: 'absences skipped: the token lacks the absences:read scope',
        attributes: expect.objectContaining({ 'integration.sync.model': 'absences' }),
      }),
    ])
  );
  expect(requestRecords(initech[0]!.traceId).some((r) => r.attributes['http.response.status_code'] === 403)).toBe(true);

  // Delta syncs read only what changed.
  const deltaModels = models.filter((m) =>
    operationSpans('sync').some((s) => s.traceId === m.traceId && s.attributes['integration.operation'] === 'delta')
  );
  const deltaRead = deltaModels
    .filter((m) => m.attributes['integration.sync.model'] === 'employees')
    .map((m) => Number(m.attributes['integration.sync.records.read']));
  expect(Math.max(...deltaRead)).toBeLessThan(140);
  const deltaChanges = deltaModels
    .filter((m) => m.attributes['integration.sync.model'] === 'employees')
    .reduce(
      (sum, m) =>
        sum +
        ['created', 'updated', 'deleted'].reduce(
          (n, k) => n + Number(m.attributes[`integration.sync.records.${k}`]),
          0
        ),
      0
    );
  expect(deltaChanges).toBeGreaterThan(0);

  // The revoked token: a burst of 401s and a failed sync.
  const wayneFailed = operationRecords('sync').find(
    (r) => r.attributes['integration.id'] === 'int_wayne_hibob' && r.attributes['integration.outcome'] === 'failure'
  );
  expect(wayneFailed?.attributes['integration.request.4xx_count']).toBe(1);
  const unauthorized = rx
    .logsByEvent('integration.request')
    .filter(
      (r) => r.attributes['http.response.status_code'] === 401 && r.attributes['integration.id'] === 'int_wayne_hibob'
    );
  expect(unauthorized.length).toBeGreaterThanOrEqual(7);
});

test('rate limits show up as 429 request records with Retry-After, and the retry as a resend', () => {
  const globexRequests = rx
    .logsByEvent('integration.request')
    .filter((r) => r.attributes['integration.id'] === 'int_globex_bamboohr');
  const limited = globexRequests.filter((r) => r.attributes['http.response.status_code'] === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(limited[0]!.attributes['integration.ratelimit.retry_after_s']).toBe(1);
  const resent = globexRequests.filter((r) => Number(r.attributes['http.request.resend_count']) >= 1);
  expect(resent.length).toBeGreaterThan(0);
  // Every sync of globex still succeeded: the client honoured Retry-After and retried.
  const globexSyncs = operationRecords('sync').filter((r) => r.attributes['integration.id'] === 'int_globex_bamboohr');
  expect(globexSyncs.map((r) => r.attributes['integration.outcome'])).toEqual(['success', 'success']);
});

test('invalid actions fail with the 422 in their request record', () => {
  const failed = operationRecords('action').filter((r) => r.attributes['integration.outcome'] === 'failure');
  expect(failed.map((r) => r.attributes['integration.id']).sort()).toEqual([
    'int_globex_bamboohr',
    'int_initech_hibob',
  ]);
  for (const record of failed) {
    // The last attempt is the 422 (globex's may first meet a 429 and retry).
    const request = requestRecords(record.traceId!).at(-1);
    expect(request?.attributes['http.response.status_code']).toBe(422);
    const body = JSON.parse(String(request?.body));
    expect(body.request.method).toBe('POST');
    expect(body.response.status).toBe(422);
    expect(body.response.body).toContain('validation_failed');
  }
});

test('webhooks from the tool and a forged one are incoming_webhook operations', () => {
  const spans = operationSpans('incoming_webhook');
  const byOperation = new Set(spans.map((s) => s.attributes['integration.operation']));
  expect(byOperation).toEqual(expect.objectContaining(new Set(['employee.created', 'employee.updated'])));
  const processed = spans.filter(
    (s) =>
      s.attributes['integration.id'] === 'int_acme_personio' &&
      s.attributes['integration.operation'] === 'employee.created'
  );
  expect(processed.length).toBeGreaterThan(0);
  expect(processed[0]!.attributes).toMatchObject({
    'http.response.status_code': 200,
    'integration.outcome': 'success',
    'http.route': '/webhooks/:tool',
  });
  expect(childRequests(processed[0]!).map((r) => r.attributes['url.template'])).toEqual(['/v1/employees/{id}']);
  const forged = spans.filter((s) => s.attributes['http.response.status_code'] === 401);
  expect(forged).toHaveLength(1);
  expect(forged[0]!.attributes['integration.outcome']).toBe('failure');
});

test('connection flows: events grouped in two or more sessions, one flow per outcome', () => {
  expect(result.flows.map((f) => f.scenario)).toEqual(['connected', 'abandoned', 'failed']);
  const events = rx.logsByEvent('integration.flow.event');
  const expectedLast = { connected: 'connected', abandoned: 'closed', failed: 'failed' } as const;
  for (const flow of result.flows) {
    const mine = events.filter((e) => e.attributes['integration.flow.id'] === flow.flowId);
    const sessions = [...new Set(mine.map((e) => e.attributes['integration.flow.session.id']))];
    expect(sessions).toEqual(flow.sessionIds);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const names = mine.map((e) => e.attributes['integration.flow.event']);
    expect(names[0]).toBe('flow_opened');
    expect(names.at(-1)).toBe(expectedLast[flow.scenario]);
    for (const e of mine) {
      expect(e.attributes).toMatchObject({
        'integration.log_type': 'connection_flow',
        'integration.customer.id': flow.customerId,
        'integration.flow.end_user.id': flow.endUserId,
      });
    }
    // The flow's backend operations name the same end user.
    const flowSpans = operationSpans('connection_flow').filter(
      (s) => s.attributes['integration.flow.id'] === flow.flowId
    );
    expect(flowSpans.length).toBeGreaterThan(0);
    for (const span of flowSpans) expect(span.attributes['integration.flow.end_user.id']).toBe(flow.endUserId);
  }
  expect(new Set(result.flows.map((f) => f.endUserId)).size).toBe(result.flows.length);
  const all = events.map((e) => e.attributes['integration.flow.event']);
  for (const name of [
    'flow_opened',
    'tool_selected',
    'credentials_submitted',
    'credentials_invalid',
    'permissions_missing',
    'connected',
    'failed',
    'closed',
  ]) {
    expect(all).toContain(name);
  }
  // The submitted key is redacted in the event details; the harmless fields stay.
  const submitted = events.find((e) => e.attributes['integration.flow.event'] === 'credentials_submitted');
  expect(JSON.parse(String(submitted?.body))).toEqual({
    scheme: expect.stringMatching(/^(bearer|api_key)$/),
    api_key: '[REDACTED]',
  });
  // Checking credentials is a connection_flow operation with its request to the tool.
  const submit = operationSpans('connection_flow').find(
    (s) => s.attributes['integration.flow.id'] === result.flows[0]!.flowId
  );
  expect(submit && childRequests(submit).map((r) => r.attributes['url.template'])).toEqual(['/v1/me']);
});

test('no credential the demo uses leaves the process', () => {
  const exported = rx.rawBodies.join('\n');
  expect(exported.length).toBeGreaterThan(0);
  for (const secret of [...CREDENTIALS.map((c) => c.secret), REVOKED_SECRET, 'demo-should-be-redacted']) {
    expect(exported).not.toContain(secret);
    expect(exported).not.toContain(secret.slice(0, -4)); // the mistyped keys users submit
  }
});
