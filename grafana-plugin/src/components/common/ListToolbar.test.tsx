// Every list page renders its actions from ListToolbar: the real app against the HAND-MADE
// fixture records (test/fixtures/handmade), through a mocked getBackendSrv that evaluates the
// app's LogQL (harness/fakeLoki.mjs).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { forgetLokiLayouts } from '../../api/loki/layout';
import { fixtureFetch, listQueriesOf } from '../../test/fetchFixtures';
import { renderApp } from '../../test/renderApp';
import { testIds } from '../testIds';

let backend = fixtureFetch();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: (req: never) => backend.fetch(req) }),
  PluginPage: (props: never) => jest.requireActual('../../test/renderApp').TestPluginPage(props),
}));

const FROM = Date.UTC(2026, 10, 26);
const TO = Date.UTC(2026, 10, 27);

beforeEach(() => {
  backend = fixtureFetch();
  forgetLokiLayouts();
});

const listQueries = () => listQueriesOf(backend.calls);

/** The Explore pane a link opens. */
function explorePane(href: string) {
  const panes = JSON.parse(new URL(href, 'http://grafana').searchParams.get('panes')!);
  return panes.a as { datasource: string; queries: Array<{ expr?: string }>; range: { from: string; to: string } };
}

describe.each([
  ['Logs', '/logs'],
  ['Requests', '/requests'],
  ['Connection flows', '/flows'],
])('the %s page toolbar', (_name, path) => {
  it('links the list query to Explore in the configured Loki, over the URL range', async () => {
    renderApp(`${path}?from=${FROM}&to=${TO}`, { lokiDatasourceUid: 'my-loki' });
    await waitFor(() => expect(listQueries().length).toBeGreaterThan(0));
    const link = await screen.findByTestId(testIds.toolbar.exploreLogs);
    const pane = explorePane(link.getAttribute('href')!);
    expect(pane.datasource).toBe('my-loki');
    expect(pane.queries[0]!.expr).toBe(listQueries()[0]);
    expect(pane.range).toEqual({ from: String(FROM), to: String(TO) });
  });

  it('zooms out to twice the range around the same middle', async () => {
    const { location } = renderApp(`${path}?from=${FROM}&to=${TO}`);
    const span = TO - FROM;
    fireEvent.click(await screen.findByRole('button', { name: 'Zoom out time range' }));
    await waitFor(() => expect(location().search).toContain(`from=${FROM - span / 2}`));
    expect(location().search).toContain(`to=${TO + span / 2}`);
  });

  it('runs the list query again on refresh', async () => {
    renderApp(`${path}?from=${FROM}&to=${TO}`);
    await waitFor(() => expect(listQueries()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('data-testid RefreshPicker run button'));
    await waitFor(() => expect(listQueries()).toHaveLength(2));
    expect(listQueries()[1]).toBe(listQueries()[0]);
  });
});
