// Per-key application traffic in process: totals since start and a ring of 10 s buckets covering
// the last hour, so the console shows rates over 1, 5 and 60 minutes and sparklines without a
// Prometheus. Fed by the gateway's record path (what apps send), never by the probes.

export const BUCKET_MS = 10_000;
export const BUCKETS = 360;
/** The counted outcomes, in storage order (`gone`: 410, an operation Minimo removed). */
export const FIELDS = ["requests", "unauthorized", "forbidden", "rateLimited", "errors", "gone"] as const;
export type UsageField = (typeof FIELDS)[number];
const F = FIELDS.length;
const REQUESTS = 0;
const STATUS_FIELD: Record<number, number> = { 401: 1, 403: 2, 429: 3, 410: 5 };
const ERRORS = 4;

class KeyUsage {
  readonly totals = new Float64Array(F);
  readonly buckets = new Uint32Array(BUCKETS * F);
  /** The bucket number (ms / BUCKET_MS) each slot holds, so stale slots read as empty. */
  readonly epochs = new Float64Array(BUCKETS).fill(-1);

  /** @param since ms when counting began for this key (start, or the reload that added it). */
  constructor(readonly since: number) {}

  add(bucket: number, field: number): void {
    const slot = bucket % BUCKETS;
    if (this.epochs[slot] !== bucket) {
      this.epochs[slot] = bucket;
      this.buckets.fill(0, slot * F, slot * F + F);
    }
    this.buckets[slot * F + field]!++;
    this.totals[field]!++;
  }

  /** The count of `field` in bucket number `bucket` (0 when that bucket has been overwritten). */
  at(bucket: number, field: number): number {
    const slot = bucket % BUCKETS;
    return this.epochs[slot] === bucket ? this.buckets[slot * F + field]! : 0;
  }
}

export interface KeyUsageSnapshot {
  totals: Record<UsageField, number>;
  /** Per second, over the last 1, 5 and 60 minutes (the current bucket included). */
  rates: Record<"m1" | "m5" | "m60", Record<UsageField, number>>;
  /**
   * The seconds each rate divides by: the window, or the time this key has been counted when that
   * is shorter (39 requests 28 s after start are 39 / 28 per second, not 39 / 300).
   */
  windowSeconds: Record<"m1" | "m5" | "m60", number>;
  /** The last hour in one-minute points, oldest first (60 points), for sparklines. */
  perMinute: Record<UsageField, number[]>;
}

export class UsageRing {
  readonly #keys = new Map<string, KeyUsage>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Keeps the aliases listed (adding new ones at zero), drops the others. */
  setKeys(aliases: Iterable<string>): void {
    const keep = new Set(aliases);
    for (const alias of this.#keys.keys()) if (!keep.has(alias)) this.#keys.delete(alias);
    for (const alias of keep) if (!this.#keys.has(alias)) this.#keys.set(alias, new KeyUsage(this.#now()));
  }

  /** Counts one response; ignores an alias not set with `setKeys`. */
  recordResponse(alias: string, status: number): void {
    const usage = this.#keys.get(alias);
    if (!usage) return;
    const bucket = Math.floor(this.#now() / BUCKET_MS);
    usage.add(bucket, REQUESTS);
    const field = STATUS_FIELD[status];
    if (field !== undefined) usage.add(bucket, field);
  }

  /** Counts an attempt that got no response (timeout, network, aborted). */
  recordError(alias: string): void {
    const usage = this.#keys.get(alias);
    if (usage) usage.add(Math.floor(this.#now() / BUCKET_MS), ERRORS);
  }

  snapshot(alias: string): KeyUsageSnapshot | undefined {
    const usage = this.#keys.get(alias);
    return usage ? snapshotOf(usage, this.#now()) : undefined;
  }

  /** The live counts of `alias` (for merging with other replicas'), or undefined. */
  counts(alias: string): UsageCounts | undefined {
    return this.#keys.get(alias);
  }

  /** Every key's counts in a compact form (non-empty buckets of the last hour) for other replicas. */
  export(): Record<string, UsageExport> {
    const current = Math.floor(this.#now() / BUCKET_MS);
    const out: Record<string, UsageExport> = {};
    for (const [alias, usage] of this.#keys) {
      const buckets: Record<string, number[]> = {};
      for (let b = current - BUCKETS + 1; b <= current; b++) {
        const row = FIELDS.map((_, i) => usage.at(b, i));
        if (row.some((n) => n > 0)) buckets[b] = row;
      }
      out[alias] = { since: usage.since, totals: [...usage.totals], buckets };
    }
    return out;
  }
}

/** One key's counts as a replica publishes them: totals and per-bucket counts in `FIELDS` order. */
export interface UsageExport {
  since: number;
  totals: number[];
  /** Bucket number (ms / BUCKET_MS) -> counts; empty buckets left out. */
  buckets: Record<string, number[]>;
}

/** What a snapshot reads: one replica's ring, or several merged. */
export interface UsageCounts {
  readonly since: number;
  readonly totals: ArrayLike<number>;
  at(bucket: number, field: number): number;
}

/** The console's view of a key's counts at `now`. */
export function snapshotOf(usage: UsageCounts, now: number): KeyUsageSnapshot {
  const current = Math.floor(now / BUCKET_MS);
  // At least a second, so the first request does not read as thousands per minute.
  const observed = Math.max(1, (now - usage.since) / 1000);
  const seconds = (minutes: number) => Math.min(minutes * 60, observed);
  const record = (f: (i: number) => number) => Object.fromEntries(FIELDS.map((name, i) => [name, f(i)])) as Record<UsageField, number>;
  const sum = (field: number, buckets: number) => {
    let n = 0;
    for (let b = current - buckets + 1; b <= current; b++) n += usage.at(b, field);
    return n;
  };
  const rate = (minutes: number) => record((i) => sum(i, minutes * 6) / seconds(minutes));
  const perMinute = record(() => 0) as unknown as Record<UsageField, number[]>;
  FIELDS.forEach((name, i) => {
    const points: number[] = [];
    // 60 points of 6 buckets each, the newest ending with the current bucket.
    for (let m = 59; m >= 0; m--) {
      let n = 0;
      for (let b = current - m * 6 - 5; b <= current - m * 6; b++) n += usage.at(b, i);
      points.push(n);
    }
    perMinute[name] = points;
  });
  return {
    totals: record((i) => usage.totals[i]!),
    rates: { m1: rate(1), m5: rate(5), m60: rate(60) },
    windowSeconds: { m1: seconds(1), m5: seconds(5), m60: seconds(60) },
    perMinute,
  };
}
