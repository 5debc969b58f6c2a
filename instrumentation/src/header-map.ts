/** HTTP headers by lower-cased name; repeated headers keep every value. */
export type HeaderMap = Record<string, string | string[]>;

/** The first value of a header (the one that counts when a header is sent twice). */
export function firstValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** node:http's header object (`req.headers`, `getHeaders()`) as a HeaderMap. */
export function nodeHeaderMap(raw: Record<string, string | string[] | number | undefined> | undefined): HeaderMap {
  const out: HeaderMap = {};
  if (!raw) return out;
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    if (v !== undefined) out[key.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}
