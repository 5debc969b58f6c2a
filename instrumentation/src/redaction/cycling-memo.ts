/**
 * Remembered results of a pure scan, up to `max` entries; when full it starts over, so
 * values that repeat (content types, span names) stay cheap and values that never repeat
 * (dates, trace ids) just cycle through without growing memory.
 */
export class CyclingMemo<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  /** Remembers `value` for `key` and returns it. */
  set(key: string, value: V): V {
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}
