// Renders the real app against HAND-MADE fixture records (test/fixtures/handmade) served
// through a mocked getBackendSrv that evaluates the app's LogQL (harness/fakeLoki.mjs).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { forgetLokiLayouts } from '../../api/loki/layout';
import { testIds } from '../../components/testIds';
import { fixtureFetch, listQueriesOf } from '../../test/fetchFixtures';
import { parseLogQL } from '../../test/grammar';
import { renderApp } from '../../test/renderApp';

let backend = fixtureFetch();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: (req: never) => backend.fetch(req) }),
  PluginPage: (props: never) => jest.requireActual('../../test/renderApp').TestPluginPage(props),
}));

const ids = testIds.requestsPage;
// The fixture's records lie between 2026-11-26 07:20Z and 12:00Z.
const RANGE = `from=${Date.UTC(2026, 10, 26)}&to=${Date.UTC(2026, 10, 27)}`;

beforeEach(() => {
  backend = fixtureFetch();
  forgetLokiLayouts();
});

const listQueries = () => listQueriesOf(backend.calls);
const lokiMetricQueries = () =>
  backend.calls
    .filter((c) => c.url.includes('/loki/') && (c.params.step !== undefined || c.url.endsWith('/query')))
    .map((c) => c.params.query!);
const promQueries = () => backend.calls.filter((c) => c.url.includes('/uid/prometheus/')).map((c) => c.params.query!);

async function countText() {
  await waitFor(() => expect(screen.getByTestId(ids.count)).not.toHaveTextContent('Loading'));
  return screen.getByTestId(ids.count).textContent;
}

const legend = async (cls: string) => {
  await waitFor(() => expect(screen.getAllByTestId(ids.chartLegend).length).toBeGreaterThan(0));
  return screen.getAllByTestId(ids.chartLegend).find((el) => el.getAttribute('data-class') === cls)!;
};

describe('RequestsPage', () => {
  it('lists requests across operations newest first, from the request streams only', async () => {
    renderApp(`/requests?${RANGE}`);
    expect(await countText()).toBe('88 requests');
    const rows = screen.getAllByTestId(testIds.requests.row);
    expect(rows.length).toBeLessThan(88); // virtualized
    expect(rows[0]).toHaveTextContent('personio');
    expect(listQueries()).toEqual(['{event_name="integration.request"}']);
    expect(await legend('2xx')).toHaveTextContent('2xx 82');
    // counts by status from the span metrics; the top lists from the same streams as the list
    expect(promQueries()).toEqual([
      'sum by (http_response_status_code) (increase(traces_span_metrics_calls_total{span_kind="SPAN_KIND_CLIENT"}[1800s]))',
    ]);
    expect(screen.getByTestId(ids.chartSource)).toHaveAttribute('data-source', 'prometheus');
    expect(lokiMetricQueries()).toHaveLength(2);
    for (const q of lokiMetricQueries()) {
      expect(q).toMatch(
        /^topk\(8, sum by \((url_template|integration_customer_id)\) \(count_over_time\(\{event_name="integration.request"\} \[86400s\]\)\)\)$/
      );
      expect(parseLogQL(q).errors).toEqual([]);
    }
    expect(await legend('4xx')).toHaveTextContent('4xx 2');
    expect(await legend('5xx')).toHaveTextContent('5xx 4');
    const endpoints = within(screen.getByTestId(ids.topEndpoints));
    await waitFor(() => expect(endpoints.getAllByTestId(ids.topItem)).toHaveLength(2));
    expect(endpoints.getAllByTestId(ids.topItem)[0]).toHaveTextContent('/v1/employees56');
  });

  it('opens from an alert link on the tool and class, and narrows to a top endpoint in one click', async () => {
    const { location } = renderApp(`/requests?tool=workday&class=5xx&${RANGE}`);
    expect(await countText()).toBe('1 request');
    expect(listQueries()).toEqual([
      '{event_name="integration.request", integration_tool="workday"} | http_response_status_code=~"5[0-9][0-9]"',
    ]);
    const endpoints = within(screen.getByTestId(ids.topEndpoints));
    await waitFor(() => expect(endpoints.getAllByTestId(ids.topItem)).toHaveLength(1));
    fireEvent.click(endpoints.getByText('/v1/employees/{id}'));
    await waitFor(() => expect(new URLSearchParams(location().search).get('endpoint')).toBe('/v1/employees/{id}'));
    await waitFor(() =>
      expect(listQueries()).toContain(
        '{event_name="integration.request", integration_tool="workday"} | url_template="/v1/employees/{id}"' +
          ' | http_response_status_code=~"5[0-9][0-9]"'
      )
    );
    expect(await countText()).toBe('1 request');
  });

  it('counts by status in Loki when a filter is no span-metrics dimension', async () => {
    renderApp(`/requests?customer=cust_2&${RANGE}`);
    await waitFor(() => expect(screen.getByTestId(ids.chartSource)).toHaveAttribute('data-source', 'loki'));
    expect(promQueries()).toEqual([]);
    expect(lokiMetricQueries()).toContain(
      'sum by (http_response_status_code) (count_over_time({event_name="integration.request"} | integration_customer_id="cust_2" [1800s]))'
    );
  });

  it('counts by status in Loki when Prometheus does not answer', async () => {
    backend = fixtureFetch({
      fail: { status: 404, data: { message: 'Unable to find datasource' }, path: '/uid/prometheus/api/v1/query_range' },
    });
    renderApp(`/requests?tool=workday&${RANGE}`);
    await waitFor(async () => expect(await legend('5xx')).toHaveTextContent('5xx 1'));
    expect(screen.getByTestId(ids.chartSource)).toHaveTextContent('the span metrics in Prometheus did not answer');
    expect(promQueries()).toHaveLength(1);
    expect(screen.queryByTestId(ids.error)).toBeNull();
  });

  it('narrows to a status class from the chart legend and back', async () => {
    const { location } = renderApp(`/requests?${RANGE}`);
    await countText();
    fireEvent.click(await legend('4xx'));
    await waitFor(() => expect(new URLSearchParams(location().search).get('class')).toBe('4xx'));
    expect(await countText()).toBe('2 requests');
    fireEvent.click(await legend('4xx'));
    await waitFor(() => expect(new URLSearchParams(location().search).get('class')).toBeNull());
  });

  it('opens a request in the drawer and goes to its operation with the request open', async () => {
    const { location } = renderApp(`/requests?tool=workday&class=5xx&${RANGE}`);
    await countText();
    fireEvent.click(screen.getByTestId(testIds.requests.row));
    const drawer = await screen.findByTestId(testIds.requests.drawer);
    expect(within(drawer).getByTestId(testIds.requests.responseBody)).toHaveTextContent('email missing');
    expect(new URLSearchParams(location().search).get('request')).toBe('96823af2be9696c8');
    fireEvent.click(within(drawer).getByTestId(ids.openOperation));
    await waitFor(() => expect(location().pathname).toContain('/logs/e6d2673e4f5911c2eba6305c6218950d'));
    const search = new URLSearchParams(location().search);
    expect(Object.fromEntries(search)).toMatchObject({
      tool: 'workday',
      type: 'connection_flow',
      tab: 'requests',
      request: '96823af2be9696c8',
    });
    expect(Number(search.get('time'))).toBeGreaterThan(Date.UTC(2026, 10, 26));
    // the operation record was looked up on the operation streams of the request's tool
    expect(backend.calls.map((c) => c.params.query)).toContain(
      '{event_name="integration.operation", integration_tool="workday", integration_log_type="connection_flow"}' +
        ' | trace_id="e6d2673e4f5911c2eba6305c6218950d"'
    );
    expect(await screen.findByTestId(testIds.detail.header)).toBeInTheDocument();
  });

  it('searches bodies case-insensitively by default, case-sensitively when asked', async () => {
    renderApp(`/requests?q=${encodeURIComponent('"FIELD":"email"')}&${RANGE}`);
    // the 4xx and 5xx responses' JSON bodies
    expect(await countText()).toBe('6 requests');
    // in the line the quotes are \" (JSON inside JSON): a regex-escaped backslash and a quote, each quoted for LogQL
    expect(listQueries()).toEqual([
      String.raw`{event_name="integration.request"} |~ "(?i)\\\\\"FIELD\\\\\":\\\\\"email\\\\\""`,
    ]);
    fireEvent.click(screen.getByTestId(ids.caseSensitive));
    await waitFor(() => expect(listQueries()).toHaveLength(2));
    expect(listQueries()[1]).toBe(String.raw`{event_name="integration.request"} |= "\\\"FIELD\\\":\\\"email\\\""`);
    expect(await countText()).toBe('0 requests');
    expect(screen.getByTestId(ids.empty)).toHaveTextContent('match the filters');
  });

  it('shows the operations that made the matching requests', async () => {
    renderApp(`/requests?class=5xx&view=operations&${RANGE}`);
    await waitFor(() => expect(screen.getByTestId(ids.count)).toHaveTextContent('4 operations made the 4 requests'));
    const rows = screen.getAllByTestId(testIds.logs.row);
    expect(rows.map((r) => r.getAttribute('data-trace-id')).sort()).toEqual(
      [
        'e6d2673e4f5911c2eba6305c6218950d',
        '2cb42e14979bc934e49a477decfaed24',
        '3a62df0ff7bdb02ed1aa3e976efd534c',
        '6284da75388fc9a3d563bf4c8b8c4801',
      ].sort()
    );
  });

  it('says which data source failed', async () => {
    backend = fixtureFetch({ fail: { status: 502, data: { message: 'connection refused' }, path: '/query_range' } });
    renderApp(`/requests?${RANGE}`);
    await waitFor(() => expect(screen.getAllByTestId(ids.error).length).toBeGreaterThan(0));
    expect(screen.getAllByTestId(ids.error)[0]).toHaveTextContent('Loki');
  });
});
