import { css } from '@emotion/css';
import React, { useMemo, useState } from 'react';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { flowOutcome } from '../../domain/flows/outcome';
import { sessionizeFlows } from '../../domain/flows/sessionize';
import { OutcomeBadge } from '../../components/FlowTimeline/OutcomeBadge';
import { SessionStrip } from '../../components/FlowTimeline/SessionStrip';
import { SessionTimeline } from '../../components/FlowTimeline/SessionTimeline';
import { flowTestIds } from '../../components/FlowTimeline/testIds';
import { formatTime } from '../../utils/format';
import { flowEventsFromFrames } from '../shared/flowFrames';
import { fieldNamesFrom, gapMsFrom, type FlowSessionsOptions } from './options';

/** Flow events from any query (e.g. Loki over `integration.flow.event`) drawn as user sessions per flow. */
export function FlowSessionsPanel({ data, options, width, height, timeZone }: PanelProps<FlowSessionsOptions>) {
  const styles = useStyles2(getStyles);
  const names = fieldNamesFrom(options);
  const gapMs = gapMsFrom(options);
  const flows = useMemo(
    () => sessionizeFlows(flowEventsFromFrames(data.series, names), { gapMs }),
    // names is rebuilt each render; its inputs are the options
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.series, gapMs, options.flowIdField, options.sessionIdField, options.eventField, options.stepField]
  );
  const shown = flows.slice(0, Math.max(1, options.maxFlows || 50));
  const [open, setOpen] = useState<string | undefined>(undefined);
  const openId = open ?? (options.expandFirst ? shown[0]?.flowId : undefined);
  // Outcomes are judged as of the end of the panel's time range, like the data.
  const now = data.timeRange.to.valueOf();

  if (flows.length === 0) {
    return (
      <div className={styles.empty} data-testid={flowTestIds.panelEmpty}>
        No flow events in the data. Rows need a flow id ({names.flowId}) and an event ({names.event}) as labels or
        fields; set other names in the panel options.
      </div>
    );
  }
  return (
    <div className={styles.panel} style={{ width, height }} data-testid={flowTestIds.panel}>
      {shown.map((flow) => {
        const isOpen = flow.flowId === openId;
        return (
          <div key={flow.flowId} className={styles.flow} data-testid={flowTestIds.panelFlow} data-flow-id={flow.flowId}>
            <button
              type="button"
              className={styles.header}
              aria-expanded={isOpen}
              onClick={() => setOpen(isOpen ? '' : flow.flowId)}
            >
              <Icon name={isOpen ? 'angle-down' : 'angle-right'} />
              <span className={styles.title}>
                {flow.tool ?? 'flow'} · {flow.customerId ?? flow.flowId}
                {flow.endUserId ? ` · ${flow.endUserId}` : ''}
              </span>
              <OutcomeBadge outcome={flowOutcome(flow, { now, gapMs })} />
              <span className={styles.muted}>
                {flow.sessions.length} session{flow.sessions.length === 1 ? '' : 's'} ·{' '}
                {formatTime(flow.start, 'shortMinute', timeZone)}
              </span>
              <span className={styles.strip}>
                <SessionStrip flow={flow} />
              </span>
            </button>
            {isOpen && (
              <div className={styles.detail}>
                <SessionTimeline flow={flow} />
              </div>
            )}
          </div>
        );
      })}
      {flows.length > shown.length && (
        <div className={styles.muted}>
          {flows.length - shown.length} older flows not shown (raise Most flows in the panel options).
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ overflow: 'auto', display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  empty: css({ padding: theme.spacing(2), color: theme.colors.text.secondary }),
  flow: css({ borderBottom: `1px solid ${theme.colors.border.weak}` }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
    background: 'none',
    border: 'none',
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.primary,
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover },
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
  strip: css({ flex: 1, minWidth: 120, paddingRight: theme.spacing(1) }),
  detail: css({ paddingLeft: theme.spacing(2) }),
});
