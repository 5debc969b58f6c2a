import { EVENT_NAMES } from '@integration-logs/semantic-conventions';
import { toOperation } from './operations';
import { toRequestLog } from './requests';
import { LogRecord, Operation, OperationRecords, RequestLog } from './types';
import { compareNs } from '../api/loki/parse';

/**
 * Groups every record of one trace under its operation. Pure. Records come in any order;
 * each group comes out oldest first (the order a user reads a run in).
 */
export function groupTraceRecords(records: LogRecord[]): { operation: Operation | null; records: OperationRecords } {
  const sorted = [...records].sort((a, b) => compareNs(a.timestampNs, b.timestampNs));
  const requests: RequestLog[] = [];
  const syncModels: LogRecord[] = [];
  const warnings: LogRecord[] = [];
  const flowEvents: LogRecord[] = [];
  let operation: Operation | null = null;
  for (const record of sorted) {
    switch (record.eventName) {
      case EVENT_NAMES.operation: {
        // A trace has one operation record; a nested operation's record would share the
        // trace, so the root (the latest to end) wins.
        const op = toOperation(record);
        if (op && (!operation || op.endMs >= operation.endMs)) {
          operation = op;
        }
        break;
      }
      case EVENT_NAMES.request: {
        const req = toRequestLog(record);
        if (req) {
          requests.push(req);
        }
        break;
      }
      case EVENT_NAMES.syncModel:
        syncModels.push(record);
        break;
      case EVENT_NAMES.warning:
        warnings.push(record);
        break;
      case EVENT_NAMES.flowEvent:
        flowEvents.push(record);
        break;
    }
  }
  return { operation, records: { requests, syncModels, warnings, flowEvents, all: sorted } };
}
