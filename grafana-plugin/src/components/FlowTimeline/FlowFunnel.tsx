import { css } from '@emotion/css';
import React from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import type { Funnel } from '../../domain/flows/funnel';
import { flowTestIds } from './testIds';

const pct = (x: number | undefined) => (x === undefined ? '–' : `${Math.round(x * 100)} %`);

/** Steps top to bottom: how many flows got that far, conversion from the step before, who stopped there. */
export function FlowFunnel({ funnel }: { funnel: Funnel }) {
  const styles = useStyles2(getStyles);
  if (funnel.stages.length === 0) {
    return <div className={styles.muted}>No flow steps in this range.</div>;
  }
  return (
    <div className={styles.funnel} data-testid={flowTestIds.funnel}>
      <div className={styles.summary}>
        {funnel.flowCount} flow{funnel.flowCount === 1 ? '' : 's'} · {funnel.connected} connected (
        {pct(funnel.flowCount ? funnel.connected / funnel.flowCount : 0)})
      </div>
      {funnel.stages.map((stage, i) => {
        const stopped = stage.stoppedHere;
        const stoppedText = [
          stopped.failed && `${stopped.failed} failed`,
          stopped.abandoned && `${stopped.abandoned} abandoned`,
          stopped.in_progress && `${stopped.in_progress} in progress`,
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <div
            key={stage.name}
            className={styles.stage}
            data-testid={flowTestIds.funnelStage}
            data-stage={stage.name}
            data-reached={stage.reached}
          >
            <div className={styles.label}>
              <strong>{stage.name}</strong>
              <span className={styles.muted}>{i === 0 ? '' : `${pct(stage.conversionFromPrevious)} of previous`}</span>
            </div>
            <div className={styles.track}>
              <div className={styles.bar} style={{ width: `${Math.max(1, stage.conversionFromStart * 100)}%` }} />
              <span className={styles.count}>{stage.reached}</span>
            </div>
            <div className={styles.muted}>{stoppedText ? `stopped here: ${stoppedText}` : ''}</div>
          </div>
        );
      })}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  funnel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  summary: css({ color: theme.colors.text.secondary }),
  stage: css({ display: 'grid', gridTemplateColumns: '220px 1fr 260px', alignItems: 'center', gap: theme.spacing(1) }),
  label: css({ display: 'flex', flexDirection: 'column' }),
  track: css({ position: 'relative', height: 22, background: theme.colors.background.secondary, borderRadius: 2 }),
  bar: css({ height: '100%', background: theme.colors.primary.main, borderRadius: 2 }),
  count: css({
    position: 'absolute',
    left: theme.spacing(1),
    top: 2,
    color: theme.colors.text.maxContrast,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
