import { goUnquote, HOSTILE_VALUES, parseLogQL } from '../../test/grammar';
import { buildFlowEventsQuery } from './flowQueries';
import { buildSyncHistoryQuery } from '../syncMetrics/syncQueries';

describe('flow and sync LogQL', () => {
  it('selects flow events, narrowed by exact matches', () => {
    expect(buildFlowEventsQuery()).toBe('{service_name=~".+"} | event_name="integration.flow.event"');
    expect(buildFlowEventsQuery({ tool: ' personio ', flowId: 'f-1', customerId: '' })).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_flow_id="f-1" | integration_tool="personio"'
    );
  });

  it('keeps user values inside their string literal', () => {
    const query = buildFlowEventsQuery({ customerId: 'x" | line_format "{{.secret}}' });
    expect(query).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_customer_id="x\\" | line_format \\"{{.secret}}"'
    );
    expect(buildSyncHistoryQuery('a\\b"')).toBe(
      '{service_name=~".+"} | event_name="integration.sync.model" | integration_id="a\\\\b\\""'
    );
  });
});

describe('flow and sync LogQL against the LogQL grammar', () => {
  it.each(HOSTILE_VALUES.filter((v) => v.trim() !== ''))('keeps %j one string literal', (value) => {
    for (const query of [
      buildFlowEventsQuery({ flowId: value, tool: value, customerId: value }),
      buildSyncHistoryQuery(value),
    ]) {
      const parsed = parseLogQL(query);
      expect(parsed.errors).toEqual([]);
      const literals = parsed.strings.map(goUnquote);
      expect(literals.filter((l) => l === value.trim() || l === value).length).toBeGreaterThan(0);
      expect(
        literals.every((l) =>
          [value, value.trim(), '.+', 'integration.flow.event', 'integration.sync.model'].includes(l)
        )
      ).toBe(true);
    }
  });
});
