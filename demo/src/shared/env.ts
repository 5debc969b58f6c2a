// Reads demo settings from the environment; a malformed value is a clear startup error,
// never a silent default.

export function envNumber(name: string, fallback: number, { min = -Infinity, max = Infinity } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name}=${JSON.stringify(raw)} is not a number from ${min} to ${max}`);
  }
  return value;
}

export function envString(name: string, fallback: string): string;
export function envString(name: string, fallback?: string): string | undefined;
export function envString(name: string, fallback?: string): string | undefined {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}
