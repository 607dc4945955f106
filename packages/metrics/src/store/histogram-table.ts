import { labelPairs } from "./text.js";

/**
 * Histogram series in one flat `Float64Array`: a row per label set, with one column per finite
 * bucket (counts of that bucket alone, made cumulative when serialized), then count, then sum.
 * Rows are made on first use and reused after `removeRow`.
 */
export class HistogramTable {
  readonly bounds: Float64Array;
  readonly stride: number;
  values: Float64Array;
  /** Label set of each row (undefined: free). */
  readonly rowLabels: (Readonly<Record<string, string>> | undefined)[] = [];
  /** `name="value",…` of each row, escaped once. */
  readonly rowText: string[] = [];
  readonly #free: number[] = [];

  constructor(bounds: readonly number[]) {
    bounds.forEach((b, i) => {
      if (typeof b !== "number" || !Number.isFinite(b) || (i > 0 && !(b > bounds[i - 1]!))) {
        throw new TypeError("createMinimoMetrics: durationBuckets must be finite numbers in increasing order");
      }
    });
    this.bounds = Float64Array.from(bounds);
    this.stride = bounds.length + 2;
    this.values = new Float64Array(8 * this.stride);
  }

  get rows(): number {
    return this.rowLabels.length;
  }

  addRow(labels: Readonly<Record<string, string>>): number {
    const row = this.#free.pop() ?? this.rowLabels.length;
    if ((row + 1) * this.stride > this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.rowLabels[row] = labels;
    this.rowText[row] = labelPairs(labels);
    return row;
  }

  removeRow(row: number): void {
    this.values.fill(0, row * this.stride, (row + 1) * this.stride);
    this.rowLabels[row] = undefined;
    this.rowText[row] = "";
    this.#free.push(row);
  }

  /** prom-client's rule: a value goes in the first bucket whose upper bound is ≥ it. */
  observe(row: number, value: number): void {
    const bounds = this.bounds;
    const n = bounds.length;
    const base = row * this.stride;
    let b = 0;
    while (b < n && value > bounds[b]!) b++;
    const v = this.values;
    if (b < n) v[base + b]!++;
    v[base + n]!++;
    v[base + n + 1]! += value;
  }

  count(row: number): number {
    return this.values[row * this.stride + this.bounds.length]!;
  }

  clear(): void {
    this.values.fill(0);
  }
}
