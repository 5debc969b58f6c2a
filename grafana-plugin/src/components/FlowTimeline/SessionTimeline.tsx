import { css } from '@emotion/css';
import React, { useState } from 'react';
import { type GrafanaTheme2 } from '@grafana/data';
import { Badge, Button, useStyles2, useTheme2 } from '@grafana/ui';

import type { FlowEvent } from '../../domain/flows/flowEvent';
import { formatDuration, formatTime } from '../../utils/format';
import type { Flow } from '../../domain/flows/sessionize';
import { eventKind, kindColor } from './eventKind';
import type { RequestRef } from './requestsByEvent';
import { SessionsWithGaps } from './SessionsWithGaps';
import { flowTestIds } from './testIds';

export interface SessionTimelineProps {
  flow: Flow;
  /** Requests made during each event's step (see requestsByEvent). */
  requests?: Map<FlowEvent, RequestRef[]>;
  /** Where a request opens: a link into the Request logs tab. */
  requestHref?: (request: RequestRef) => string;
  /** Opens a request in place (the log detail page's Request logs tab); wins over the link. */
  onOpenRequest?: (request: RequestRef) => void;
  /** Highlights the events of one operation (the log being viewed). */
  currentTraceId?: string;
  /**
   * Link to the log of the operation that emitted an event (its requests are there); shown on
   * the first event of each operation other than the current one.
   */
  operationHref?: (traceId: string) => string | undefined;
}

/**
 * A flow's events top to bottom, grouped by user session: a solid line runs through each
 * session, a dashed (broken) line with the pause's length separates two sessions.
 */
export function SessionTimeline(props: SessionTimelineProps) {
  const { flow, requests, requestHref, onOpenRequest, currentTraceId, operationHref } = props;
  const styles = useStyles2(getStyles);
  const firstOfTrace = new Set<FlowEvent>();
  const seenTraces = new Set<string>();
  for (const event of flow.events) {
    if (event.traceId && !seenTraces.has(event.traceId)) {
      seenTraces.add(event.traceId);
      firstOfTrace.add(event);
    }
  }
  return (
    <div className={styles.timeline} data-testid={flowTestIds.timeline}>
      <SessionsWithGaps
        flow={flow}
        classNames={styles}
        renderSession={(session, i) => (
          <section className={styles.session} data-testid={flowTestIds.session} data-session-id={session.id}>
            <header className={styles.sessionHeader}>
              <strong>Session {i + 1}</strong>
              <span className={styles.muted}>
                {session.derived ? 'no session id, split by inactivity' : session.id} ·{' '}
                {formatTime(session.start, 'second')}
                {' · '}
                {formatDuration(session.end - session.start)} · {session.events.length} event
                {session.events.length === 1 ? '' : 's'}
              </span>
            </header>
            <ol className={styles.events}>
              {session.events.map((event, j) => (
                <EventRow
                  key={`${event.time}-${j}`}
                  event={event}
                  requests={requests?.get(event) ?? []}
                  requestHref={requestHref}
                  onOpenRequest={onOpenRequest}
                  current={currentTraceId !== undefined && event.traceId === currentTraceId}
                  logHref={
                    event.traceId && event.traceId !== currentTraceId && firstOfTrace.has(event)
                      ? operationHref?.(event.traceId)
                      : undefined
                  }
                />
              ))}
            </ol>
          </section>
        )}
      />
    </div>
  );
}

interface EventRowProps {
  event: FlowEvent;
  requests: RequestRef[];
  requestHref?: (r: RequestRef) => string;
  onOpenRequest?: (r: RequestRef) => void;
  current: boolean;
  /** The log of the operation this event starts (another operation than the one viewed). */
  logHref?: string;
}

function EventRow({ event, requests, requestHref, onOpenRequest, current, logHref }: EventRowProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [open, setOpen] = useState(false);
  const details = summarizeDetails(event.details);
  return (
    <li className={styles.event} data-testid={flowTestIds.event} data-event={event.event}>
      <span className={styles.dot} style={{ background: kindColor(theme, eventKind(event.event)) }} />
      <div className={styles.eventBody}>
        <div className={styles.eventLine}>
          <span className={styles.time}>{formatTime(event.time, 'second')}</span>
          <strong>{event.event}</strong>
          {event.step && <Badge color="blue" text={event.step} />}
          {current && <span className={styles.muted}>this log</span>}
          {logHref && (
            <a className={styles.requestLink} href={logHref} data-testid={flowTestIds.operationLink}>
              its log and requests
            </a>
          )}
          {requests.length > 0 && (
            <Button
              size="sm"
              variant="secondary"
              fill="text"
              icon={open ? 'angle-down' : 'angle-right'}
              onClick={() => setOpen(!open)}
              data-testid={flowTestIds.eventRequests}
            >
              {requests.length} request{requests.length === 1 ? '' : 's'}
            </Button>
          )}
        </div>
        {details && <span className={styles.details}>{details}</span>}
        {open && (
          <ul className={styles.requests}>
            {requests.map((r) => (
              <li key={r.spanId}>
                <a
                  className={styles.requestLink}
                  href={requestHref?.(r)}
                  onClick={
                    onOpenRequest
                      ? (e) => {
                          e.preventDefault();
                          onOpenRequest(r);
                        }
                      : undefined
                  }
                  data-testid={flowTestIds.requestLink}
                  data-span-id={r.spanId}
                >
                  <span className={r.status !== null && r.status >= 400 ? styles.bad : undefined}>
                    {r.status ?? 'no response'}
                  </span>{' '}
                  {r.method} {r.path}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Event details are JSON; show them compactly on one line, or the text as it is. */
function summarizeDetails(details: string | undefined): string {
  if (!details) {
    return '';
  }
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed !== null && typeof parsed === 'object' && Object.keys(parsed).length === 0) {
      return '';
    }
    return JSON.stringify(parsed);
  } catch {
    return details;
  }
}

const getStyles = (theme: GrafanaTheme2) => {
  const rail = 11; // x of the vertical line, centred on the dots
  return {
    timeline: css({ display: 'flex', flexDirection: 'column', padding: theme.spacing(1, 0) }),
    session: css({ position: 'relative' }),
    sessionHeader: css({
      display: 'flex',
      gap: theme.spacing(1),
      alignItems: 'baseline',
      paddingLeft: theme.spacing(4),
      marginBottom: theme.spacing(0.5),
    }),
    muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
    events: css({
      listStyle: 'none',
      margin: 0,
      padding: 0,
      position: 'relative',
      '&::before': {
        content: '""',
        position: 'absolute',
        left: rail,
        top: 8,
        bottom: 8,
        borderLeft: `2px solid ${theme.colors.border.strong}`,
      },
    }),
    event: css({ display: 'flex', gap: theme.spacing(1.5), padding: theme.spacing(0.5, 0), position: 'relative' }),
    dot: css({
      width: 12,
      height: 12,
      borderRadius: '50%',
      marginLeft: rail - 5,
      marginTop: 4,
      flex: '0 0 auto',
      zIndex: 1,
      boxShadow: `0 0 0 3px ${theme.colors.background.primary}`,
    }),
    eventBody: css({ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }),
    eventLine: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' }),
    time: css({
      fontFamily: theme.typography.fontFamilyMonospace,
      color: theme.colors.text.secondary,
      fontSize: theme.typography.bodySmall.fontSize,
    }),
    details: css({
      fontSize: theme.typography.bodySmall.fontSize,
      color: theme.colors.text.secondary,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      maxWidth: 720,
      fontFamily: theme.typography.fontFamilyMonospace,
    }),
    requests: css({
      listStyle: 'none',
      margin: theme.spacing(0.5, 0, 0, 1),
      padding: 0,
      fontFamily: theme.typography.fontFamilyMonospace,
      fontSize: theme.typography.bodySmall.fontSize,
    }),
    requestLink: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
    bad: css({ color: theme.colors.error.text }),
    gap: css({
      margin: theme.spacing(0.5, 0),
      minHeight: 36,
      marginLeft: rail,
      borderLeft: `2px dashed ${theme.colors.text.disabled}`,
      display: 'flex',
      alignItems: 'center',
    }),
    gapLabel: css({
      marginLeft: theme.spacing(3),
      color: theme.colors.text.secondary,
      fontStyle: 'italic',
      fontSize: theme.typography.bodySmall.fontSize,
    }),
  };
};
