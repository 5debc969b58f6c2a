/** Test ids of the sync-metrics views, shared by components, jest tests and the browser harness. */
export const syncTestIds = {
  tab: 'data-testid sync-metrics-tab',
  empty: 'data-testid sync-metrics-empty',
  error: 'data-testid sync-metrics-error',
  table: 'data-testid sync-metrics-table',
  model: 'data-testid sync-metrics-model',
  warning: 'data-testid sync-metrics-warning',
  otherWarnings: 'data-testid sync-metrics-other-warnings',
  trend: 'data-testid sync-metrics-trend',
  drop: 'data-testid sync-metrics-drop',
  panel: 'data-testid syncmetrics-panel',
  panelEmpty: 'data-testid syncmetrics-empty',
};
