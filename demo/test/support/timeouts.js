// `testTimeout` in a project config is ignored when the root config runs every workspace
// as a project; set it here so the demo's tests get the same time in both runs.
jest.setTimeout(60_000);
