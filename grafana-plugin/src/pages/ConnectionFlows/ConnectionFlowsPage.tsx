import React from 'react';
import { PluginPage } from '@grafana/runtime';

/** Placeholder: connection flows across sessions. */
function ConnectionFlowsPage() {
  return (
    <PluginPage>
      <div>Connection flows</div>
    </PluginPage>
  );
}

export default ConnectionFlowsPage;
