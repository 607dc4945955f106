import { UNKNOWN_ROW, type MetricsStore } from "./store.js";
import type { CounterTable } from "./counter-table.js";
import type { HistogramTable } from "./histogram-table.js";
import { TextChunks, familyHeader, formatValue } from "./text.js";

// Each function writes one family's text exactly as prom-client's `getMetricsAsString` lays it
// out: the HELP and TYPE lines, then one line per sample, joined by "\n", no trailing newline.
// Label strings come from the store, escaped once; a line is three cached pieces and a number.

/** A `{key, …}` counter family: every series with a count (counters only exist once counted). */
export function serializeCounterTable(out: TextChunks, name: string, store: MetricsStore, table: CounterTable<string>): void {
  const columns = table.columns;
  if (columns === 0) return;
  const { keyText } = store;
  const { columnText } = table;
  const prefix = `\n${name}`;
  for (const row of store.rows()) {
    const base = row * table.stride;
    const values = table.values;
    for (let col = 0; col < columns; col++) {
      const v = values[base + col]!;
      if (v > 0) out.add(`${prefix}${keyText[row]}${columnText[col]}} ${formatValue(v)}`);
    }
  }
}

/** A `{key}` counter: configured keys always (pre-created at 0), the unknown label once counted. */
export function serializeStatusCounter(out: TextChunks, name: string, store: MetricsStore, column: number): void {
  const { keyText, statusCounts } = store;
  const prefix = `\n${name}`;
  for (const row of store.rows()) {
    const v = statusCounts[row * 3 + column]!;
    if (row !== UNKNOWN_ROW || v > 0) out.add(`${prefix}${keyText[row]}} ${formatValue(v)}`);
  }
}

/** A `{key}` budget gauge: configured keys whose value has been seen (NaN = never). */
export function serializeBudgetGauge(out: TextChunks, name: string, store: MetricsStore, gauge: number): void {
  const { keyText, order, budget } = store;
  const prefix = `\n${name}`;
  for (const row of order) {
    const v = budget.value(row, gauge);
    if (!Number.isNaN(v)) out.add(`${prefix}${keyText[row]}} ${formatValue(v)}`);
  }
}

/** Cumulative buckets (`le` first, as prom-client writes them), `+Inf`, `_sum`, `_count`, per observed row. */
export function serializeHistogram(out: TextChunks, name: string, table: HistogramTable): void {
  const { bounds, stride, rowText, rowLabels } = table;
  const n = bounds.length;
  const bucketPrefix = Array.from(bounds, (b) => `\n${name}_bucket{le="${b}",`);
  const infPrefix = `\n${name}_bucket{le="+Inf",`;
  const sumPrefix = `\n${name}_sum{`;
  const countPrefix = `\n${name}_count{`;
  const values = table.values;
  for (let row = 0; row < rowLabels.length; row++) {
    if (rowLabels[row] === undefined) continue;
    const base = row * stride;
    const count = values[base + n]!;
    if (count === 0) continue;
    const labels = rowText[row]!;
    let text = "";
    let cumulative = 0;
    for (let b = 0; b < n; b++) {
      cumulative += values[base + b]!;
      text += `${bucketPrefix[b]}${labels}} ${formatValue(cumulative)}`;
    }
    text += `${infPrefix}${labels}} ${formatValue(count)}${sumPrefix}${labels}} ${formatValue(values[base + n + 1]!)}${countPrefix}${labels}} ${formatValue(count)}`;
    out.add(text);
  }
}

/** One family's text from its header and a body writer. */
export function familyText(name: string, help: string, type: string, body: (out: TextChunks) => void): string {
  const out = new TextChunks();
  out.add(familyHeader(name, help, type));
  body(out);
  return out.toString();
}
