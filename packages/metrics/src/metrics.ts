import type { Registry } from "prom-client";
import type { AttemptErrorReason, AttemptObserver } from "@minimo/client";
import type { Middleware } from "openapi-fetch";
import * as N from "./names.js";
import { KeyLabels } from "./key-labels.js";
import { MetricsStore, UNKNOWN_ROW, registerStoreFamilies, type Route } from "./store/index.js";
import { methodLabel, operationLabel } from "./route-labels.js";
import { createObserver } from "./observer.js";
import { createMiddleware } from "./middleware.js";
import { keyAccepted } from "./key-accepted.js";
import type { HeaderSource } from "./header-source.js";

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
  /** Wall clock in ms that stamps budget updates (`…_updated_timestamp_seconds`); tests move it instead of waiting. Default `Date.now`. */
  now?: () => number;
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
  const now = options.now ?? Date.now;
  const durationKeyed = (alias: string): boolean => perKeyDuration === true || (Array.isArray(perKeyDuration) && perKeyDuration.includes(alias));

  // Every series lives in one store (flat typed arrays, a row per key); its families are
  // registered in the user's registry and serialized from it (see ./store/).
  const store = new MetricsStore({ unknownLabel: keyLabels.unknownLabel, durationBuckets: options.durationBuckets ?? N.DEFAULT_DURATION_BUCKETS });
  registerStoreFamilies(registry, store);

  function addKey(alias: string): void {
    if (!keyLabels.add(alias)) return;
    // Its 401/403/429 counters are exported at 0 from now on, so rate() and increase() see the first one.
    store.addKey(alias, durationKeyed(alias));
  }

  function forgetKey(alias: string): void {
    if (!store.forgetKey(alias)) return;
    keyLabels.delete(alias);
  }

  // Normalizes a caller's (operation, method) to a route of the store; remembers bounded inputs
  // (a spec template with a standard method, as the client and middleware pass) so the hot path
  // looks them up once instead of normalizing each time.
  function routeOf(operation: string | undefined, method: string): Route {
    const op = operationLabel(operation, method);
    const m = methodLabel(method);
    const route = store.route(op, m);
    if (operation === op && m !== N.OTHER_METHOD && (method === m || method === m.toLowerCase())) store.rememberRoute(op, method, route);
    return route;
  }

  // The hot path: positional arguments so the observer allocates nothing per response.
  function record(
    alias: string | undefined,
    operation: string | undefined,
    method: string,
    status: number,
    headers: HeaderSource,
    durationSeconds: number,
    startedAt: number | undefined,
  ): void {
    const row = store.row(alias);
    const route = store.rememberedRoute(operation, method) ?? routeOf(operation, method);
    // Statuses outside 100-599 share one series (code "other") so the store stays bounded.
    const s = Number.isInteger(status) && status >= 100 && status <= 599 ? status : 0;
    store.response(row, route, s, durationSeconds);
    // Only an answer given to the key describes its budget (a 401 carries the anonymous window);
    // the unknown label has no budget (several keys folded into it would overwrite each other).
    // Headers are kept, not parsed: parsing happens at scrape time (see BudgetTable).
    if (row !== UNKNOWN_ROW && keyAccepted(s, route.operation)) store.offerBudget(row, startedAt ?? performance.now(), headers, now());
  }

  function recordBudget(input: RecordBudgetInput): void {
    const row = store.knownRow(input.key);
    if (row < 0) return;
    const s = Number.isInteger(input.status) ? input.status : 0;
    if (!keyAccepted(s, operationLabel(input.operation, input.method))) return;
    store.offerBudget(row, input.startedAt ?? performance.now(), input.headers, now());
  }

  function recordError(input: RecordErrorInput): void {
    const op = operationLabel(input.operation, input.method);
    // An unexpected reason is still an attempt without a response: count it as a network failure.
    const reason = REASONS.has(input.reason) ? input.reason : "network";
    store.error(store.row(input.key), op, methodLabel(input.method), reason);
  }

  function recordRetry(input: RecordRetryInput): void {
    store.retry(store.row(input.key), operationLabel(input.operation, input.method ?? "GET"));
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
export type RecordFn = (
  alias: string | undefined,
  operation: string | undefined,
  method: string,
  status: number,
  headers: HeaderSource,
  durationSeconds: number,
  startedAt: number | undefined,
) => void;
