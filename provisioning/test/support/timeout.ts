// Real collector and Prometheus processes: generous on a loaded 2-core machine. Set here
// because jest reads `testTimeout` only from the root config, not from a project's.
jest.setTimeout(180_000);
