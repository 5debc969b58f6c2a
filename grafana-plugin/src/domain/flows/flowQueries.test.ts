import { goUnquote, HOSTILE_VALUES, parseLogQL } from '../../test/grammar';
import { buildFlowEventsQuery } from './flowQueries';
import { buildSyncHistoryQuery } from '../syncMetrics/syncQueries';

describe('flow and sync LogQL, metadata layout (Loki without the index labels)', () => {
  it('selects flow events, narrowed by exact matches', () => {
    expect(buildFlowEventsQuery('metadata')).toBe('{service_name=~".+"} | event_name="integration.flow.event"');
    expect(buildFlowEventsQuery('metadata', { tool: ' personio ', flowId: 'f-1', customerId: '' })).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_flow_id="f-1" | integration_tool="personio"'
    );
  });

  it("leaves out the flow's tool, which would only add a stage", () => {
    expect(buildFlowEventsQuery('metadata', { flowId: 'f-1', flowTool: 'personio' })).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_flow_id="f-1"'
    );
    expect(buildSyncHistoryQuery('metadata', 'int-1', 'personio')).toBe(
      '{service_name=~".+"} | event_name="integration.sync.model" | integration_id="int-1"'
    );
  });

  it('keeps user values inside their string literal', () => {
    const query = buildFlowEventsQuery('metadata', { customerId: 'x" | line_format "{{.secret}}' });
    expect(query).toBe(
      '{service_name=~".+"} | event_name="integration.flow.event" | integration_customer_id="x\\" | line_format \\"{{.secret}}"'
    );
    expect(buildSyncHistoryQuery('metadata', 'a\\b"')).toBe(
      '{service_name=~".+"} | event_name="integration.sync.model" | integration_id="a\\\\b\\""'
    );
  });
});

describe('flow and sync LogQL, labels layout', () => {
  it('selects the flow-event streams, of one tool when given', () => {
    expect(buildFlowEventsQuery('labels')).toBe('{event_name="integration.flow.event"}');
    expect(buildFlowEventsQuery('labels', { tool: ' personio ', customerId: 'cust_1' })).toBe(
      '{event_name="integration.flow.event", integration_tool="personio"} | integration_customer_id="cust_1"'
    );
  });

  it("reads one flow's events on its tool's streams", () => {
    expect(buildFlowEventsQuery('labels', { flowId: 'f-1', flowTool: 'personio' })).toBe(
      '{event_name="integration.flow.event", integration_tool="personio"} | integration_flow_id="f-1"'
    );
    expect(buildFlowEventsQuery('labels', { flowId: 'f-1' })).toBe(
      '{event_name="integration.flow.event"} | integration_flow_id="f-1"'
    );
  });

  it("reads an integration's sync models on its tool's streams", () => {
    expect(buildSyncHistoryQuery('labels', 'int-1', 'personio')).toBe(
      '{event_name="integration.sync.model", integration_tool="personio"} | integration_id="int-1"'
    );
    expect(buildSyncHistoryQuery('labels', 'int-1')).toBe(
      '{event_name="integration.sync.model"} | integration_id="int-1"'
    );
  });
});

describe('flow and sync LogQL against the LogQL grammar', () => {
  it.each(HOSTILE_VALUES.filter((v) => v.trim() !== ''))('keeps %j one string literal', (value) => {
    for (const layout of ['metadata', 'labels'] as const) {
      for (const query of [
        buildFlowEventsQuery(layout, { flowId: value, tool: value, customerId: value }),
        buildFlowEventsQuery(layout, { flowId: value, flowTool: value }),
        buildSyncHistoryQuery(layout, value, value),
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
    }
  });
});
