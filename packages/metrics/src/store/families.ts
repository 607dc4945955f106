import type { Metric, Registry } from "prom-client";
import * as N from "../names.js";
import { FORBIDDEN, RATE_LIMITED, UNAUTHORIZED, UNKNOWN_ROW, type MetricsStore } from "./store.js";
import { LIMIT, REMAINING, RESET_AT, UPDATED_AT } from "./budget-table.js";
import type { CounterTable } from "./counter-table.js";
import { familyText, serializeBudgetGauge, serializeCounterTable, serializeHistogram, serializeStatusCounter } from "./serialize.js";
import type { TextChunks } from "./text.js";
import { hasDefaultLabels } from "./default-labels.js";

type Labels = Record<string, string | number>;
interface Value {
  value: number;
  labels: Labels;
  metricName?: string;
  /** Histograms: the series' labels, written after the bucket's own `le` (prom-client's layout). */
  sharedLabels?: Labels;
}
type Type = "counter" | "gauge" | "histogram";

/** Marks a family whose text can be serialized from the store directly (see `renderMetrics`). */
export const SERIALIZE = Symbol.for("@minimo/metrics.serialize");

/**
 * One metric family backed by the store, registered in the user's prom-client `Registry` as a
 * custom metric: `get()` returns prom-client's shape (so `registry.metrics()`,
 * `getMetricsAsJSON()`, `Registry.merge` and the OpenMetrics content type work as with
 * prom-client's own metrics), and `[SERIALIZE]()` writes the same text without building objects.
 */
export class StoreFamily {
  readonly aggregator = "sum" as const;

  constructor(
    /** Written by prom-client itself in OpenMetrics mode (it drops a counter's `_total`). */
    public name: string,
    readonly help: string,
    readonly type: Type,
    private readonly values: () => Value[],
    private readonly body: (out: TextChunks, name: string) => void,
    private readonly resetValues: () => void,
    private readonly settle: () => void,
    /** For `registry.metrics()`; defaults to `get()`'s values. */
    private readonly promStringValues?: () => Value[],
  ) {}

  /** What prom-client's registry formats into text (histograms keep `le` apart from the series' labels). */
  async getForPromString(): Promise<{ name: string; help: string; type: Type; values: Value[]; aggregator: "sum" }> {
    this.settle();
    return { name: this.name, help: this.help, type: this.type, values: (this.promStringValues ?? this.values)(), aggregator: this.aggregator };
  }

  async get(): Promise<{ name: string; help: string; type: Type; values: Value[]; aggregator: "sum" }> {
    this.settle();
    return { name: this.name, help: this.help, type: this.type, values: this.values(), aggregator: this.aggregator };
  }

  /** This family's exposition text, as prom-client's registry would write it. */
  [SERIALIZE](): string {
    this.settle();
    return familyText(this.name, this.help, this.type, (out) => this.body(out, this.name));
  }

  /** `registry.resetMetrics()`: this family's values back to zero / never seen. */
  reset(): void {
    this.settle();
    this.resetValues();
  }
}

export function isStoreFamily(metric: unknown): metric is StoreFamily {
  return typeof (metric as { [SERIALIZE]?: unknown } | null)?.[SERIALIZE] === "function";
}

/** Registers the families in `registry`; registration order is exposition order (pinned by the golden test). */
export function registerStoreFamilies(registry: Registry, store: MetricsStore): StoreFamily[] {
  const settle = () => store.budget.settle();
  const none = () => undefined;

  const tableValues = (table: CounterTable<string>) => (): Value[] => {
    const out: Value[] = [];
    for (const row of store.rows()) {
      for (let col = 0; col < table.columns; col++) {
        const value = table.value(row, col);
        if (value > 0) out.push({ value, labels: { key: store.keyLabel[row]!, ...table.columnLabels[col] } });
      }
    }
    return out;
  };
  // For registry.metrics(): the column's labels as prom-client's `sharedLabels` (one object per
  // column, formatted once and cached by prom-client), written after `key` — the order `get()`'s
  // merged labels have too. With default labels prom-client would put them between the two, so
  // then the merged form is used, and the text stays what prom-client's own counters give.
  const tableSharedValues = (table: CounterTable<string>, merged: () => Value[]) => (): Value[] => {
    if (hasDefaultLabels(registry)) return merged();
    const out: Value[] = [];
    for (const row of store.rows()) {
      for (let col = 0; col < table.columns; col++) {
        const value = table.value(row, col);
        if (value > 0) out.push({ value, labels: { key: store.keyLabel[row]! }, sharedLabels: table.columnLabels[col]! });
      }
    }
    return out;
  };
  const counterTable = (name: string, help: string, table: CounterTable<string>) => {
    const values = tableValues(table);
    return new StoreFamily(
      name,
      help,
      "counter",
      values,
      (out, n) => serializeCounterTable(out, n, store, table),
      () => table.clear(),
      none,
      tableSharedValues(table, values),
    );
  };

  const statusCounter = (name: string, help: string, column: number) =>
    new StoreFamily(
      name,
      help,
      "counter",
      () => {
        const out: Value[] = [];
        for (const row of store.rows()) {
          const value = store.statusCounts[row * 3 + column]!;
          if (row !== UNKNOWN_ROW || value > 0) out.push({ value, labels: { key: store.keyLabel[row]! } });
        }
        return out;
      },
      (out, n) => serializeStatusCounter(out, n, store, column),
      () => {
        for (let i = column; i < store.statusCounts.length; i += 3) store.statusCounts[i] = 0;
      },
      none,
    );

  const gauge = (name: string, help: string, column: number) =>
    new StoreFamily(
      name,
      help,
      "gauge",
      () => {
        const out: Value[] = [];
        for (const row of store.order) {
          const value = store.budget.value(row, column);
          if (!Number.isNaN(value)) out.push({ value, labels: { key: store.keyLabel[row]! } });
        }
        return out;
      },
      (out, n) => serializeBudgetGauge(out, n, store, column),
      () => store.budget.clearValues(),
      settle,
    );

  const h = store.duration;
  // splay: prom-client's `get()` merges the series' labels into each bucket's; its text path keeps them apart.
  const histogramValues = (splay: boolean) => (): Value[] => {
    const out: Value[] = [];
    const n = h.bounds.length;
    const bucket = `${duration.name}_bucket`;
    for (let row = 0; row < h.rows; row++) {
      const labels = h.rowLabels[row];
      const count = labels === undefined ? 0 : h.count(row);
      if (count === 0) continue;
      const base = row * h.stride;
      const entry = (own: Labels, value: number, metricName: string): Value =>
        splay ? { labels: { ...own, ...labels }, value, metricName } : { labels: own, sharedLabels: labels, value, metricName };
      let cumulative = 0;
      for (let b = 0; b < n; b++) {
        cumulative += h.values[base + b]!;
        out.push(entry({ le: h.bounds[b]! }, cumulative, bucket));
      }
      out.push(entry({ le: "+Inf" }, count, bucket));
      out.push(entry({}, h.values[base + n + 1]!, `${duration.name}_sum`));
      out.push(entry({}, count, `${duration.name}_count`));
    }
    return out;
  };
  const duration: StoreFamily = new StoreFamily(
    N.REQUEST_DURATION_SECONDS,
    N.REQUEST_DURATION_SECONDS_HELP,
    "histogram",
    histogramValues(true),
    (out, n) => serializeHistogram(out, n, h),
    () => h.clear(),
    none,
    histogramValues(false),
  );

  const families = [
    counterTable(N.REQUESTS_TOTAL, N.REQUESTS_TOTAL_HELP, store.requests),
    statusCounter(N.UNAUTHORIZED_TOTAL, N.UNAUTHORIZED_TOTAL_HELP, UNAUTHORIZED),
    statusCounter(N.FORBIDDEN_TOTAL, N.FORBIDDEN_TOTAL_HELP, FORBIDDEN),
    statusCounter(N.RATE_LIMITED_TOTAL, N.RATE_LIMITED_TOTAL_HELP, RATE_LIMITED),
    counterTable(N.REQUEST_ERRORS_TOTAL, N.REQUEST_ERRORS_TOTAL_HELP, store.errors),
    counterTable(N.RETRIES_TOTAL, N.RETRIES_TOTAL_HELP, store.retries),
    duration,
    gauge(N.RATE_LIMIT_LIMIT, N.RATE_LIMIT_LIMIT_HELP, LIMIT),
    gauge(N.RATE_LIMIT_REMAINING, N.RATE_LIMIT_REMAINING_HELP, REMAINING),
    gauge(N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS, N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP, RESET_AT),
    gauge(N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS, N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP, UPDATED_AT),
  ];
  // prom-client types registerMetric for its own classes; the registry itself only reads name,
  // type, get() and reset(), which a StoreFamily has.
  for (const family of families) registry.registerMetric(family as unknown as Metric);
  return families;
}
