import type { HeaderSource } from "../header-source.js";
import { codeLabel } from "../code-labels.js";
import { BudgetTable } from "./budget-table.js";
import { CounterTable } from "./counter-table.js";
import { HistogramTable } from "./histogram-table.js";
import { escapeLabelValue } from "./text.js";

/** The 401, 403 and 429 counters of a key, in one row of `MetricsStore.statusCounts`. */
export const UNAUTHORIZED = 0;
export const FORBIDDEN = 1;
export const RATE_LIMITED = 2;
const STATUS_COUNTERS = 3;

/** Row of the unknown-key label: every unconfigured or missing alias is counted here. */
export const UNKNOWN_ROW = 0;

const MAX_STATUS = 599;

/** One (operation, method) pair: its request columns by status, and its duration series. */
export interface Route {
  readonly operation: string;
  readonly method: string;
  /** requests column + 1 by normalized status (0 = none yet). */
  readonly columnByStatus: Int32Array;
  /** Duration row without a key label (-1 = none yet). */
  durationRow: number;
  /** Duration rows with a key label, by key row. */
  readonly keyedRows: Map<number, number>;
}

export interface MetricsStoreOptions {
  unknownLabel: string;
  durationBuckets: readonly number[];
}

/**
 * Everything `@minimo/metrics` records, in flat typed arrays with a row per key: the per-key
 * counters, the budget gauges and the duration histogram's buckets. The record methods take
 * normalized labels and allocate nothing once a series exists; label strings are escaped once,
 * when a key, a column or a histogram row is made. Serialization is `./serialize.ts`.
 */
export class MetricsStore {
  /** Alias of each row (row 0: the unknown-key label); undefined for a free row. */
  readonly keyLabel: (string | undefined)[] = [];
  /** `{key="…"` of each row, escaped once. */
  readonly keyText: string[] = [];
  /** Known (configured) rows in the order they were added; the unknown row is not in it. */
  readonly order: number[] = [];
  /** 1 when the row's durations carry a `key` label. */
  durationKeyed: Uint8Array;

  readonly requests: CounterTable<"operation" | "method" | "code">;
  /** 401, 403, 429 per row (UNAUTHORIZED, FORBIDDEN, RATE_LIMITED). */
  statusCounts: Float64Array;
  readonly errors: CounterTable<"operation" | "method" | "reason">;
  readonly retries: CounterTable<"operation">;
  readonly budget: BudgetTable;
  readonly duration: HistogramTable;

  readonly #rowOf = new Map<string, number>();
  /** `rows()`, rebuilt after a key is added or forgotten. */
  #rows: number[] | undefined;
  readonly #free: number[] = [];
  #capacity = 64;
  readonly #routes = new Map<string, Map<string, Route>>();
  readonly #routeList: Route[] = [];
  readonly #rawRoutes = new Map<string, Map<string, Route>>();
  readonly #errorColumns = new Map<string, number>();
  readonly #retryColumns = new Map<string, number>();

  constructor(options: MetricsStoreOptions) {
    const rows = this.#capacity;
    this.durationKeyed = new Uint8Array(rows);
    this.requests = new CounterTable(rows, 4);
    this.statusCounts = new Float64Array(rows * STATUS_COUNTERS);
    this.errors = new CounterTable(rows, 0);
    this.retries = new CounterTable(rows, 0);
    this.budget = new BudgetTable(rows);
    this.duration = new HistogramTable(options.durationBuckets);
    this.#setRow(UNKNOWN_ROW, options.unknownLabel);
  }

  /** The row of a configured alias, or UNKNOWN_ROW. */
  row(alias: string | undefined): number {
    return alias === undefined ? UNKNOWN_ROW : (this.#rowOf.get(alias) ?? UNKNOWN_ROW);
  }

  /** The row of a configured alias, or -1. */
  knownRow(alias: string | undefined): number {
    return alias === undefined ? -1 : (this.#rowOf.get(alias) ?? -1);
  }

  /** Adds a configured key (a fresh row at zero, its 401/403/429 exported at 0). */
  addKey(alias: string, durationKeyed: boolean): number {
    const existing = this.#rowOf.get(alias);
    if (existing !== undefined) return existing;
    let row = this.#free.pop();
    if (row === undefined) {
      row = this.keyLabel.length;
      if (row === this.#capacity) this.#grow();
    }
    this.#setRow(row, alias);
    this.durationKeyed[row] = durationKeyed ? 1 : 0;
    this.#rowOf.set(alias, row);
    this.order.push(row);
    this.#rows = undefined;
    return row;
  }

  /** Drops every series of a configured key; its row is reused by a later `addKey`. */
  forgetKey(alias: string): boolean {
    const row = this.#rowOf.get(alias);
    if (row === undefined) return false;
    this.#rowOf.delete(alias);
    this.order.splice(this.order.indexOf(row), 1);
    this.#rows = undefined;
    this.requests.clearRow(row);
    this.errors.clearRow(row);
    this.retries.clearRow(row);
    this.statusCounts.fill(0, row * STATUS_COUNTERS, (row + 1) * STATUS_COUNTERS);
    this.budget.clearRow(row);
    for (const route of this.#routeList) {
      const h = route.keyedRows.get(row);
      if (h !== undefined) {
        this.duration.removeRow(h);
        route.keyedRows.delete(row);
      }
    }
    this.keyLabel[row] = undefined;
    this.keyText[row] = "";
    this.durationKeyed[row] = 0;
    this.#free.push(row);
    return true;
  }

  /** The route of normalized labels (made on first use). */
  route(operation: string, method: string): Route {
    return this.#routes.get(operation)?.get(method) ?? this.#route(operation, method);
  }

  /**
   * The route a caller's own (operation, method) strings were normalized to before, so the hot
   * path skips normalizing them again. Only bounded inputs are ever remembered (`rememberRoute`).
   */
  rememberedRoute(operation: string | undefined, method: string): Route | undefined {
    return operation === undefined ? undefined : this.#rawRoutes.get(operation)?.get(method);
  }

  /** Remembers that these caller strings normalize to `route`; call only for bounded inputs (spec templates, standard methods). */
  rememberRoute(operation: string, method: string, route: Route): void {
    let byMethod = this.#rawRoutes.get(operation);
    if (byMethod === undefined) this.#rawRoutes.set(operation, (byMethod = new Map()));
    byMethod.set(method, route);
  }

  /**
   * Counts one response: `status` is 0 for anything outside 100–599; `seconds` is observed when
   * it is ≥ 0 and finite. The hot path: typed-array writes, no allocation once the series exist.
   */
  response(row: number, route: Route, status: number, seconds: number): void {
    const s = Number.isInteger(status) && status >= 100 && status <= MAX_STATUS ? status : 0;
    let col = route.columnByStatus[s]! - 1;
    if (col < 0) col = this.#requestColumn(route, s);
    this.requests.inc(row, col, 1);
    if (s === 401) this.statusCounts[row * STATUS_COUNTERS + UNAUTHORIZED]!++;
    else if (s === 403) this.statusCounts[row * STATUS_COUNTERS + FORBIDDEN]!++;
    else if (s === 429) this.statusCounts[row * STATUS_COUNTERS + RATE_LIMITED]!++;
    if (seconds >= 0 && seconds < Number.POSITIVE_INFINITY) this.duration.observe(this.#durationRow(route, row), seconds);
  }

  /** Keeps a response's rate-limit headers for the key's budget (parsed at scrape time). */
  offerBudget(row: number, startedAt: number, headers: HeaderSource, nowMs: number): void {
    this.budget.offer(row, startedAt, headers, nowMs);
  }

  error(row: number, operation: string, method: string, reason: string): void {
    const id = `${operation} ${method} ${reason}`;
    let col = this.#errorColumns.get(id);
    if (col === undefined) this.#errorColumns.set(id, (col = this.errors.addColumn({ operation, method, reason })));
    this.errors.inc(row, col, 1);
  }

  retry(row: number, operation: string): void {
    let col = this.#retryColumns.get(operation);
    if (col === undefined) this.#retryColumns.set(operation, (col = this.retries.addColumn({ operation })));
    this.retries.inc(row, col, 1);
  }

  /** Rows in exposition order: configured keys in the order they were added, then the unknown label. */
  rows(): readonly number[] {
    if (this.#rows === undefined) this.#rows = [...this.order, UNKNOWN_ROW];
    return this.#rows;
  }

  #setRow(row: number, alias: string): void {
    this.keyLabel[row] = alias;
    this.keyText[row] = `{key="${escapeLabelValue(alias)}"`;
  }

  #route(operation: string, method: string): Route {
    let byMethod = this.#routes.get(operation);
    if (byMethod === undefined) this.#routes.set(operation, (byMethod = new Map()));
    const route: Route = { operation, method, columnByStatus: new Int32Array(MAX_STATUS + 1), durationRow: -1, keyedRows: new Map() };
    byMethod.set(method, route);
    this.#routeList.push(route);
    return route;
  }

  #requestColumn(route: Route, status: number): number {
    // Statuses that share a `code` label share a column (the label decides, not the number).
    const code = codeLabel(status);
    const cols = this.requests.columnLabels;
    let col = cols.findIndex((l) => l.operation === route.operation && l.method === route.method && l.code === code);
    if (col < 0) col = this.requests.addColumn({ operation: route.operation, method: route.method, code });
    route.columnByStatus[status] = col + 1;
    return col;
  }

  #durationRow(route: Route, row: number): number {
    // Keys not opted in to a per-key duration share the route's series (no `key` label).
    if (this.durationKeyed[row] === 0) {
      if (route.durationRow < 0) route.durationRow = this.duration.addRow({ operation: route.operation, method: route.method });
      return route.durationRow;
    }
    let h = route.keyedRows.get(row);
    if (h === undefined) {
      h = this.duration.addRow({ key: this.keyLabel[row]!, operation: route.operation, method: route.method });
      route.keyedRows.set(row, h);
    }
    return h;
  }

  #grow(): void {
    // 1.5×: a quarter of the rows spare on average instead of a third (every table is per row).
    const rows = Math.ceil(this.#capacity * 1.5);
    this.requests.growRows(rows);
    this.errors.growRows(rows);
    this.retries.growRows(rows);
    this.budget.growRows(rows);
    const counts = new Float64Array(rows * STATUS_COUNTERS);
    counts.set(this.statusCounts);
    this.statusCounts = counts;
    const keyed = new Uint8Array(rows);
    keyed.set(this.durationKeyed);
    this.durationKeyed = keyed;
    this.#capacity = rows;
  }
}
