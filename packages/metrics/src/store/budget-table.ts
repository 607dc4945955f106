import { readRateLimit, type RateLimitInfo } from "@minimo/client";
import type { HeaderSource } from "../header-source.js";

/** How many responses per key are kept between two scrapes for parsing; older ones are dropped. */
export const PENDING_RESPONSES = 8;

/** Column of each budget gauge in a row of `values`. */
export const LIMIT = 0;
export const REMAINING = 1;
export const RESET_AT = 2;
export const UPDATED_AT = 3;
const GAUGES = 4;
// Each row's kept responses are a ring of PENDING_RESPONSES slots (a power of two): dropping the
// oldest, the usual case for a busy key between two scrapes, moves nothing.
const MASK = PENDING_RESPONSES - 1;
if ((PENDING_RESPONSES & MASK) !== 0) throw new Error("PENDING_RESPONSES must be a power of two");

/**
 * The rate-limit budget of every key, in flat typed arrays (a row per key). Values are NaN until
 * a response carries a valid one: a gauge is exported only once it has a real value.
 *
 * Parsing headers costs more than everything else on the record path, so a response is only kept
 * (a reference into a preallocated slot, no parsing) and `settle()` parses the kept ones at scrape
 * time, in the order the requests were sent. The result is what parsing each response on arrival
 * gives, as long as no more than PENDING_RESPONSES arrive for a key between two scrapes; beyond
 * that the oldest are dropped, which only matters when none of the newer ones carries the header.
 */
export class BudgetTable {
  /** limit, remaining, resetAt (epoch s), updatedAt (epoch s) per row. */
  values: Float64Array;
  /** `startedAt` (performance.now() ms) of the newest response applied per row. */
  #applied: Float64Array;
  // Kept responses per row, sorted by startedAt (oldest first) from the row's ring head.
  #startedAt: Float64Array;
  #head: Uint8Array;
  #nowMs: Float64Array;
  #headers: (HeaderSource | undefined)[];
  #count: Uint8Array;
  #pendingRows = 0;
  #rows: number;

  constructor(rows: number) {
    this.#rows = rows;
    this.values = new Float64Array(rows * GAUGES).fill(Number.NaN);
    this.#applied = new Float64Array(rows).fill(Number.NEGATIVE_INFINITY);
    this.#startedAt = new Float64Array(rows * PENDING_RESPONSES);
    this.#nowMs = new Float64Array(rows * PENDING_RESPONSES);
    this.#headers = new Array<HeaderSource | undefined>(rows * PENDING_RESPONSES).fill(undefined);
    this.#count = new Uint8Array(rows);
    this.#head = new Uint8Array(rows);
  }

  growRows(rows: number): void {
    const grow = <T extends Float64Array | Uint8Array>(old: T, width: number, fill: number): T => {
      const next = new (old.constructor as new (n: number) => T)(rows * width);
      next.fill(fill, this.#rows * width);
      next.set(old);
      return next;
    };
    this.values = grow(this.values, GAUGES, Number.NaN);
    this.#applied = grow(this.#applied, 1, Number.NEGATIVE_INFINITY);
    this.#startedAt = grow(this.#startedAt, PENDING_RESPONSES, 0);
    this.#nowMs = grow(this.#nowMs, PENDING_RESPONSES, 0);
    this.#count = grow(this.#count, 1, 0);
    this.#head = grow(this.#head, 1, 0);
    for (let i = this.#headers.length; i < rows * PENDING_RESPONSES; i++) this.#headers.push(undefined);
    this.#rows = rows;
  }

  /**
   * Keeps a response's headers for the next `settle()`. Concurrent requests finish out of order:
   * one sent before the newest applied response describes an older state and is dropped.
   */
  offer(row: number, startedAt: number, headers: HeaderSource, nowMs: number): boolean {
    if (!(startedAt >= this.#applied[row]!)) return false;
    const base = row * PENDING_RESPONSES;
    const starts = this.#startedAt;
    const kept = this.#headers;
    const nows = this.#nowMs;
    let head = this.#head[row]!;
    let n = this.#count[row]!;
    if (n === PENDING_RESPONSES) {
      if (startedAt < starts[base + head]!) return false; // older than everything kept: the first to drop
      kept[base + head] = undefined;
      head = (head + 1) & MASK;
      n--;
    }
    if (n === 0) this.#pendingRows++;
    // Insert in start order; usually it is the newest, so the loop does not run.
    let i = n;
    while (i > 0) {
      const prev = base + ((head + i - 1) & MASK);
      if (!(starts[prev]! > startedAt)) break;
      const cur = base + ((head + i) & MASK);
      starts[cur] = starts[prev]!;
      nows[cur] = nows[prev]!;
      kept[cur] = kept[prev];
      i--;
    }
    const at = base + ((head + i) & MASK);
    starts[at] = startedAt;
    nows[at] = nowMs;
    kept[at] = headers;
    this.#head[row] = head;
    this.#count[row] = n + 1;
    return true;
  }

  /** Parses every kept response, per row oldest sent first, into the gauges (scrape time). */
  settle(): void {
    if (this.#pendingRows === 0) return;
    const count = this.#count;
    for (let row = 0; row < this.#rows; row++) {
      const n = count[row]!;
      if (n === 0) continue;
      const base = row * PENDING_RESPONSES;
      const head = this.#head[row]!;
      for (let k = 0; k < n; k++) {
        const i = base + ((head + k) & MASK);
        const nowMs = this.#nowMs[i]!;
        // `now` is when the response arrived, so a delta-seconds reset is anchored at that moment.
        this.apply(row, this.#startedAt[i]!, readRateLimit(this.#headers[i]!, { now: nowMs }), nowMs / 1000);
        this.#headers[i] = undefined;
      }
      count[row] = 0;
      this.#head[row] = 0;
    }
    this.#pendingRows = 0;
  }

  /**
   * Applies the valid fields of `info`; absent or garbage headers (already left out by
   * `readRateLimit`) leave the current values as they are. Returns whether anything was applied.
   */
  apply(row: number, startedAt: number, info: RateLimitInfo, nowSeconds: number): boolean {
    if (!(startedAt >= this.#applied[row]!)) return false;
    const { limit, remaining, resetAt } = info;
    const v = this.values;
    const base = row * GAUGES;
    let applied = false;
    if (isCount(limit)) {
      v[base + LIMIT] = limit;
      applied = true;
    }
    if (isCount(remaining)) {
      v[base + REMAINING] = remaining;
      applied = true;
    }
    if (resetAt !== undefined && Number.isFinite(resetAt) && resetAt > 0) {
      v[base + RESET_AT] = resetAt;
      applied = true;
    }
    if (applied) {
      this.#applied[row] = startedAt;
      v[base + UPDATED_AT] = nowSeconds;
    }
    return applied;
  }

  value(row: number, gauge: number): number {
    return this.values[row * GAUGES + gauge]!;
  }

  /** Forgets a row's budget (the key was removed, or the row is being reused). */
  clearRow(row: number): void {
    this.values.fill(Number.NaN, row * GAUGES, (row + 1) * GAUGES);
    this.#applied[row] = Number.NEGATIVE_INFINITY;
    const base = row * PENDING_RESPONSES;
    if (this.#count[row]! > 0) {
      this.#headers.fill(undefined, base, base + PENDING_RESPONSES);
      this.#count[row] = 0;
    }
    this.#head[row] = 0;
  }

  /** Every gauge back to "never seen". */
  clearValues(): void {
    this.values.fill(Number.NaN);
  }
}

// readRateLimit already rejects negative, non-numeric and huge values; this guards the gauges
// against any other source of a RateLimitInfo.
function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}
