import type { Registry } from "prom-client";
import type { AttemptErrorReason, AttemptObserver } from "@minimo/client";
import type { Middleware } from "openapi-fetch";
import * as N from "./names.js";
import { KeyLabels } from "./key-labels.js";
import { KeyState, type ResponseCell } from "./key-state.js";
import { createFamilies } from "./families.js";
import { DurationBuffer } from "./duration-buffer.js";
import { methodLabel, operationLabel } from "./route-labels.js";
import { codeLabel } from "./code-labels.js";
import { createObserver } from "./observer.js";
import { createMiddleware } from "./middleware.js";
import { keyAccepted } from "./key-accepted.js";
import type { HeaderSource } from "./rate-limit-state.js";

export type { HeaderSource };

export interface MinimoMetricsOptions {
  /** Registry the families are registered in. Required: the global prom-client registry is never used. */
  registry: Registry;
  /** Key aliases known up front; their 401/403/429 counters start at 0. Default: none. */
  keys?: readonly string[];
  /** `key` label value for every alias that is not configured. Default `"unknown"`. */
  unknownKeyLabel?: string;
  /** Add a `key` label to the duration histogram: `true` for every configured key, or a list of aliases. Default `false`. */
  perKeyDuration?: boolean | readonly string[];
  /** Duration histogram buckets, in seconds. Default 0.005 … 10. */
  durationBuckets?: readonly number[];
}

export interface RecordResponseInput {
  /** Key alias; an unconfigured or missing alias is counted under `unknownKeyLabel`. */
  key: string | undefined;
  /** Route template (openapi-fetch `schemaPath`); anything else is matched to one or becomes "unmatched". */
  operation: string | undefined;
  method: string;
  status: number;
  headers: HeaderSource;
  /** Seconds from sending to the response; not observed when negative or not finite. */
  durationSeconds: number;
  /** `performance.now()` when the attempt was sent; orders rate-limit updates. Default: now. */
  startedAt?: number;
}

export interface RecordBudgetInput {
  /** Key alias; an unconfigured or missing alias has no budget gauges, so nothing is applied. */
  key: string | undefined;
  /** Route template (or a raw path, matched to one); a route outside the spec is not applied. */
  operation: string | undefined;
  method: string;
  status: number;
  headers: HeaderSource;
  /** `performance.now()` when the request was sent; orders rate-limit updates. Default: now. */
  startedAt?: number;
}

export interface RecordErrorInput {
  key: string | undefined;
  operation: string | undefined;
  method: string;
  reason: AttemptErrorReason;
  /** Accepted for symmetry; not observed (the histogram covers attempts that got a response). */
  durationSeconds?: number;
}

export interface RecordRetryInput {
  key: string | undefined;
  operation: string | undefined;
  /** Used only to match a raw path back to its route template. Default `"GET"`. */
  method?: string;
}

export interface MinimoMetrics {
  /** The one line an app adds: `createMinimoClient({ apiKey, observe: metrics.observer("production") })`. Configures the alias. */
  observer(alias: string): AttemptObserver;
  /** openapi-fetch middleware for a bare `createClient` (counts each call once). Configures the alias. */
  middleware(alias: string): Middleware;
  /** Counts one response in `minimo_api_*` (application traffic) and applies its budget headers when the key was accepted. */
  recordResponse(input: RecordResponseInput): void;
  /**
   * Applies a response's `X-RateLimit-*` headers to the key's budget gauges, by the same rule as
   * `recordResponse` (only when the key was accepted), without counting it anywhere: for calls
   * that are not the application's, such as the exporter's probes.
   */
  recordBudget(input: RecordBudgetInput): void;
  recordError(input: RecordErrorInput): void;
  recordRetry(input: RecordRetryInput): void;
  /** Configures an alias: its 401/403/429 counters appear at 0. No-op when already configured. */
  addKey(alias: string): void;
  /** Drops every series carrying this alias; later records for it count as unknown. */
  forgetKey(alias: string): void;
  /** The `key` label a record for `alias` gets. */
  keyLabel(alias: string | undefined): string;
}

const REASONS: ReadonlySet<string> = new Set<AttemptErrorReason>(["timeout", "network", "aborted"]);

/**
 * Prometheus instrumentation of `@minimo/client`, registered in the registry you pass.
 * @example
 * const registry = new Registry();
 * const metrics = createMinimoMetrics({ registry, keys: ["production"] });
 * const client = createMinimoClient({ apiKey: process.env.MINIMO_API_KEY!, observe: metrics.observer("production") });
 */
export function createMinimoMetrics(options: MinimoMetricsOptions): MinimoMetrics {
  const registry = options?.registry;
  if (registry === undefined || registry === null || typeof registry.registerMetric !== "function") {
    throw new TypeError("createMinimoMetrics: pass { registry: new Registry() } (the global prom-client registry is never used)");
  }
  const keyLabels = new KeyLabels(options.unknownKeyLabel ?? N.DEFAULT_UNKNOWN_KEY_LABEL);
  const perKeyDuration = options.perKeyDuration ?? false;
  const durationKeyed = (alias: string): boolean =>
    perKeyDuration === true || (Array.isArray(perKeyDuration) && perKeyDuration.includes(alias));

  const states = new Map<string, KeyState>();
  const unknown = new KeyState(keyLabels.unknownLabel, false, false);
  const allStates = function* (): IterableIterator<KeyState> {
    yield* states.values();
    yield unknown;
  };

  // One buffer per duration series, by its label values joined with NUL (which no label value
  // can contain: aliases reject control characters, operations and methods are normalized).
  const durationBuffers = new Map<string, DurationBuffer>();
  const { requests, unauthorized, forbidden, rateLimited, errors, retries, duration, gauges } = createFamilies({
    registry,
    durationLabels: perKeyDuration === false ? ["operation", "method"] : ["key", "operation", "method"],
    durationBuckets: options.durationBuckets ?? N.DEFAULT_DURATION_BUCKETS,
    allStates,
    knownStates: () => states.values(),
    durationBuffers: () => durationBuffers.values(),
  });

  function addKey(alias: string): void {
    if (!keyLabels.add(alias)) return;
    const state = new KeyState(alias, durationKeyed(alias), true);
    states.set(alias, state);
    // Pre-created at 0 so rate() and increase() see the first 401/403/429.
    unauthorized.inc(state.unauthorized.labels, 0);
    forbidden.inc(state.forbidden.labels, 0);
    rateLimited.inc(state.rateLimited.labels, 0);
  }

  function forgetKey(alias: string): void {
    const state = states.get(alias);
    if (state === undefined) return;
    states.delete(alias);
    keyLabels.delete(alias);
    const key = { key: alias };
    for (const cell of state.responseCells()) {
      requests.remove(cell.labels);
      if (state.durationByKey) {
        const { operation, method } = cell.labels;
        const id = `${alias}\0${operation}\0${method}`;
        durationBuffers.get(id)?.clear();
        durationBuffers.delete(id);
        duration.remove({ key: alias, operation, method });
      }
    }
    for (const cell of state.errors.values()) errors.remove(cell.labels);
    for (const cell of state.retries.values()) retries.remove(cell.labels);
    unauthorized.remove(key);
    forbidden.remove(key);
    rateLimited.remove(key);
    for (const gauge of gauges) gauge.remove(key);
  }

  function responseCell(state: KeyState, operation: string, method: string, code: string): ResponseCell {
    let byMethod = state.responses.get(operation);
    if (byMethod === undefined) state.responses.set(operation, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map()));
    const labels = { key: state.label, operation, method, code };
    const id = state.durationByKey ? `${state.label}\0${operation}\0${method}` : `${operation}\0${method}`;
    let buffer = durationBuffers.get(id);
    if (buffer === undefined) {
      const series = duration.labels(state.durationByKey ? { key: state.label, operation, method } : { operation, method });
      durationBuffers.set(id, (buffer = new DurationBuffer(series)));
    }
    const cell: ResponseCell = { labels, pending: 0, duration: buffer };
    byStatus.set(code, cell);
    return cell;
  }

  // The hot path: positional arguments so the observer allocates nothing per response.
  function record(alias: string | undefined, operation: string | undefined, method: string, status: number,
    headers: HeaderSource, durationSeconds: number, startedAt: number | undefined): void {
    const state = (alias === undefined ? undefined : states.get(alias)) ?? unknown;
    const op = operationLabel(operation, method);
    const m = methodLabel(method);
    // Keyed by the code label: every undocumented status of a class shares one cell.
    const code = codeLabel(status);
    const cell = state.responses.get(op)?.get(m)?.get(code) ?? responseCell(state, op, m, code);
    cell.pending++;
    if (status === 401) state.unauthorized.pending++;
    else if (status === 403) state.forbidden.pending++;
    else if (status === 429) state.rateLimited.pending++;
    if (durationSeconds >= 0 && durationSeconds < Number.POSITIVE_INFINITY) cell.duration.push(durationSeconds);
    // Only an answer given to the key describes its budget (a 401 carries the anonymous window).
    // Headers are kept, not parsed: parsing happens at scrape time (see RateLimitState).
    if (state.rateLimit !== undefined && keyAccepted(Number.isInteger(status) ? status : 0, op)) state.rateLimit.offer(startedAt ?? performance.now(), headers, Date.now());
  }

  function recordBudget(input: RecordBudgetInput): void {
    const state = input.key === undefined ? undefined : states.get(input.key);
    if (state?.rateLimit === undefined) return;
    const s = Number.isInteger(input.status) ? input.status : 0;
    if (!keyAccepted(s, operationLabel(input.operation, input.method))) return;
    state.rateLimit.offer(input.startedAt ?? performance.now(), input.headers, Date.now());
  }

  function recordError(input: RecordErrorInput): void {
    const state = (input.key === undefined ? undefined : states.get(input.key)) ?? unknown;
    const op = operationLabel(input.operation, input.method);
    const m = methodLabel(input.method);
    // An unexpected reason is still an attempt without a response: count it as a network failure.
    const reason = REASONS.has(input.reason) ? input.reason : "network";
    const id = `${op} ${m} ${reason}`;
    let cell = state.errors.get(id);
    if (cell === undefined) state.errors.set(id, (cell = { labels: { key: state.label, operation: op, method: m, reason }, pending: 0 }));
    cell.pending++;
  }

  function recordRetry(input: RecordRetryInput): void {
    const state = (input.key === undefined ? undefined : states.get(input.key)) ?? unknown;
    const op = operationLabel(input.operation, input.method ?? "GET");
    let cell = state.retries.get(op);
    if (cell === undefined) state.retries.set(op, (cell = { labels: { key: state.label, operation: op }, pending: 0 }));
    cell.pending++;
  }

  for (const alias of options.keys ?? []) addKey(alias);

  const metrics: MinimoMetrics = {
    observer(alias) {
      addKey(alias);
      return createObserver(alias, record, recordError, recordRetry);
    },
    middleware(alias) {
      addKey(alias);
      return createMiddleware(alias, record, recordError);
    },
    recordResponse: (i) => record(i.key, i.operation, i.method, i.status, i.headers, i.durationSeconds, i.startedAt),
    recordBudget,
    recordError,
    recordRetry,
    addKey,
    forgetKey,
    keyLabel: (alias) => keyLabels.label(alias),
  };
  return metrics;
}

/** The hot-path recorder shared by the observer and the middleware. */
export type RecordFn = (alias: string | undefined, operation: string | undefined, method: string, status: number,
  headers: HeaderSource, durationSeconds: number, startedAt: number | undefined) => void;
