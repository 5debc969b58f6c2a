import React, { useMemo, useState } from 'react';
import { Alert, LoadingPlaceholder, Stack, Text } from '@grafana/ui';

import type { FlowEvent } from '../../domain/flows/flowEvent';
import { buildFlowEventsQuery } from '../../domain/flows/flowQueries';
import { flowEventsFromLogRecords } from '../../domain/flows/fromLogRecord';
import { flowOutcome } from '../../domain/flows/outcome';
import { sessionizeFlow } from '../../domain/flows/sessionize';
import type { DetailTabProps, RequestLog } from '../../domain/types';
import { DETAIL_PARAMS, REQUEST_PARAM } from '../../pages/LogDetail/detailRange';
import { useSettings } from '../../settings';
import { layoutFrom } from '../../api/loki/layout';
import { useLokiLayout } from '../common/useLokiLayout';
import { logDetailUrl } from '../../utils/routing';
import { OutcomeBadge } from './OutcomeBadge';
import { requestsByEvent, type RequestRef } from './requestsByEvent';
import { SessionTimeline } from './SessionTimeline';
import { useLokiRecords } from './useLokiRecords';
import { flowTestIds } from './testIds';

/** How far around the viewed operation the flow's other events are looked for (Loki caps a query at ~30 d). */
export const FLOW_LOOKAROUND_MS = 14 * 86_400_000;
export const FLOW_EVENTS_LIMIT = 5000;

export function toRequestRef(r: RequestLog): RequestRef {
  return { spanId: r.spanId, traceId: r.traceId, timeMs: r.timeMs, method: r.method, path: r.path, status: r.status };
}

/** Link to one request in the Request logs tab of the operation that made it. */
export function requestHref(r: RequestRef): string {
  const params = new URLSearchParams({ [DETAIL_PARAMS.tab]: 'requests', [REQUEST_PARAM]: r.spanId });
  return logDetailUrl(r.traceId, `?${params}`);
}

/** Slack around an operation's flow events, since its log record (its end) comes after them. */
const OPERATION_SLACK_MS = 10 * 60_000;

/**
 * Links to the Request logs tab of each operation of the flow, with a time window around its
 * events so the detail page finds the operation's records.
 */
export function operationHrefs(events: FlowEvent[]): (traceId: string) => string | undefined {
  const spans = new Map<string, { first: number; last: number }>();
  for (const e of events) {
    if (e.traceId) {
      const span = spans.get(e.traceId);
      spans.set(
        e.traceId,
        span
          ? { first: Math.min(span.first, e.time), last: Math.max(span.last, e.time) }
          : { first: e.time, last: e.time }
      );
    }
  }
  return (traceId) => {
    const span = spans.get(traceId);
    if (!span) {
      return undefined;
    }
    const end = Math.ceil(span.last + OPERATION_SLACK_MS);
    const params = new URLSearchParams({
      [DETAIL_PARAMS.tab]: 'requests',
      [DETAIL_PARAMS.time]: String(end),
      [DETAIL_PARAMS.duration]: String(end - Math.floor(span.first - OPERATION_SLACK_MS)),
    });
    return logDetailUrl(traceId, `?${params}`);
  };
}

/**
 * Events tab of a connection-flow log: every event of the flow, across all its operations,
 * grouped by user session; the requests this operation made hang under the event they
 * belong to.
 */
export function FlowEventsTab({ operation, records, openRequest }: DetailTabProps) {
  const { lokiDatasourceUid, sessionGapMinutes } = useSettings();
  const own = useMemo(() => flowEventsFromLogRecords(records.flowEvents), [records.flowEvents]);
  const flowId = own[0]?.flowId;
  const layout = layoutFrom(useLokiLayout(lokiDatasourceUid), operation.endMs - FLOW_LOOKAROUND_MS);
  const [mountedAt] = useState(Date.now);
  const params = useMemo(
    () =>
      flowId && layout
        ? {
            query: buildFlowEventsQuery(layout, { flowId, flowTool: operation.tool }),
            startMs: operation.endMs - FLOW_LOOKAROUND_MS,
            endMs: Math.min(operation.endMs + FLOW_LOOKAROUND_MS, mountedAt),
            limit: FLOW_EVENTS_LIMIT,
            direction: 'forward' as const,
          }
        : null,
    [flowId, layout, operation.tool, operation.endMs, mountedAt]
  );
  const { records: found, loading, error } = useLokiRecords(lokiDatasourceUid, params);
  const others = useMemo(() => flowEventsFromLogRecords(found), [found]);

  return (
    <FlowEventsView
      events={[...own, ...others]}
      requests={records.requests.map(toRequestRef)}
      gapMs={sessionGapMinutes * 60_000}
      currentTraceId={operation.traceId}
      loading={loading}
      error={error?.message}
      onOpenRequest={openRequest ? (r) => openRequest(r.spanId) : undefined}
    />
  );
}

export interface FlowEventsViewProps {
  events: FlowEvent[];
  requests: RequestRef[];
  gapMs: number;
  currentTraceId?: string;
  loading?: boolean;
  error?: string;
  now?: number;
  onOpenRequest?: (request: RequestRef) => void;
}

export function FlowEventsView(props: FlowEventsViewProps) {
  const { events, requests, gapMs, currentTraceId, loading, error, now, onOpenRequest } = props;
  const [mountedAt] = useState(Date.now);
  const flow = useMemo(() => sessionizeFlow(events, { gapMs }), [events, gapMs]);
  const byEvent = useMemo(() => (flow ? requestsByEvent(flow.events, requests) : new Map()), [flow, requests]);
  if (!flow) {
    return (
      <div data-testid={flowTestIds.tabEmpty}>
        <Text color="secondary">This log has no connection-flow events.</Text>
      </div>
    );
  }
  const outcome = flowOutcome(flow, { now: now ?? mountedAt, gapMs });
  return (
    <div data-testid={flowTestIds.tab}>
      <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
        <Text weight="medium">Flow {flow.flowId}</Text>
        <OutcomeBadge outcome={outcome} />
        <Text color="secondary">
          {flow.sessions.length} session{flow.sessions.length === 1 ? '' : 's'}, {flow.events.length} events
          {flow.tool ? ` · ${flow.tool}` : ''}
          {flow.customerId ? ` · customer ${flow.customerId}` : ''}
          {flow.endUserId ? ` · ${flow.endUserId}` : ''}
        </Text>
      </Stack>
      {loading && <LoadingPlaceholder text="Loading the flow’s other events…" />}
      {error && (
        <Alert severity="warning" title="Only this log's events are shown" data-testid={flowTestIds.tabError}>
          The flow’s events from other operations could not be loaded: {error}
        </Alert>
      )}
      <SessionTimeline
        flow={flow}
        requests={byEvent}
        requestHref={requestHref}
        onOpenRequest={onOpenRequest}
        currentTraceId={currentTraceId}
        operationHref={operationHrefs(flow.events)}
      />
    </div>
  );
}
