import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import * as N from "./names.js";
import type { CounterCell, KeyState } from "./key-state.js";
import type { DurationBuffer } from "./duration-buffer.js";

export interface FamiliesOptions {
  registry: Registry;
  durationLabels: readonly ("key" | "operation" | "method")[];
  durationBuckets: readonly number[];
  /** Every key state, the unknown-key one included. */
  allStates: () => Iterable<KeyState>;
  /** The configured keys' states (the only ones with rate-limit gauges). */
  knownStates: () => Iterable<KeyState>;
  /** Buffered durations, observed into the histogram when it is read. */
  durationBuffers: () => Iterable<DurationBuffer>;
}

/**
 * Registers the metric families. Counters are fed from the cells the hot path bumps and gauges
 * from the per-key rate-limit state, both in `collect()`, i.e. whenever the registry is read.
 */
export function createFamilies({ registry, durationLabels, durationBuckets, allStates, knownStates, durationBuffers }: FamiliesOptions) {
  const registers = [registry];
  const flush = <L extends string>(counter: Counter<L>, cell: CounterCell<L>): void => {
    if (cell.pending > 0) {
      counter.inc(cell.labels, cell.pending);
      cell.pending = 0;
    }
  };

  const requests: Counter<"key" | "operation" | "method" | "code"> = new Counter({
    name: N.REQUESTS_TOTAL, help: N.REQUESTS_TOTAL_HELP, labelNames: ["key", "operation", "method", "code"] as const, registers,
    collect() { for (const s of allStates()) for (const c of s.responseCells()) flush(requests, c); },
  });
  const perKeyCounter = (name: string, help: string, cellOf: (s: KeyState) => CounterCell<"key">): Counter<"key"> => {
    const counter: Counter<"key"> = new Counter({
      name, help, labelNames: ["key"] as const, registers,
      collect() { for (const s of allStates()) flush(counter, cellOf(s)); },
    });
    return counter;
  };
  // Registration order is exposition order (pinned by the golden test).
  const unauthorized = perKeyCounter(N.UNAUTHORIZED_TOTAL, N.UNAUTHORIZED_TOTAL_HELP, (s) => s.unauthorized);
  const forbidden = perKeyCounter(N.FORBIDDEN_TOTAL, N.FORBIDDEN_TOTAL_HELP, (s) => s.forbidden);
  const rateLimited = perKeyCounter(N.RATE_LIMITED_TOTAL, N.RATE_LIMITED_TOTAL_HELP, (s) => s.rateLimited);
  const errors: Counter<"key" | "operation" | "method" | "reason"> = new Counter({
    name: N.REQUEST_ERRORS_TOTAL, help: N.REQUEST_ERRORS_TOTAL_HELP, labelNames: ["key", "operation", "method", "reason"] as const, registers,
    collect() { for (const s of allStates()) for (const c of s.errors.values()) flush(errors, c); },
  });
  const retries: Counter<"key" | "operation"> = new Counter({
    name: N.RETRIES_TOTAL, help: N.RETRIES_TOTAL_HELP, labelNames: ["key", "operation"] as const, registers,
    collect() { for (const s of allStates()) for (const c of s.retries.values()) flush(retries, c); },
  });
  const duration = new Histogram<"key" | "operation" | "method">({
    name: N.REQUEST_DURATION_SECONDS, help: N.REQUEST_DURATION_SECONDS_HELP, labelNames: durationLabels, registers,
    buckets: [...durationBuckets],
    collect() { for (const b of durationBuffers()) b.flush(); },
  });

  // Copied from the per-key state, and only once a response carried a valid value (NaN = never
  // seen: no series rather than a fake zero).
  const rateLimitGauge = (name: string, help: string, field: "limit" | "remaining" | "resetAt" | "updatedAt"): Gauge<"key"> => {
    const gauge: Gauge<"key"> = new Gauge({
      name, help, labelNames: ["key"] as const, registers,
      collect() {
        for (const s of knownStates()) {
          s.rateLimit?.settle(); // the first gauge read parses; the others find nothing pending
          const value = s.rateLimit?.[field];
          if (value !== undefined && !Number.isNaN(value)) gauge.set({ key: s.label }, value);
        }
      },
    });
    return gauge;
  };

  return {
    requests,
    unauthorized,
    forbidden,
    rateLimited,
    errors,
    retries,
    duration,
    gauges: [
      rateLimitGauge(N.RATE_LIMIT_LIMIT, N.RATE_LIMIT_LIMIT_HELP, "limit"),
      rateLimitGauge(N.RATE_LIMIT_REMAINING, N.RATE_LIMIT_REMAINING_HELP, "remaining"),
      rateLimitGauge(N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS, N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP, "resetAt"),
      rateLimitGauge(N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS, N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP, "updatedAt"),
    ],
  };
}
