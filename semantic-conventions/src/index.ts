/**
 * The integration-logs telemetry contract: every name the SDK writes and the collector,
 * backends, dashboards and app read. docs/telemetry.md describes each; the drift tests in
 * this package hold the YAML and JSON that cannot import it to the same names.
 */
export * from './attributes.js';
export * from './values.js';
export * from './labels.js';
export * from './metrics.js';
export * from './storage.js';
export * from './defaults.js';
