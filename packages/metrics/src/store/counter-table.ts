import { labelPairs } from "./text.js";

/**
 * Counter values of one family in one flat `Float64Array`: a row per key, a column per label set
 * after `key` (such as operation, method and code). Columns are shared by every key, so a column
 * is made (and its labels escaped) once for the whole table, the first time any key needs it.
 * Float64 counts stay exact up to 2^53.
 */
export class CounterTable<L extends string> {
  /** The labels after `key` of each column, for `get()`. */
  readonly columnLabels: Readonly<Record<L, string>>[] = [];
  /** `,name="value",…` of each column, escaped once. */
  readonly columnText: string[] = [];
  values: Float64Array;
  stride: number;
  #rows: number;

  constructor(rows: number, initialColumns: number) {
    this.#rows = rows;
    this.stride = initialColumns;
    this.values = new Float64Array(rows * initialColumns);
  }

  get columns(): number {
    return this.columnLabels.length;
  }

  /** Adds a column and returns its index; widens every row when the stride is full. */
  addColumn(labels: Readonly<Record<L, string>>): number {
    const col = this.columnLabels.length;
    if (col === this.stride) this.#relayout(this.#rows, Math.max(2, this.stride * 2));
    this.columnLabels.push(labels);
    this.columnText.push(`,${labelPairs(labels)}`);
    return col;
  }

  inc(row: number, col: number, by: number): void {
    this.values[row * this.stride + col]! += by;
  }

  value(row: number, col: number): number {
    return this.values[row * this.stride + col]!;
  }

  clearRow(row: number): void {
    this.values.fill(0, row * this.stride, (row + 1) * this.stride);
  }

  clear(): void {
    this.values.fill(0);
  }

  growRows(rows: number): void {
    this.#relayout(rows, this.stride);
  }

  #relayout(rows: number, stride: number): void {
    const next = new Float64Array(rows * stride);
    if (stride === this.stride) next.set(this.values);
    else for (let r = 0; r < this.#rows; r++) next.set(this.values.subarray(r * this.stride, (r + 1) * this.stride), r * stride);
    this.values = next;
    this.stride = stride;
    this.#rows = rows;
  }
}
