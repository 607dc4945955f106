// A fixed-capacity "top N by count" table (Metwally et al., space-saving): when full, a new
// item replaces the one with the smallest count and inherits that count as its error bound, so
// every heavy hitter stays and memory is constant however many distinct items arrive.

export interface Counted<V> {
  /** Counted occurrences; over-estimates by at most `error`. */
  count: number;
  /** The count inherited from the evicted item (0 when it never replaced one). */
  error: number;
  value: V;
}

export class SpaceSaving<V> {
  readonly capacity: number;
  readonly #items = new Map<string, Counted<V>>();
  /** Items replaced to make room, ever (how many distinct items did not fit). */
  evictions = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
    this.capacity = capacity;
  }

  get size(): number {
    return this.#items.size;
  }

  get(id: string): Counted<V> | undefined {
    return this.#items.get(id);
  }

  /**
   * Counts one occurrence of `id`; `create` builds its value when it is not in the table.
   * Returns the entry and whether it is new to the table (first seen, or back after eviction).
   */
  add(id: string, create: () => V): { entry: Counted<V>; added: boolean } {
    const found = this.#items.get(id);
    if (found) {
      found.count++;
      return { entry: found, added: false };
    }
    let error = 0;
    if (this.#items.size >= this.capacity) {
      // O(capacity) scan: the capacity is small (tens), and this runs only for a new item.
      let minId: string | undefined;
      let min = Number.POSITIVE_INFINITY;
      for (const [key, item] of this.#items) {
        if (item.count < min) {
          min = item.count;
          minId = key;
        }
      }
      this.#items.delete(minId!);
      this.evictions++;
      error = min;
    }
    const entry: Counted<V> = { count: error + 1, error, value: create() };
    this.#items.set(id, entry);
    return { entry, added: true };
  }

  /** Entries by count, highest first. */
  top(): Counted<V>[] {
    return [...this.#items.values()].sort((a, b) => b.count - a.count);
  }
}
