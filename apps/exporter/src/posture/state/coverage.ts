// Coverage: the intervals in which the exporter was running, so a verdict like "not used in 90
// days" is only given when the observer watched (almost) all of those days.
const DAY_MS = 86_400_000;
/** Intervals kept: older ones are merged away (a year of daily restarts fits). */
const MAX_INTERVALS = 1000;

/** Extends the running interval to `now` (or opens one at `start`); keeps the list bounded. */
export function extendCoverage(coverage: [number, number][], start: number, now: number): void {
  const last = coverage[coverage.length - 1];
  if (last !== undefined && last[0] === start) last[1] = Math.max(last[1], now);
  else coverage.push([start, Math.max(start, now)]);
  normalize(coverage);
  while (coverage.length > MAX_INTERVALS) coverage.shift();
}

/** Sorts and merges overlapping intervals, in place. */
export function normalize(coverage: [number, number][]): void {
  coverage.sort((a, b) => a[0] - b[0]);
  let w = 0;
  for (let r = 1; r < coverage.length; r++) {
    const cur = coverage[r]!;
    const prev = coverage[w]!;
    if (cur[0] <= prev[1]) prev[1] = Math.max(prev[1], cur[1]);
    else coverage[++w] = cur;
  }
  coverage.length = coverage.length === 0 ? 0 : w + 1;
}

/** Milliseconds watched within [from, to]. */
export function watchedMs(coverage: readonly [number, number][], from: number, to: number): number {
  let sum = 0;
  for (const [a, b] of coverage) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

/** Coverage needed for a "not used in N days" verdict. */
export const MIN_COVERAGE = 0.99;

export interface CoverageVerdict {
  ok: boolean;
  /** Days watched of the window, one decimal. */
  watchedDays: number;
  days: number;
}

export function coverageOf(coverage: readonly [number, number][], days: number, now: number): CoverageVerdict {
  const ms = watchedMs(coverage, now - days * DAY_MS, now);
  return { ok: ms >= MIN_COVERAGE * days * DAY_MS, watchedDays: Math.floor((ms / DAY_MS) * 10) / 10, days };
}
