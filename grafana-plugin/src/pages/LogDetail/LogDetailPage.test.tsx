// Renders the real app against HAND-MADE fixture records (test/fixtures/handmade) served
// through a mocked getBackendSrv that evaluates the app's LogQL (harness/fakeLoki.mjs).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import operations from '../../../test/fixtures/handmade/loki-operations.json';
import { forgetLokiLayouts } from '../../api/loki/layout';
import { parseStreamsResponse } from '../../api/loki/parse';
import { testIds } from '../../components/testIds';
import { toOperations } from '../../domain/operations';
import { fixtureFetch } from '../../test/fetchFixtures';
import { renderApp } from '../../test/renderApp';
import { detailSearch } from './detailRange';

let backend = fixtureFetch();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: (req: never) => backend.fetch(req) }),
  PluginPage: (props: never) => jest.requireActual('../../test/renderApp').TestPluginPage(props),
}));

const ops = toOperations(parseStreamsResponse(operations));
const link = (op: (typeof ops)[number]) => `/logs/${op.traceId}?${detailSearch(op)}`;
/** The Loki queries for the trace's own records (the tabs query other operations' records). */
const lokiQueries = () =>
  backend.calls
    .filter((c) => c.url.endsWith('/query_range') && c.params.query!.includes('trace_id='))
    .map((c) => c.params);

beforeEach(() => {
  backend = fixtureFetch();
  forgetLokiLayouts();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('LogDetailPage', () => {
  it('shows the operation header and its request logs, with the truncated response opened in a drawer', async () => {
    const op = ops[0]!; // the newest: a sync whose first response body was truncated
    const { location } = renderApp(link(op));
    const header = await screen.findByTestId(testIds.detail.header);
    expect(header).toHaveTextContent('Sync');
    expect(header).toHaveTextContent(op.tool);
    expect(header).toHaveTextContent(op.integrationId);
    // only the streams of the operation's tool and log type, in the linked operation's time
    expect(lokiQueries()).toEqual([
      expect.objectContaining({
        query: `{integration_tool="${op.tool}", integration_log_type="sync"} | trace_id="${op.traceId}"`,
        start: `${Math.round(op.endMs) - Math.ceil(op.durationMs) - 2_000}000000`,
        end: `${Math.round(op.endMs) + 2_000}000000`,
      }),
    ]);

    // a sync opens on its Sync metrics tab; switch to the request logs
    const tabs = screen.getByTestId(testIds.detail.tabs);
    expect(within(tabs).getByText('Sync metrics')).toBeInTheDocument();
    await act(async () => fireEvent.click(within(tabs).getByText('Request logs')));
    const rows = await screen.findAllByTestId(testIds.requests.row);
    expect(rows).toHaveLength(op.requestCount);

    await act(async () => fireEvent.click(rows[0]!));
    expect(location().search).toContain(`request=${rows[0]!.getAttribute('data-span-id')}`);
    const drawer = await screen.findByTestId(testIds.requests.drawer);
    expect(drawer).toHaveTextContent('[REDACTED]');
    expect(within(drawer).getByTestId(testIds.requests.truncated)).toHaveTextContent('Only the first part was logged');
    expect(within(drawer).getByTestId(testIds.requests.copyCurl)).toBeInTheDocument();

    await act(async () => fireEvent.click(within(drawer).getByTestId(testIds.requests.openResponse)));
    expect(await screen.findByTestId(testIds.requests.fullResponse)).toHaveTextContent('"name": "Employee 1"');
  });

  it('pretty-prints JSON bodies and shows rate-limit facts of a 429', async () => {
    const op = ops.find((o) => o.count4xx > 0)!;
    renderApp(`${link(op)}&tab=requests`);
    const rows = await screen.findAllByTestId(testIds.requests.row);
    const limited = rows.find((r) => r.textContent!.includes('429'))!;
    expect(limited).toHaveTextContent('Retry-After 2s');
    await act(async () => fireEvent.click(limited));
    const drawer = await screen.findByTestId(testIds.requests.drawer);
    expect(drawer).toHaveTextContent('0 of 100 left');
    expect(within(drawer).getByTestId(testIds.requests.responseBody).textContent).toBe(
      JSON.stringify({ error: 'email missing', field: 'email' }, null, 2)
    );
  });

  it('opens a link whose trace id another tool wrote in upper case without its leading zero', async () => {
    const op = ops.find((o) => o.traceId.startsWith('0'))!;
    const written = op.traceId.replace(/^0+/, '').toUpperCase(); // as Tempo 3's search wrote one
    renderApp(`/logs/${written}?time=${Math.round(op.endMs)}&duration=${Math.ceil(op.durationMs)}`);
    const header = await screen.findByTestId(testIds.detail.header);
    expect(header).toHaveTextContent(op.tool);
    expect(lokiQueries().map((q) => q.query)).toEqual([
      `{event_name="integration.operation"} | trace_id="${op.traceId}"`,
      `{integration_tool="${op.tool}", integration_log_type="${op.logType}"} | trace_id="${op.traceId}"`,
    ]);
  });

  it("reads every record of the trace with today's query on a Loki without the index labels", async () => {
    backend = fixtureFetch({ layout: 'metadata' });
    const op = ops[0]!;
    renderApp(link(op));
    expect(await screen.findByTestId(testIds.detail.header)).toHaveTextContent(op.tool);
    expect(lokiQueries().map((q) => q.query)).toEqual([`{service_name=~".+"} | trace_id="${op.traceId}"`]);
  });

  it('explains a missing operation instead of showing an empty page', async () => {
    renderApp('/logs/00000000000000000000000000000000?time=1795694376636');
    expect(await screen.findByTestId(testIds.detail.notFound)).toHaveTextContent(
      'No operation record for trace 00000000000000000000000000000000'
    );
    // without the operation record its streams are unknown: no other records are read
    expect(lokiQueries().map((q) => q.query)).toEqual([
      '{event_name="integration.operation"} | trace_id="00000000000000000000000000000000"',
    ]);
  });

  it('links the trace to Explore in the configured Tempo', async () => {
    renderApp(link(ops[1]!), { tempoDatasourceUid: 'my-tempo' });
    await screen.findByTestId(testIds.detail.header);
    const href = screen.getByTestId(testIds.detail.exploreLink).getAttribute('href')!;
    const panes = JSON.parse(new URLSearchParams(href.split('?')[1]).get('panes')!);
    expect(panes.a.datasource).toBe('my-tempo');
    expect(panes.a.queries[0].query).toBe(ops[1]!.traceId);
  });

  it('finds the operation from a link with only a trace id, asking Tempo for its time first', async () => {
    const op = ops[2]!;
    // "now" just after the fixture's operations, so the 7-day fallback covers them on any date
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 26, 13));
    renderApp(`/logs/${op.traceId}`);
    expect(await screen.findByTestId(testIds.detail.header)).toHaveTextContent(op.tool);
    const tempo = backend.calls.findIndex((c) => c.url.includes('/api/v2/traces/'));
    const loki = backend.calls.findIndex(
      (c) => c.url.endsWith('/query_range') && c.params.query!.includes('trace_id=')
    );
    expect(backend.calls[tempo]!.url).toBe(`/api/datasources/proxy/uid/tempo/api/v2/traces/${op.traceId}`);
    expect(tempo).toBeLessThan(loki);
    // the fixture backend has no Tempo: the app looks for the operation record in the last 7 days
    // of Loki's operation streams, then reads its tool's and log type's streams in its own time
    const [lookup, records] = lokiQueries();
    expect(lookup).toMatchObject({
      query: `{event_name="integration.operation"} | trace_id="${op.traceId}"`,
      start: `${Date.UTC(2026, 10, 19, 13)}000000`,
    });
    expect(records).toMatchObject({
      query: `{integration_tool="${op.tool}", integration_log_type="${op.logType}"} | trace_id="${op.traceId}"`,
      start: `${Math.round(op.endMs - op.durationMs - 2_000)}000000`,
    });
  });

  it('shows the data source error', async () => {
    backend = fixtureFetch({ fail: { status: 503, data: 'upstream unavailable' } });
    renderApp(link(ops[0]!));
    await waitFor(() =>
      expect(screen.getByTestId(testIds.detail.error)).toHaveTextContent(
        'could not be reached (503): upstream unavailable'
      )
    );
  });
});
