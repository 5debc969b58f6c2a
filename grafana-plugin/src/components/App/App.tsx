import React, { lazy, Suspense, useMemo } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { AppSettings, ROUTES } from '../../constants';
import { resolveSettings, SettingsContext } from '../../settings';

const LogsPage = lazy(() => import('../../pages/Logs/LogsPage'));
const LogDetailPage = lazy(() => import('../../pages/LogDetail/LogDetailPage'));
const ConnectionFlowsPage = lazy(() => import('../../pages/ConnectionFlows/ConnectionFlowsPage'));
const RequestsPage = lazy(() => import('../../pages/Requests/RequestsPage'));

function App(props: AppRootProps<Partial<AppSettings>>) {
  const settings = useMemo(() => resolveSettings(props.meta?.jsonData), [props.meta?.jsonData]);
  return (
    <SettingsContext.Provider value={settings}>
      <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
        <Routes>
          <Route path={`${ROUTES.Logs}/:traceId`} element={<LogDetailPage />} />
          <Route path={ROUTES.Flows} element={<ConnectionFlowsPage />} />
          <Route path={ROUTES.Requests} element={<RequestsPage />} />
          {/* The logs list is the home page. */}
          <Route path="*" element={<LogsPage />} />
        </Routes>
      </Suspense>
    </SettingsContext.Provider>
  );
}

export default App;
