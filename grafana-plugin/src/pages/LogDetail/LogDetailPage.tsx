import React from 'react';
import { useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { testIds } from '../../components/testIds';

function LogDetailPage() {
  const { traceId = '' } = useParams();
  return (
    <PluginPage>
      <div data-testid={testIds.detail.container}>{traceId}</div>
    </PluginPage>
  );
}

export default LogDetailPage;
