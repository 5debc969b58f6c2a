/** A parsed JSON object (not null, not an array): the guard every reader of backend answers starts with. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
