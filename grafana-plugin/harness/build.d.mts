export const HARNESS_DIST: string;
export function buildHarness(): Promise<string>;
