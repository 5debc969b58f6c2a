/**
 * Infers a low-cardinality `url.template` from a path: segments that look like ids
 * become `{id}`. Ids are: all digits, UUIDs, long hex strings, and tokens of 8+ chars
 * that mix letters with digits (e.g. `emp_8f3k29dk`, `a1b2c3d4`). Short version-like
 * segments (`v1`, `2024-01`) and plain words stay.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;
const LONG_HEX = /^[0-9a-f]{16,}$/i;
const HAS_DIGIT = /\d/;
const HAS_LETTER = /[a-z]/i;
const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?$/;

export function isIdSegment(segment: string): boolean {
  if (segment.length === 0) return false;
  if (DIGITS.test(segment)) return true;
  if (UUID.test(segment) || LONG_HEX.test(segment)) return true;
  if (DATE_LIKE.test(segment)) return false;
  // Mixed tokens: long enough that they are unlikely to be a word like "v2" or "oauth2".
  return segment.length >= 8 && HAS_DIGIT.test(segment) && (HAS_LETTER.test(segment) || /[-_.:]/.test(segment));
}

// Paths repeat (same endpoints, same ids within a sync); a small bounded cache saves the
// per-segment work on the request hot path.
const cache = new Map<string, string>();
const CACHE_SIZE = 512;

export function inferUrlTemplate(pathname: string): string {
  if (!pathname) return '/';
  const hit = cache.get(pathname);
  if (hit !== undefined) return hit;
  const template = computeTemplate(pathname);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(pathname, template);
  return template;
}

function computeTemplate(pathname: string): string {
  const q = pathname.indexOf('?');
  const path = q === -1 ? pathname : pathname.slice(0, q);
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    let seg = parts[i]!;
    try {
      seg = decodeURIComponent(seg);
    } catch {
      // Expected: a segment that is not valid percent-encoding is judged as it stands.
    }
    if (isIdSegment(seg) || seg.includes('@')) parts[i] = '{id}';
  }
  return parts.join('/') || '/';
}
