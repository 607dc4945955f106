import { readRateLimit, type RateLimitInfo } from "@minimo/client";

/** Anything with `Headers.get`: a fetch `Headers`, or a lookalike. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** How many responses per key are kept between two scrapes for parsing; older ones are dropped. */
export const PENDING_RESPONSES = 8;

/**
 * The rate-limit budget of one key as the newest applied responses reported it. Values are NaN
 * until a response carries a valid one: a gauge is only exported once it has a real value, never
 * as a made-up zero.
 *
 * Parsing headers costs more than everything else on the hot path, so a response is only kept
 * (a reference, no parsing) and `settle()` parses the kept ones when the gauges are read, i.e.
 * once per scrape, in the order the requests were sent. The result is what parsing each response
 * on arrival gives, as long as no more than PENDING_RESPONSES arrive between two scrapes; beyond
 * that the oldest are dropped, which only matters when none of the newer ones carries the header.
 */
export class RateLimitState {
  /** `startedAt` (performance.now() ms) of the newest response applied; older ones are ignored. */
  appliedStartedAt = Number.NEGATIVE_INFINITY;
  limit = Number.NaN;
  remaining = Number.NaN;
  resetAt = Number.NaN;
  updatedAt = Number.NaN;

  // Kept responses, sorted by startedAt (oldest first), in preallocated slots.
  readonly #startedAt = new Float64Array(PENDING_RESPONSES);
  readonly #nowMs = new Float64Array(PENDING_RESPONSES);
  readonly #headers: (HeaderSource | undefined)[] = new Array(PENDING_RESPONSES).fill(undefined);
  #count = 0;

  /**
   * Keeps a response's headers for the next `settle()`. Concurrent requests finish out of order:
   * one sent before the newest applied response describes an older state and is dropped.
   */
  offer(startedAt: number, headers: HeaderSource, nowMs: number): boolean {
    if (!(startedAt >= this.appliedStartedAt)) return false;
    const starts = this.#startedAt;
    let n = this.#count;
    if (n === PENDING_RESPONSES) {
      if (startedAt < starts[0]!) return false; // older than everything kept: the first to drop
      this.#shiftOut();
      n--;
    }
    // Insert in start order; usually it is the newest, so the loop does not run.
    let i = n;
    while (i > 0 && starts[i - 1]! > startedAt) {
      starts[i] = starts[i - 1]!;
      this.#nowMs[i] = this.#nowMs[i - 1]!;
      this.#headers[i] = this.#headers[i - 1];
      i--;
    }
    starts[i] = startedAt;
    this.#nowMs[i] = nowMs;
    this.#headers[i] = headers;
    this.#count = n + 1;
    return true;
  }

  /** Parses the kept responses, oldest sent first, into the values (called at scrape time). */
  settle(): void {
    for (let i = 0; i < this.#count; i++) {
      const nowMs = this.#nowMs[i]!;
      // `now` is when the response arrived, so a delta-seconds reset is anchored at that moment.
      this.apply(this.#startedAt[i]!, readRateLimit(this.#headers[i]!, { now: nowMs }), nowMs / 1000);
      this.#headers[i] = undefined;
    }
    this.#count = 0;
  }

  #shiftOut(): void {
    for (let i = 1; i < this.#count; i++) {
      this.#startedAt[i - 1] = this.#startedAt[i]!;
      this.#nowMs[i - 1] = this.#nowMs[i]!;
      this.#headers[i - 1] = this.#headers[i];
    }
    this.#headers[this.#count - 1] = undefined;
    this.#count--;
  }

  /**
   * Applies the valid fields of `info`; absent or garbage headers (already left out by
   * `readRateLimit`) leave the current values as they are. Returns whether anything was applied.
   */
  apply(startedAt: number, info: RateLimitInfo, nowSeconds: number): boolean {
    if (!(startedAt >= this.appliedStartedAt)) return false;
    const { limit, remaining, resetAt } = info;
    let applied = false;
    if (isCount(limit)) {
      this.limit = limit;
      applied = true;
    }
    if (isCount(remaining)) {
      this.remaining = remaining;
      applied = true;
    }
    if (resetAt !== undefined && Number.isFinite(resetAt) && resetAt > 0) {
      this.resetAt = resetAt;
      applied = true;
    }
    if (applied) {
      this.appliedStartedAt = startedAt;
      this.updatedAt = nowSeconds;
    }
    return applied;
  }
}

// readRateLimit already rejects negative, non-numeric and huge values; this guards the gauges
// against any other source of a RateLimitInfo.
function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}
