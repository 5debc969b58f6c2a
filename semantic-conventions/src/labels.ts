/**
 * Attribute names as Loki and Prometheus store them. Both normalise OTLP names the same
 * way: a character a label name cannot hold (for our names, the dot) becomes `_`, so
 * `integration.tool` is the label `integration_tool` in either backend.
 */
import { ATTRIBUTES, SYNC_RECORD_ATTRIBUTES } from './attributes.js';

/** `a.b.c` → `a_b_c`, as a type, so a label constant keeps its literal value. */
export type LabelName<N extends string> = N extends `${infer Head}.${infer Tail}` ? `${Head}_${LabelName<Tail>}` : N;

/** The Loki / Prometheus label name of an OTLP attribute (or metric) name. */
export function labelName<const N extends string>(name: N): LabelName<N> {
  return name.replace(/[^A-Za-z0-9_]/g, '_') as LabelName<N>;
}

/** labelName over every value of a map, keys kept. */
export function labelNames<const M extends Record<string, string>>(
  names: M
): { readonly [K in keyof M]: LabelName<M[K]> } {
  return Object.fromEntries(Object.entries(names).map(([key, name]) => [key, labelName(name)])) as {
    readonly [K in keyof M]: LabelName<M[K]>;
  };
}

/**
 * Every attribute as a Loki label or structured-metadata key, plus the trace context Loki
 * stores with each record. Queries, parsers and components use these.
 */
export const LOKI_LABELS = {
  ...labelNames(ATTRIBUTES),
  traceId: 'trace_id',
  spanId: 'span_id',
} as const;

/** The five count labels of an `integration.sync.model` record, by kind. */
export const SYNC_RECORD_LABELS = labelNames(SYNC_RECORD_ATTRIBUTES);
