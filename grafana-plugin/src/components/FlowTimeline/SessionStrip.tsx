import { css } from '@emotion/css';
import React from 'react';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { formatTime } from '../../utils/format';
import type { Flow } from '../../domain/flows/sessionize';
import { eventKind, kindColor } from './eventKind';
import { SessionsWithGaps } from './SessionsWithGaps';
import { flowTestIds } from './testIds';

/**
 * A flow's sessions on one line: each session a solid bar with a dot per event, a dashed
 * (broken) line between sessions labelled with the pause. Widths follow event counts, not
 * time, so a two-day pause does not squeeze the sessions to nothing.
 */
export function SessionStrip({ flow }: { flow: Flow }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <div className={styles.strip} data-testid={flowTestIds.strip}>
      <SessionsWithGaps
        flow={flow}
        classNames={styles}
        renderSession={(session) => (
          <div className={styles.session} style={{ flexGrow: session.events.length }} data-testid={flowTestIds.session}>
            {session.events.map((event, j) => (
              <span
                key={j}
                className={styles.dot}
                style={{ background: kindColor(theme, eventKind(event.event)) }}
                title={`${event.event}${event.step ? ` · ${event.step}` : ''} · ${formatTime(event.time, 'second')}`}
              />
            ))}
          </div>
        )}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  strip: css({ display: 'flex', alignItems: 'center', minWidth: 160, width: '100%' }),
  session: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: 2,
    minWidth: 24,
    height: 12,
    padding: '0 3px',
    borderRadius: 6,
    background: `linear-gradient(${theme.colors.border.strong}, ${theme.colors.border.strong}) center / 100% 2px no-repeat`,
  }),
  dot: css({ width: 8, height: 8, borderRadius: '50%', flex: '0 0 auto' }),
  gap: css({
    flex: '0 0 auto',
    minWidth: 72,
    position: 'relative',
    height: 24,
    margin: '0 4px',
    borderTop: `2px dashed ${theme.colors.text.disabled}`,
    marginTop: 22,
    textAlign: 'center',
  }),
  gapLabel: css({
    position: 'relative',
    top: -20,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
  }),
});
