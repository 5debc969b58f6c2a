/**
 * Loki indexes `event.name`, `integration.log_type` and `integration.tool` as labels. A
 * value it cannot index (a lone UTF-16 surrogate, which is not valid UTF-8; U+FFFD, which
 * its label parser refuses; a very long value) must never reach it: checked on the
 * exported spans and records of a real OTLP/HTTP round trip, for values from scope options
 * and from application code.
 */
import { trace } from '@opentelemetry/api';
import { MAX_LABEL_VALUE_BYTES } from '../src/index.js';
import { labelValue } from '../src/label-values.js';
import { startFixture, type Fixture } from './support/sdk-fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.stop());

const LABELS = ['event.name', 'integration.log_type', 'integration.tool'];

test('label-bound attributes of exported spans and records are well-formed and bounded', async () => {
  const lone = 'per\ud800sonio';
  const long = 'workday-' + '\u{1F600}'.repeat(200); // astral characters: a cut must not split a pair
  let traceIds: string[] = [];
  for (const tool of [lone, long]) {
    await f.il.sync({ tool, integrationId: 'int-1', operation: 'delta' }, async (op) => {
      await (await fetch(`${f.tool.url}/v1/employees/1`)).text();
      op.warn('set by the application', { attributes: { 'integration.tool': `app-${lone}` } });
      // application code writing a label-bound attribute on the operation span
      trace.getActiveSpan()?.setAttribute('integration.log_type', `sync-${lone}`);
      traceIds.push(op.span.spanContext().traceId);
    });
  }
  f.il.flowEvent({ tool: lone, customerId: 'c', flowId: 'flow-1', event: 'opened' });

  const spans = (await Promise.all(traceIds.map((t) => f.trace(t, 2)))).flat();
  const logs = (await Promise.all(traceIds.map((t) => f.logsOf(t, 3)))).flat();
  await f.rx.waitFor(() => f.rx.logsByEvent('integration.flow.event').length > 0, 20_000, 'flow event');
  const flow = f.rx.logsByEvent('integration.flow.event');

  const seen: string[] = [];
  for (const item of [...spans, ...logs, ...flow]) {
    for (const key of LABELS) {
      const v = item.attributes[key];
      if (v === undefined) continue;
      seen.push(key);
      expect(typeof v).toBe('string');
      expect((v as string).isWellFormed()).toBe(true);
      expect(v).not.toContain('\ufffd');
      expect(Buffer.byteLength(v as string)).toBeLessThanOrEqual(MAX_LABEL_VALUE_BYTES);
    }
  }
  expect(new Set(seen)).toEqual(new Set(LABELS));
  // what is left of the values is still recognisable
  expect(spans.some((s) => s.attributes['integration.tool'] === 'per?sonio')).toBe(true);
  expect(spans.some((s) => String(s.attributes['integration.tool']).startsWith('workday-\u{1F600}'))).toBe(true);
  expect(spans.some((s) => s.attributes['integration.log_type'] === 'sync-per?sonio')).toBe(true);
  traceIds = [];
});

test('labelValue cuts at 128 UTF-8 bytes on a character boundary; lone surrogates and U+FFFD become ?', () => {
  expect(labelValue('personio')).toBe('personio');
  expect(labelValue('a\udc00b')).toBe('a?b');
  expect(labelValue('a\ufffdb')).toBe('a?b');
  // 126 ASCII bytes + a 4-byte character: the character does not fit, and is not split
  expect(labelValue('x'.repeat(MAX_LABEL_VALUE_BYTES - 2) + '\u{1F600}')).toBe('x'.repeat(MAX_LABEL_VALUE_BYTES - 2));
  expect(labelValue('y'.repeat(1000))).toHaveLength(MAX_LABEL_VALUE_BYTES);
  expect(Buffer.byteLength(labelValue('é'.repeat(100)))).toBe(MAX_LABEL_VALUE_BYTES); // 64 two-byte characters
  expect(labelValue('Zoë-HR')).toBe('Zoë-HR');
  expect(labelValue(42)).toBe('42');
});
