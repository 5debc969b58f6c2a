// promtool on the Prometheus config, the alert rules and their unit tests
// (provisioning/prometheus/tests/*.test.yml: the 4xx spike fires on a spike, stays
// silent for a steady high rate, a quiet tool and a collector restart; 5xx; failed syncs;
// telemetry not reaching Loki or Tempo; sync volume dropped below the 7-day median, or gone).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describeWith, promtool } from './support/binaries.js';
import { fromProvisioning } from './support/files.js';

describeWith([promtool()], 'Prometheus config and rules (promtool)', (bin) => {
  const run = (...args: string[]) => {
    const result = spawnSync(bin.promtool as string, args, {
      encoding: 'utf8',
      cwd: fromProvisioning('prometheus'),
      timeout: 120_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  test('promtool check config', () => {
    const result = run('check', 'config', 'prometheus.yml');
    expect(result.output).toContain('SUCCESS');
    expect(result).toMatchObject({ status: 0 });
  });

  test('promtool check rules', () => {
    const files = readdirSync(fromProvisioning('prometheus/rules')).map((f) => `rules/${f}`);
    expect(files.length).toBeGreaterThan(0);
    const result = run('check', 'rules', ...files);
    expect(result.output).toContain('rules/integration-alerts.yml\n  SUCCESS: 4 rules found');
    expect(result.output).toContain('rules/pipeline-alerts.yml\n  SUCCESS: 2 rules found');
    expect(result).toMatchObject({ status: 0 });
  });

  test('promtool test rules', () => {
    const files = readdirSync(fromProvisioning('prometheus/tests')).map((f) => `tests/${f}`);
    expect(files.length).toBeGreaterThan(0);
    const result = run('test', 'rules', ...files);
    expect(result.output).toContain('SUCCESS');
    expect(result.output).not.toContain('FAILED');
    expect(result).toMatchObject({ status: 0 });
  });
});
