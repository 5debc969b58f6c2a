import type { FakeRecord } from './fakeLoki.mjs';
export function promQueryRange(records: FakeRecord[], params: Record<string, string>): unknown;
export function answerPrometheus(records: FakeRecord[], path: string, params: Record<string, string>): unknown;
