import { TraceSpan } from '../api/tempo/parse';

export interface WaterfallRow {
  span: TraceSpan;
  depth: number;
  /** Offset from the trace start and width, as fractions of the trace's duration. */
  offset: number;
  width: number;
}

/**
 * Orders spans as a tree (parents before children, siblings by start) with their depth and
 * position on the trace's time axis. Pure. Spans whose parent is missing become roots.
 */
export function waterfallRows(spans: TraceSpan[]): WaterfallRow[] {
  if (spans.length === 0) {
    return [];
  }
  const start = Math.min(...spans.map((s) => s.startMs));
  const end = Math.max(...spans.map((s) => s.endMs));
  const total = Math.max(end - start, 1e-6);
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, TraceSpan[]>();
  const roots: TraceSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    if (span.parentSpanId && ids.has(span.parentSpanId) && span.parentSpanId !== span.spanId) {
      children.set(span.parentSpanId, [...(children.get(span.parentSpanId) ?? []), span]);
    } else {
      roots.push(span);
    }
  }
  const rows: WaterfallRow[] = [];
  const seen = new Set<string>();
  const visit = (span: TraceSpan, depth: number) => {
    if (seen.has(span.spanId)) {
      return; // a malformed trace with a cycle
    }
    seen.add(span.spanId);
    rows.push({
      span,
      depth,
      offset: (span.startMs - start) / total,
      width: Math.max((span.endMs - span.startMs) / total, 0),
    });
    for (const child of children.get(span.spanId) ?? []) {
      visit(child, depth + 1);
    }
  };
  roots.forEach((r) => visit(r, 0));
  return rows;
}
