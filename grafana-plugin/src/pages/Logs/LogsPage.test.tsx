// Renders the real app against HAND-MADE fixture records (test/fixtures/handmade) served
// through a mocked getBackendSrv that evaluates the app's LogQL (harness/fakeLoki.mjs).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { forgetLokiLayouts } from '../../api/loki/layout';
import { fixtureFetch } from '../../test/fetchFixtures';
import { renderApp } from '../../test/renderApp';
import { testIds } from '../../components/testIds';
import { parseLogQL } from '../../test/grammar';

let backend = fixtureFetch();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: (req: never) => backend.fetch(req) }),
  PluginPage: (props: never) => jest.requireActual('../../test/renderApp').TestPluginPage(props),
}));

// The fixture's operations end between 2026-11-26 07:20Z and 12:00Z.
const RANGE = `from=${Date.UTC(2026, 10, 25)}&to=${Date.UTC(2026, 10, 27)}`;

beforeEach(() => {
  backend = fixtureFetch();
  forgetLokiLayouts();
});

const LABELS_PATH = '/loki/api/v1/labels';
/** The layout check reads one line per query; the page's own queries read pages. */
const pageQueries = () => backend.calls.filter((c) => c.url.endsWith('/query_range') && c.params.limit !== '1');
const queries = () => pageQueries().map((c) => c.params.query);

async function countText() {
  await waitFor(() => expect(screen.getByTestId(testIds.logs.count)).not.toHaveTextContent('Loading'));
  return screen.getByTestId(testIds.logs.count).textContent;
}

describe('LogsPage', () => {
  it('lists operations newest first from the configured Loki', async () => {
    renderApp(`/logs?${RANGE}`, { lokiDatasourceUid: 'my-loki' });
    expect(await countText()).toBe('40 operations');
    const rows = screen.getAllByTestId(testIds.logs.row);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40); // virtualized: only the visible rows are mounted
    expect(rows[0]).toHaveTextContent('personio');
    // first the labels, then the list on the operation streams only
    expect(backend.calls[0]!.url).toBe(`/api/datasources/proxy/uid/my-loki${LABELS_PATH}`);
    expect(pageQueries()).toHaveLength(1);
    expect(pageQueries()[0]!.url).toBe('/api/datasources/proxy/uid/my-loki/loki/api/v1/query_range');
    expect(pageQueries()[0]!.params).toMatchObject({
      query: '{event_name="integration.operation"}',
      direction: 'backward',
      limit: '500',
      start: `${Date.UTC(2026, 10, 25)}000000`,
    });
    expect(screen.queryByTestId(testIds.indexLabelsNotice)).toBeNull();
  });

  it("falls back to today's query on a Loki without the index labels and says so", async () => {
    backend = fixtureFetch({ layout: 'metadata' });
    renderApp(`/logs?${RANGE}&type=sync&tool=personio`);
    expect(await countText()).toBe('8 operations');
    expect(queries()).toEqual([
      '{service_name=~".+"} | event_name="integration.operation" | integration_log_type="sync" | integration_tool="personio"',
    ]);
    const notice = screen.getByTestId(testIds.indexLabelsNotice);
    expect(notice).toHaveTextContent(
      'Loki does not index event_name, integration_tool and integration_log_type as labels'
    );
    expect(notice).toHaveTextContent('"Index labels" of provisioning/loki/README.md');
  });

  it('asks Loki for its labels once per data source, not per query', async () => {
    const { location, unmount } = renderApp(`/logs?${RANGE}`);
    await countText();
    const tool = screen.getByTestId(testIds.logs.toolFilter);
    fireEvent.change(tool, { target: { value: 'personio' } });
    fireEvent.keyDown(tool, { key: 'Enter' });
    await waitFor(() => expect(location().search).toContain('tool=personio'));
    await countText();
    unmount();
    renderApp(`/flows?${RANGE}`);
    await waitFor(() => expect(queries()).toHaveLength(3));
    expect(queries()[2]).toBe('{event_name="integration.flow.event"}');
    expect(backend.calls.filter((c) => c.url.endsWith(LABELS_PATH))).toHaveLength(1);
    expect(backend.calls.filter((c) => c.params.limit === '1')).toHaveLength(2);
  });

  it('reads a range that reaches back before Loki indexed the labels without them, and says so', async () => {
    const since = Date.UTC(2026, 10, 26, 10);
    backend = fixtureFetch({ layout: { labelsSinceNs: `${since}000000` } });
    const { location } = renderApp(`/logs?${RANGE}`);
    // records from before the labels are found too
    expect(await countText()).toBe('40 operations');
    expect(queries()).toEqual(['{service_name=~".+"} | event_name="integration.operation"']);
    expect(screen.getByTestId(testIds.indexLabelsNotice)).toHaveTextContent('as labels since 2026-11-26 10:00:32.756');

    // the oldest labelled record is at 10:00:32.756: a range from 10:01 reads with the labels
    const later = since + 60_000;
    act(() => locationService.partial({ from: String(later) }));
    await waitFor(() => expect(location().search).toContain(`from=${later}`));
    await waitFor(() => expect(queries()).toHaveLength(2));
    expect(queries()[1]).toBe('{event_name="integration.operation"}');
    expect(screen.queryByTestId(testIds.indexLabelsNotice)).toBeNull();
  });

  it("uses today's query without a notice when Loki does not answer the labels request", async () => {
    backend = fixtureFetch({ fail: { status: 500, data: 'labels unavailable', path: LABELS_PATH } });
    renderApp(`/logs?${RANGE}`);
    expect(await countText()).toBe('40 operations');
    expect(queries()).toEqual(['{service_name=~".+"} | event_name="integration.operation"']);
    expect(screen.queryByTestId(testIds.indexLabelsNotice)).toBeNull();
  });

  it('applies filters from the URL and writes new ones to it', async () => {
    const { location } = renderApp(`/logs?${RANGE}&type=sync`);
    expect(await countText()).toBe('8 operations');
    const tool = within(screen.getByTestId(testIds.logs.filters)).getByTestId(testIds.logs.toolFilter);
    fireEvent.change(tool, { target: { value: 'personio' } });
    fireEvent.keyDown(tool, { key: 'Enter' });
    await waitFor(() => expect(location().search).toContain('tool=personio'));
    expect(await countText()).toBe('8 operations');
    const last = backend.calls[backend.calls.length - 1]!.params.query;
    expect(last).toContain('integration_tool="personio"');
    expect(last).toContain('integration_log_type="sync"');

    fireEvent.click(screen.getByTestId(testIds.logs.has4xxFilter));
    await waitFor(() => expect(location().search).toContain('has4xx=1'));
    expect(await countText()).toBe('1 operation');
  });

  it('keeps hostile free text inside one literal and shows the empty state', async () => {
    renderApp(`/logs?${RANGE}`);
    await countText();
    const text = screen.getByTestId(testIds.logs.textFilter);
    const hostile = '"} or {job=~".+"} |= `x` \\ |';
    fireEvent.change(text, { target: { value: hostile } });
    fireEvent.keyDown(text, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId(testIds.logs.empty)).toBeInTheDocument());
    const query = backend.calls[backend.calls.length - 1]!.params.query!;
    expect(parseLogQL(query).errors).toEqual([]);
    expect(screen.getByTestId(testIds.logs.empty)).toHaveTextContent('match the filters');
  });

  it('opens an operation on click, carrying its time to the detail page', async () => {
    const { location } = renderApp(`/logs?${RANGE}`);
    await countText();
    const row = screen.getAllByTestId(testIds.logs.row)[0]!;
    const traceId = row.getAttribute('data-trace-id');
    await act(async () => fireEvent.click(row));
    expect(location().pathname).toBe(`/a/integrationlogs-app/logs/${traceId}`);
    expect(location().search).toMatch(/^\?time=\d+&duration=\d+&tool=\w+&type=\w+$/);
    // "All logs" leads back to the same filtered view
    const back = await screen.findByTestId(testIds.detail.back);
    expect(back.getAttribute('href')).toBe(`/a/integrationlogs-app/logs?${RANGE}`);
  });

  it('pages back with "Load older operations" until Loki has no more', async () => {
    const template = backend.records.find((r) => r.labels.event_name === 'integration.operation')!;
    const base = BigInt(Date.UTC(2026, 10, 26, 6)) * 1000000n;
    for (let i = 0; i < 1000; i++) {
      // pairs of records share a nanosecond: the cursor must neither skip nor repeat them
      backend.records.push({
        tsNs: `${base - BigInt(Math.floor(i / 2)) * 1000000000n}`,
        line: `op ${i}`,
        labels: { ...template.labels, trace_id: i.toString(16).padStart(32, '0') },
      });
    }
    renderApp(`/logs?${RANGE}`);
    expect(await countText()).toBe('500 operations (more available)');
    fireEvent.click(screen.getByTestId(testIds.logs.loadMore));
    // the next page starts at the oldest row's nanosecond, so its two records come back and
    // are merged away: 498 new rows
    await waitFor(() =>
      expect(screen.getByTestId(testIds.logs.count)).toHaveTextContent('998 operations (more available)')
    );
    fireEvent.click(screen.getByTestId(testIds.logs.loadMore));
    await waitFor(() => expect(screen.getByTestId(testIds.logs.count)).toHaveTextContent(/^1,040 operations$/));
    expect(screen.queryByTestId(testIds.logs.loadMore)).toBeNull();
  });

  it('live tail polls the last minute and puts new operations on top', async () => {
    renderApp(`/logs?${RANGE}`);
    expect(await countText()).toBe('40 operations');
    const template = backend.records.find((r) => r.labels.event_name === 'integration.operation')!;
    backend.records.push({
      tsNs: `${Date.now() - 1000}000000`,
      line: 'action newtool: success',
      labels: { ...template.labels, integration_tool: 'newtool', trace_id: 'f'.repeat(32) },
    });
    fireEvent.click(screen.getByTestId(testIds.logs.liveToggle));
    await waitFor(() => expect(screen.getByTestId(testIds.logs.count)).toHaveTextContent('41 operations · live'));
    expect(screen.getAllByTestId(testIds.logs.row)[0]).toHaveTextContent('newtool');
    const poll = backend.calls[backend.calls.length - 1]!.params;
    expect(Number(BigInt(poll.end!) - BigInt(poll.start!)) / 1e6).toBe(60_000);
    // polls keep coming every 2.5 s and do not duplicate rows
    const polls = backend.calls.length;
    await waitFor(() => expect(backend.calls.length).toBeGreaterThan(polls));
    expect(screen.getByTestId(testIds.logs.count)).toHaveTextContent('41 operations');
    fireEvent.click(screen.getByTestId(testIds.logs.liveToggle));
    expect(screen.getByTestId(testIds.logs.count)).not.toHaveTextContent('live');
  });

  it('says which data source is unreachable and how to fix it', async () => {
    backend = fixtureFetch({
      fail: { status: 502, data: { message: 'dial tcp 10.0.0.5:3100: connect: connection refused' } },
    });
    renderApp(`/logs?${RANGE}`);
    const error = await screen.findByTestId(testIds.logs.error);
    expect(error).toHaveTextContent(
      'Loki (data source "loki") could not be reached (502): dial tcp 10.0.0.5:3100: connect: connection refused'
    );
    expect(error).toHaveTextContent('Check that Loki is running');
  });

  it('says when the configured data source does not exist', async () => {
    backend = fixtureFetch({ fail: { status: 404, data: { message: 'Unable to find datasource' } } });
    renderApp(`/logs?${RANGE}`, { lokiDatasourceUid: 'gone' });
    const error = await screen.findByTestId(testIds.logs.error);
    expect(error).toHaveTextContent('There is no Loki data source with uid "gone".');
    expect(error).toHaveTextContent("app's configuration");
  });
});
