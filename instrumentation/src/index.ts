export { startIntegrationLogs, getIntegrationLogs, type IntegrationLogsSdk, type StartOptions } from './start.js';
export { integrationLogsComponents, type ComponentsOptions, type IntegrationLogsComponents } from './components.js';
export {
  IntegrationLogs,
  OperationScope,
  FlowScope,
  type OperationMeta,
  type FlowMeta,
  type FlowEventInput,
  type WebhookMeta,
  type RequestHandler,
  type ModelCountsInput,
} from './integration-logs.js';
export type { IntegrationLogsOptions } from './options.js';
export { ExportStats } from './export-stats.js';
export type { ExportSignal, ExportErrorHook } from './export-notices.js';
export { inferUrlTemplate } from './url-template.js';
export * as attributes from './attributes.js';
export type { LogType, Outcome } from './attributes.js';
export {
  createRedactor,
  RedactingSpanProcessor,
  RedactingLogRecordProcessor,
  type Redactor,
  type RedactionOptions,
} from './redaction/index.js';
export { MAX_LABEL_VALUE_BYTES } from '@integration-logs/semantic-conventions';
export type { RedactionRule } from './redaction/index.js';
