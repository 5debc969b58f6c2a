import React from 'react';
import { formatSessionGap } from '../../domain/flows/formatGap';
import type { Flow, FlowSession } from '../../domain/flows/sessionize';
import { flowTestIds } from './testIds';

/** A flow's sessions in order, with the pause before each (but the first) labelled between them. */
export function SessionsWithGaps(props: {
  flow: Flow;
  classNames: { gap: string; gapLabel: string };
  renderSession: (session: FlowSession, index: number) => React.ReactNode;
}) {
  const { flow, classNames, renderSession } = props;
  return (
    <>
      {flow.sessions.map((session, i) => (
        <React.Fragment key={session.id}>
          {i > 0 && (
            <div className={classNames.gap} data-testid={flowTestIds.gap}>
              <span className={classNames.gapLabel}>{formatSessionGap(session.gapBeforeMs ?? 0)}</span>
            </div>
          )}
          {renderSession(session, i)}
        </React.Fragment>
      ))}
    </>
  );
}
