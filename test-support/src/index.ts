// Test support shared by the workspaces' tests.
export * from './otlp.js';
export * from './otlp-receiver.js';
export * from './otlp-sink.js';
export * from './ports.js';
export * from './processes.js';
export * from './wait.js';
