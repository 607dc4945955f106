import type { DurationBuffer } from "./duration-buffer.js";
import { RateLimitState } from "./rate-limit-state.js";

/**
 * One counter series kept by us: the hot path only bumps `pending` (a few ns instead of
 * prom-client's ~0.2-0.5 µs labelled `inc`), and the family's `collect()` hands the increment to
 * prom-client on each scrape.
 */
export interface CounterCell<L extends string = string> {
  readonly labels: Readonly<Record<L, string>>;
  pending: number;
}

/** A `requests_total` series, with the buffer of the duration series its responses are observed in. */
export interface ResponseCell extends CounterCell<"key" | "operation" | "method" | "code"> {
  readonly duration: DurationBuffer;
}

/** Everything recorded for one `key` label value. */
export class KeyState {
  /** operation → method → code label → series. Bounded: operations, methods and codes are label-normalized first. */
  readonly responses = new Map<string, Map<string, Map<string, ResponseCell>>>();
  /** "operation method reason" → series. */
  readonly errors = new Map<string, CounterCell<"key" | "operation" | "method" | "reason">>();
  /** operation → series. */
  readonly retries = new Map<string, CounterCell<"key" | "operation">>();
  readonly unauthorized: CounterCell<"key">;
  readonly forbidden: CounterCell<"key">;
  readonly rateLimited: CounterCell<"key">;
  /**
   * Undefined for the unknown-key label: several unconfigured keys folded into one label would
   * overwrite each other's budget, so their rate-limit gauges would be fiction.
   */
  readonly rateLimit: RateLimitState | undefined;

  constructor(
    readonly label: string,
    /** Whether this key's durations carry a `key` label (opt-in per key). */
    readonly durationByKey: boolean,
    known: boolean,
  ) {
    this.unauthorized = { labels: { key: label }, pending: 0 };
    this.forbidden = { labels: { key: label }, pending: 0 };
    this.rateLimited = { labels: { key: label }, pending: 0 };
    this.rateLimit = known ? new RateLimitState() : undefined;
  }

  *responseCells(): IterableIterator<ResponseCell> {
    for (const byMethod of this.responses.values()) {
      for (const byStatus of byMethod.values()) yield* byStatus.values();
    }
  }
}
