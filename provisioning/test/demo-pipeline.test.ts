// The demo integration on the real SDK (one deterministic cycle: every log type, expected
// 4xx, flows with sessions) through the real collector and config, to a Tempo and a Loki
// stand-in and a real Prometheus: what docker-compose runs, minus the containers.
import { existsSync } from 'node:fs';
import { CREDENTIALS, REVOKED_SECRET } from '@integration-logs/demo/shared/accounts';
import { OtlpSink, SpanKind, start, waitFor } from '@integration-logs/test-support';
import { describeWith, inCI, otelcol, prometheus } from './support/binaries.js';
import { Collector } from './support/collector.js';
import { fromRoot } from './support/files.js';
import { Prometheus } from './support/prometheus.js';

const SERVICE = 'demo-pipeline-test';
const cycleMain = fromRoot('demo/dist/integration/cycle-main.js');
const LOG_TYPES = ['sync', 'action', 'passthrough', 'incoming_webhook', 'connection_flow'];

interface CycleReport {
  operations: Record<string, number>;
  flows: { flowId: string }[];
}

const demoBuilt = existsSync(cycleMain);
if (!demoBuilt && !inCI) {
  describe('demo through the collector', () => {
    test.skip(`skipped: ${cycleMain} not built (run \`npm run build\`)`, () => undefined);
  });
} else {
  describeWith([otelcol(), prometheus()], 'demo through the collector', (bin) => {
    const tempo = new OtlpSink();
    const loki = new OtlpSink();
    let prom: Prometheus;
    let collector: Collector;
    let report: CycleReport;

    beforeAll(async () => {
      if (!demoBuilt)
        throw new Error(`CI is set and ${cycleMain} is missing: \`npm run build\` must run before the tests`);
      await tempo.start();
      await loki.start();
      prom = new Prometheus(bin.prometheus as string);
      await prom.start();
      collector = new Collector(bin.otelcol as string, {
        tempoUrl: tempo.url,
        lokiUrl: `${loki.url}/otlp`,
        remoteWriteUrl: prom.remoteWriteUrl,
      });
      await collector.start();

      const cycle = start('demo-cycle', process.execPath, [cycleMain], {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.otlpHttpUrl,
        OTEL_SERVICE_NAME: SERVICE,
        DEMO_RUN_ID: 'pipeline',
      });
      const code = await new Promise<number | null>((resolve) => cycle.child.once('exit', resolve));
      if (code !== 0) throw new Error(`the demo cycle failed (${code}):\n${cycle.log()}`);
      const stdout = cycle.output.join('');
      report = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));
    });

    afterAll(async () => {
      await collector?.dispose();
      await prom?.dispose();
      await tempo.stop();
      await loki.stop();
    });

    const demoSpans = () => tempo.spans.filter((s) => s.resource['service.name'] === SERVICE);
    const demoRecords = () => loki.logs.filter((r) => r.resource['service.name'] === SERVICE);

    test('every log type arrives at Tempo as an operation span', async () => {
      const expected = Object.values(report.operations).reduce((a, b) => a + b, 0);
      const operations = await waitFor(`${expected} operation spans`, () => {
        const ops = demoSpans().filter(
          (s) => s.kind !== SpanKind.CLIENT && LOG_TYPES.includes(String(s.attributes['integration.log_type']))
        );
        return ops.length >= expected ? ops : undefined;
      });
      expect(new Set(operations.map((s) => s.attributes['integration.log_type']))).toEqual(new Set(LOG_TYPES));
      expect(
        demoSpans().some((s) => s.kind === SpanKind.CLIENT && s.attributes['http.response.status_code'] === 401)
      ).toBe(true);
    });

    test('every record kind arrives at Loki with its trace context', async () => {
      const names = [
        'integration.operation',
        'integration.request',
        'integration.sync.model',
        'integration.flow.event',
      ];
      const records = await waitFor('each kind of record', () => {
        const all = demoRecords();
        return names.every((n) => all.some((r) => r.attributes['event.name'] === n)) ? all : undefined;
      });
      // Operation and request records always belong to a span; a flow event reported
      // outside any operation (e.g. from the browser, through a stateless endpoint) has none.
      const scoped = records.filter((r) =>
        ['integration.operation', 'integration.request'].includes(String(r.attributes['event.name']))
      );
      expect(scoped.length).toBeGreaterThan(0);
      expect(scoped.filter((r) => r.traceId?.length !== 32 || r.spanId?.length !== 16)).toEqual([]);
      const flowIds = new Set(records.map((r) => r.attributes['integration.flow.id']).filter(Boolean));
      for (const flow of report.flows) expect(flowIds).toContain(flow.flowId);
    });

    test('no credential of the demo reaches a backend', async () => {
      await waitFor('the records', () => demoRecords().length > 0);
      const everything = JSON.stringify([demoSpans(), demoRecords()]);
      for (const secret of [...CREDENTIALS.map((c) => c.secret), REVOKED_SECRET])
        expect(everything).not.toContain(secret);
    });

    test("the collector's redaction finds nothing left to mask in what the SDK sends", async () => {
      // It is the second line: a redaction summary here means the SDK missed a secret, or
      // a collector rule masks values that are not secrets.
      await waitFor('the records', () => demoRecords().length > 0);
      const touched = [...demoSpans(), ...demoRecords()]
        .map((item) => item.attributes)
        .filter((attributes) => Object.keys(attributes).some((key) => key.startsWith('redaction.')));
      expect(touched).toEqual([]);
    });

    test("the SDK's spans get no second record from the collector's integrationlogs connector", async () => {
      // The connector counts every SDK operation span and every request span the SDK made
      // in a scope (they carry the operation's log type) as skipped; once it has seen them
      // all, no record of its own may have appeared.
      const expected = demoSpans().filter((s) =>
        LOG_TYPES.includes(String(s.attributes['integration.log_type']))
      ).length;
      await waitFor(`${expected} SDK spans skipped by the connector`, async () => {
        const text = await (await fetch(collector.metricsUrl)).text();
        const m = /^otelcol_integrationlogs_spans_skipped(?:_total)?\{[^}]*reason="sdk_scope"[^}]*\} (\d+)/m.exec(text);
        return m !== null && Number(m[1]) >= expected;
      });
      expect(demoRecords().filter((r) => r.scope !== '@integration-logs/instrumentation')).toEqual([]);
      const operations = demoRecords()
        .filter((r) => r.eventName === 'integration.operation')
        .map((r) => r.spanId);
      expect(new Set(operations).size).toBe(operations.length);
    });

    test('operation counters in Prometheus cover every log type', async () => {
      const byLogType = await waitFor('integration_operations_total for every log type', async () => {
        const result = await prom.query(
          `sum by (integration_log_type) (integration_operations_total{job="${SERVICE}"})`
        );
        return result.length >= LOG_TYPES.length ? result : undefined;
      });
      const total = byLogType.reduce((n, s) => n + Number(s.value[1]), 0);
      expect(total).toBe(Object.values(report.operations).reduce((a, b) => a + b, 0));
    });

    test("span metrics in Prometheus cover every log type and the tools' 4xx", async () => {
      const byLogType = await waitFor('operation counts for every log type', async () => {
        const result = await prom.query(
          `sum by (integration_log_type) (traces_span_metrics_calls_total{service_name="${SERVICE}", span_kind!="SPAN_KIND_CLIENT"})`
        );
        return result.length >= LOG_TYPES.length ? result : undefined;
      });
      expect(new Set(byLogType.map((s) => s.metric.integration_log_type))).toEqual(new Set(LOG_TYPES));
      const client4xx = await prom.query(
        `sum by (integration_tool, http_response_status_code) (traces_span_metrics_calls_total{service_name="${SERVICE}", span_kind="SPAN_KIND_CLIENT", http_response_status_code=~"4.."})`
      );
      expect(client4xx.map((s) => s.metric.http_response_status_code)).toContain('401');
      expect(client4xx.every((s) => s.metric.integration_tool)).toBe(true);
    });
  });
}
