/**
 * Trace ids as the app keeps them: 32 lower-case hex characters, whatever the source wrote.
 * Tempo's search drops leading zeros (a 31-character id was seen from Tempo 3), sources
 * differ in case, and 64-bit ids are 16 characters: all are the same W3C id left-padded
 * with zeros. Everything the app reads from Tempo or Loki, and every id a user types or a
 * URL carries, goes through here, so comparisons, queries and links agree.
 * A value that is not 1-32 hex characters is returned trimmed but otherwise as is: it is no
 * trace id, and queries built from it simply match nothing.
 */
export function normalizeTraceId(value: string | undefined | null): string {
  const trimmed = (value ?? '').trim();
  return /^[0-9a-fA-F]{1,32}$/.test(trimmed) ? trimmed.toLowerCase().padStart(32, '0') : trimmed;
}

/** True for what normalizeTraceId turns into a trace id. */
export function isTraceId(value: string): boolean {
  return /^[0-9a-fA-F]{1,32}$/.test(value.trim());
}
