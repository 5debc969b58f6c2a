// Programmatic entry points, for test suites and fixture recordings.
export {
  runDemoCycle,
  runCycleSteps,
  startInProcessDemo,
  flowPlans,
  type InProcessDemo,
  type DemoCycleOptions,
  type DemoCycleResult,
  type CycleReport,
} from './integration/cycle.js';
export {
  DemoIntegration,
  FLOW_SCENARIOS,
  type OperationNote,
  type FlowPlan,
  type FlowScenario,
  type IntegrationLogsApi,
} from './integration/demo-integration.js';
export { CONNECTIONS, type Connection } from './integration/connections.js';
export { startSchedule, SCHEDULE } from './integration/scheduler.js';
export { createDemoTool, DEFAULT_TOOL_OPTIONS, type DemoTool, type ToolOptions } from './tool/server.js';
export { ACCOUNTS, CREDENTIALS } from './shared/accounts.js';
export { signPayload, verifySignature, SIGNATURE_HEADER } from './shared/signature.js';
