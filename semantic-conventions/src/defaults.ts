/** Defaults and limits that the SDK, the collector, the backends and the app share. */

/** A connection-flow session ends after this long without an event of the flow. */
export const DEFAULT_SESSION_GAP_MS = 30 * 60_000;

/** Longest value of a label-bound attribute (LOKI_INDEX_LABELS), in UTF-8 bytes. */
export const MAX_LABEL_VALUE_BYTES = 128;

/** How long traces, logs and metrics are kept unless RETENTION_PERIOD says otherwise: 30 days. */
export const DEFAULT_RETENTION_MS = 30 * 24 * 3_600_000;

/** Instrumentation scope of the SDK's tracer and logger. */
export const SCOPE_NAME = '@integration-logs/instrumentation';
