// A stand-in for Loki's query_range, query and labels APIs over a fixed set of records, for
// the browser harness and component tests. It parses the query with Grafana's LogQL grammar
// and evaluates the subset the app generates (stream matchers, `|=` and `|~` line filters,
// exact, regex and `or` label filters, numeric `>` filters, and the metric queries
// `[topk(k, ] sum by (labels) (count_over_time(<log query> [range]))`); anything else is
// answered like Loki answers a bad query: HTTP 400. Like Loki, stream matchers see only the index labels of the layout
// (LokiLayout in src/api/loki/logql.ts), label filters see every label and metadata field.
import { parser } from '@grafana/lezer-logql';

export class BadQueryError extends Error {}

/** Index labels by Loki layout: `labels` is provisioning/loki/loki.yaml's, `metadata` Loki's default OTLP mapping. */
export const INDEX_LABELS = {
  metadata: ['service_name', 'deployment_environment_name'],
  labels: ['service_name', 'deployment_environment_name', 'event_name', 'integration_tool', 'integration_log_type'],
};

/**
 * The layout a record was written in: `layout` is 'labels', 'metadata', or { labelsSinceNs }
 * for a Loki that indexes the labels since that time (older records were written without).
 */
function layoutOf(record, layout) {
  const name =
    typeof layout === 'string' ? layout : BigInt(record.tsNs) >= BigInt(layout.labelsSinceNs) ? 'labels' : 'metadata';
  if (!(name in INDEX_LABELS)) {
    throw new Error(`unknown layout ${name}`);
  }
  return name;
}

const streamLabels = (record, layout) => {
  const names = INDEX_LABELS[layoutOf(record, layout)];
  return Object.fromEntries(names.filter((name) => name in record.labels).map((name) => [name, record.labels[name]]));
};

function toTree(query) {
  const cursor = parser.parse(query).cursor();
  const build = () => {
    const node = { name: cursor.name, text: query.slice(cursor.from, cursor.to), children: [] };
    if (cursor.type.isError) {
      throw new BadQueryError(`parse error at ${cursor.from}: ${query.slice(cursor.from, cursor.from + 20)}`);
    }
    if (cursor.firstChild()) {
      do {
        node.children.push(build());
      } while (cursor.nextSibling());
      cursor.parent();
    }
    return node;
  };
  return build();
}

export function unquote(literal) {
  if (literal.startsWith('`')) {
    return literal.slice(1, -1);
  }
  return JSON.parse(literal.replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => `\\u00${h}`));
}

const find = (node, name) => (node.name === name ? [node] : node.children.flatMap((c) => find(c, name)));
const child = (node, name) => node.children.find((c) => c.name === name);

function matcherFn(m) {
  const label = child(m, 'Identifier').text;
  const value = unquote(child(m, 'String').text);
  if (child(m, 'Eq')) {
    return (labels) => (labels[label] ?? '') === value;
  }
  if (child(m, 'Neq')) {
    return (labels) => (labels[label] ?? '') !== value;
  }
  if (child(m, 'Re')) {
    const re = new RegExp(`^(?:${value})$`);
    return (labels) => re.test(labels[label] ?? '');
  }
  throw new BadQueryError(`unsupported matcher ${m.text}`);
}

function labelFilterFn(node) {
  const parts = node.children.filter((c) => c.name === 'LabelFilter');
  if (parts.length === 2 && child(node, 'Or')) {
    const [a, b] = parts.map(labelFilterFn);
    return (labels) => a(labels) || b(labels);
  }
  const matcher = child(node, 'Matcher');
  if (matcher) {
    return matcherFn(matcher);
  }
  const num = child(node, 'NumberFilter');
  if (num && child(num, 'Gtr')) {
    const label = child(num, 'Identifier').text;
    const bound = Number(find(num, 'Number')[0].text);
    return (labels) => Number(labels[label]) > bound;
  }
  throw new BadQueryError(`unsupported label filter ${node.text}`);
}

/** A `|~` pattern as a JavaScript RegExp: RE2's leading `(?i)` becomes the `i` flag. */
function lineRegex(pattern) {
  const insensitive = pattern.startsWith('(?i)');
  return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'iu' : 'u');
}

/** Compiles a LogQL log query into a predicate over { line, labels } for a Loki of that layout. */
export function compile(query, layout = 'labels') {
  const tree = toTree(query);
  if (find(tree, 'LogExpr').length !== 1 || find(tree, 'MetricExpr').length > 0) {
    throw new BadQueryError('only log queries are supported');
  }
  return compileLogExpr(tree, layout);
}

/** The predicate of the selector and pipeline stages in a subtree (a LogExpr or LogRangeExpr). */
function compileLogExpr(tree, layout) {
  const preds = find(find(tree, 'Selector')[0], 'Matcher')
    .map(matcherFn)
    .map((matches) => (_labels, _line, record) => matches(streamLabels(record, layout)));
  for (const stage of find(tree, 'PipelineStage')) {
    const lineFilter = find(stage, 'LineFilter')[0];
    if (lineFilter) {
      const operand = unquote(child(lineFilter, 'String').text);
      if (find(lineFilter, 'PipeExact').length) {
        preds.push((_labels, line) => line.includes(operand));
      } else if (find(lineFilter, 'PipeMatch').length) {
        const re = lineRegex(operand);
        preds.push((_labels, line) => re.test(line));
      } else {
        throw new BadQueryError(`unsupported line filter ${lineFilter.text}`);
      }
      continue;
    }
    const lf = child(stage, 'LabelFilter');
    if (!lf) {
      throw new BadQueryError(`unsupported stage ${stage.text}`);
    }
    preds.push(labelFilterFn(lf));
  }
  return (record) => preds.every((p) => p(record.labels, record.line, record));
}

/**
 * Flattens a Loki streams response into records { tsNs, line, labels }; with categorized
 * labels, each value's structured metadata joins its stream labels (as plain Loki returns them).
 */
export function recordsOf(response) {
  return response.data.result.flatMap((s) =>
    s.values.map(([tsNs, line, extra]) => ({
      tsNs,
      line,
      labels: { ...s.stream, ...(extra?.structuredMetadata ?? {}) },
    }))
  );
}

/**
 * Answers /loki/api/v1/labels: the index label names of the records' streams. Unlike Loki it
 * ignores start and end: the fixture records are dated in the past, the app asks about now.
 */
export function labelNames(records, layout = 'labels') {
  const names = new Set(records.flatMap((r) => Object.keys(streamLabels(r, layout))));
  return { status: 'success', data: [...names].sort() };
}

/**
 * Answers /loki/api/v1/query_range like Loki: start inclusive, end exclusive (ns), limit,
 * direction; one stream per distinct label set.
 */
export function queryRange(records, params, layout = 'labels') {
  const matches = compile(params.query ?? '', layout);
  const start = BigInt(params.start ?? '0');
  const end = BigInt(params.end ?? `${BigInt(Date.now()) * 1000000n}`);
  const limit = Number(params.limit ?? 100);
  const backward = (params.direction ?? 'backward') === 'backward';
  const selected = records
    .filter((r) => BigInt(r.tsNs) >= start && BigInt(r.tsNs) < end && matches(r))
    .sort((a, b) =>
      BigInt(a.tsNs) < BigInt(b.tsNs) ? (backward ? 1 : -1) : BigInt(a.tsNs) > BigInt(b.tsNs) ? (backward ? -1 : 1) : 0
    )
    .slice(0, limit);
  const streams = new Map();
  for (const r of selected) {
    const key = JSON.stringify(Object.entries(r.labels).sort());
    if (!streams.has(key)) {
      streams.set(key, { stream: r.labels, values: [] });
    }
    streams.get(key).values.push([r.tsNs, r.line]);
  }
  return { status: 'success', data: { resultType: 'streams', result: [...streams.values()] } };
}

const DURATION_UNITS = { ms: 1e6, s: 1e9, m: 60e9, h: 3600e9, d: 86400e9 };

function durationNs(text) {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!m) {
    throw new BadQueryError(`unsupported duration ${text}`);
  }
  return BigInt(m[1]) * BigInt(DURATION_UNITS[m[2]]);
}

/**
 * Compiles `[topk(k, ] sum by (labels) (count_over_time(<log query> [range]))`: a function
 * from an evaluation time (ns) to the series { metric, value } of that instant.
 */
function compileMetric(query, layout) {
  const tree = toTree(query);
  const top = find(tree, 'VectorAggregationExpr')[0];
  const topk = top && child(child(top, 'VectorOp'), 'Topk') ? Number(child(top, 'Number').text) : null;
  const sum = topk === null ? top : find(child(top, 'MetricExpr'), 'VectorAggregationExpr')[0];
  if (!sum || !child(child(sum, 'VectorOp'), 'Sum')) {
    throw new BadQueryError('only sum by (...) (count_over_time(...)) is supported');
  }
  const by = find(child(sum, 'Grouping') ?? { name: '', children: [] }, 'Identifier').map((n) => n.text);
  const rangeAgg = find(sum, 'RangeAggregationExpr')[0];
  if (!rangeAgg || !find(rangeAgg, 'CountOverTime').length) {
    throw new BadQueryError('only count_over_time is supported');
  }
  const logRange = child(rangeAgg, 'LogRangeExpr');
  const rangeNs = durationNs(find(logRange, 'Duration')[0].text);
  const matches = compileLogExpr(logRange, layout);
  return (records, atNs) => {
    const groups = new Map();
    for (const r of records) {
      const ts = BigInt(r.tsNs);
      if (ts > atNs - rangeNs && ts <= atNs && matches(r)) {
        const metric = Object.fromEntries(by.filter((l) => r.labels[l] !== undefined).map((l) => [l, r.labels[l]]));
        const key = JSON.stringify(metric);
        groups.set(key, { metric, value: (groups.get(key)?.value ?? 0) + 1 });
      }
    }
    const series = [...groups.values()].sort((a, b) => b.value - a.value);
    return topk === null ? series : series.slice(0, topk);
  };
}

/** Whether the query is a metric query (answered as a matrix or vector) rather than a log query. */
export function isMetricQuery(query) {
  return find(toTree(query), 'MetricExpr').length > 0;
}

const nsToSeconds = (ns) => Number(ns / 1000000n) / 1000;

/** Answers a metric /loki/api/v1/query_range: one point per step with samples, as Loki omits empty steps. */
export function metricQueryRange(records, params, layout = 'labels') {
  const evaluate = compileMetric(params.query ?? '', layout);
  const start = BigInt(params.start ?? '0');
  const end = BigInt(params.end ?? `${BigInt(Date.now()) * 1000000n}`);
  const stepNs = BigInt(Math.round(Number(params.step ?? '60') * 1e9));
  const series = new Map();
  for (let t = start; t <= end; t += stepNs) {
    for (const { metric, value } of evaluate(records, t)) {
      const key = JSON.stringify(metric);
      if (!series.has(key)) {
        series.set(key, { metric, values: [] });
      }
      series.get(key).values.push([nsToSeconds(t), String(value)]);
    }
  }
  return { status: 'success', data: { resultType: 'matrix', result: [...series.values()] } };
}

/** Answers /loki/api/v1/query (an instant metric query at `time`). */
export function instantQuery(records, params, layout = 'labels') {
  const evaluate = compileMetric(params.query ?? '', layout);
  const at = BigInt(params.time ?? `${BigInt(Date.now()) * 1000000n}`);
  const result = evaluate(records, at).map(({ metric, value }) => ({
    metric,
    value: [nsToSeconds(at), String(value)],
  }));
  return { status: 'success', data: { resultType: 'vector', result } };
}

/**
 * Answers one Loki API path (`loki/api/v1/labels`, `.../query_range`, `.../query`) like Loki;
 * null for any other path. Throws BadQueryError for a query it cannot evaluate.
 */
export function answerLoki(records, path, params, layout = 'labels') {
  if (path.endsWith('loki/api/v1/labels')) {
    return labelNames(records, layout);
  }
  if (path.endsWith('loki/api/v1/query_range')) {
    return isMetricQuery(params.query ?? '')
      ? metricQueryRange(records, params, layout)
      : queryRange(records, params, layout);
  }
  if (path.endsWith('loki/api/v1/query')) {
    return instantQuery(records, params, layout);
  }
  return null;
}
