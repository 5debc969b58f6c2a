import React, { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Badge, useStyles2 } from '@grafana/ui';
import { REQUEST_PARAM } from '../../pages/LogDetail/detailRange';
import { statusClass } from '../../domain/requests';
import { DetailTabProps, RequestLog } from '../../domain/types';
import { testIds } from '../testIds';
import { RequestDrawer } from './RequestDrawer';
import { RequestTable } from './RequestTable';

/** The operation's HTTP requests, oldest first; a row opens its details in a drawer. */
export function RequestLogsTab({ records }: DetailTabProps) {
  const s = useStyles2(getStyles);
  const location = useLocation();
  const selectedId = new URLSearchParams(location.search).get(REQUEST_PARAM);
  const requests = records.requests;
  const selected = useMemo(() => requests.find((r) => r.spanId === selectedId) ?? null, [requests, selectedId]);

  if (requests.length === 0) {
    return (
      <div className={s.empty} data-testid={testIds.requests.empty}>
        This operation made no HTTP requests.
      </div>
    );
  }
  const open = (r: RequestLog | null) => locationService.partial({ [REQUEST_PARAM]: r ? r.spanId : null });
  const c4 = requests.filter((r) => statusClass(r.status) === '4xx').length;
  const c5 = requests.filter((r) => statusClass(r.status) === '5xx').length;

  return (
    <div>
      <div className={s.summary}>
        {requests.length.toLocaleString()} request{requests.length === 1 ? '' : 's'}
        {c4 > 0 && <Badge text={`${c4} 4xx`} color="orange" className={s.badge} />}
        {c5 > 0 && <Badge text={`${c5} 5xx`} color="red" className={s.badge} />}
      </div>
      <RequestTable
        requests={requests}
        columns={['time', 'method', 'path', 'status', 'duration', 'facts']}
        selectedId={selectedId}
        onOpen={open}
        height={Math.max(360, window.innerHeight - 360)}
      />
      {selected && <RequestDrawer request={selected} onClose={() => open(null)} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ marginBottom: theme.spacing(1), color: theme.colors.text.secondary }),
  badge: css({ marginLeft: theme.spacing(1) }),
  empty: css({ padding: theme.spacing(3), color: theme.colors.text.secondary }),
});
