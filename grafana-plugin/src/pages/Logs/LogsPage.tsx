import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { testIds } from '../../components/testIds';

function LogsPage() {
  return (
    <PluginPage>
      <div data-testid={testIds.logs.container}>Operations</div>
    </PluginPage>
  );
}

export default LogsPage;
