// A stand-in for Prometheus's /api/v1/query_range over the collector's span metrics, derived
// from the fake Loki's request records: each integration.request record is one CLIENT span
// counted in traces_span_metrics_calls_total with the record's labels. It evaluates the one
// shape the app sends, `sum by (labels) (increase(traces_span_metrics_calls_total{matchers}[Ns]))`,
// with exact counts (no extrapolation); anything else is answered like a bad query.
import { BadQueryError, unquote } from './fakeLoki.mjs';

const SHAPE = /^sum by \(([\w, ]*)\) \(increase\(traces_span_metrics_calls_total\{(.*)\}\[(\d+)s\]\)\)$/s;
// name, operator, Go-quoted value; separated by ", "
const MATCHER = /\s*(\w+)(=~|!=|=)("(?:[^"\\]|\\.)*")\s*(,|$)/y;

function parseMatchers(text) {
  const out = [];
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < text.length) {
    const m = MATCHER.exec(text);
    if (!m) {
      throw new BadQueryError(`bad matchers ${text}`);
    }
    const [, label, op, literal] = m;
    const value = unquote(literal);
    const re = op === '=~' ? new RegExp(`^(?:${value})$`) : null;
    out.push((labels) => {
      const v = labels[label] ?? '';
      return op === '=' ? v === value : op === '!=' ? v !== value : re.test(v);
    });
  }
  return out;
}

/** The span-metrics labels of a record's span, or null when the record is not a request span. */
function spanLabels(record) {
  return record.labels.event_name === 'integration.request'
    ? { ...record.labels, span_kind: 'SPAN_KIND_CLIENT' }
    : null;
}

export function promQueryRange(records, params) {
  const m = SHAPE.exec(params.query ?? '');
  if (!m) {
    throw new BadQueryError(`unsupported query ${params.query}`);
  }
  const by = m[1]
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const matchers = parseMatchers(m[2]);
  const windowMs = Number(m[3]) * 1000;
  const spans = records
    .map((r) => ({ ms: Number(BigInt(r.tsNs) / 1000000n), labels: spanLabels(r) }))
    .filter((s) => s.labels && matchers.every((match) => match(s.labels)));
  const start = Number(params.start) * 1000;
  const end = Number(params.end) * 1000;
  const step = Number(params.step) * 1000;
  const series = new Map();
  for (let t = start; t <= end; t += step) {
    const counts = new Map();
    for (const s of spans) {
      if (s.ms > t - windowMs && s.ms <= t) {
        const metric = Object.fromEntries(by.filter((l) => s.labels[l] !== undefined).map((l) => [l, s.labels[l]]));
        const key = JSON.stringify(metric);
        counts.set(key, { metric, value: (counts.get(key)?.value ?? 0) + 1 });
      }
    }
    for (const [key, { metric, value }] of counts) {
      if (!series.has(key)) {
        series.set(key, { metric, values: [] });
      }
      series.get(key).values.push([t / 1000, String(value)]);
    }
  }
  return { status: 'success', data: { resultType: 'matrix', result: [...series.values()] } };
}

/** Answers one Prometheus API path like Prometheus; null for any other path. */
export function answerPrometheus(records, path, params) {
  return path.endsWith('api/v1/query_range') ? promQueryRange(records, params) : null;
}
