/** One row of the benchmark table: a ratio measured against a baseline in the same run. */
export interface BenchRow {
  /** What was measured, e.g. "request in scope vs bare undici instrumentation". */
  name: string;
  /** Measured value: a cost ratio (instrumented / baseline), or MB for memory rows. */
  ratio: number;
  /** The target, as text, e.g. "<= 1.05". */
  target: string;
  /** How it was measured and the raw figures. */
  detail: string;
}
