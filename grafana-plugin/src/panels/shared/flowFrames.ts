import type { DataFrame } from '@grafana/data';

import { flowEventFromRecord, type FlowEvent, type FlowFieldNames } from '../../domain/flows/flowEvent';
import { rowsFromFrames } from './frameRows';

/** Flow events from any frames whose rows carry a flow id and an event name; other rows are skipped. */
export function flowEventsFromFrames(frames: DataFrame[], names: FlowFieldNames): FlowEvent[] {
  const events: FlowEvent[] = [];
  for (const row of rowsFromFrames(frames)) {
    const event = flowEventFromRecord(row, names);
    if (event !== null) {
      events.push(event);
    }
  }
  return events;
}
