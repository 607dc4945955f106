// Load generation through autocannon, reduced to the figures the scenarios compare.
import autocannon, { type Options } from "autocannon";

export interface LoadResult {
  /** Completed 2xx responses per second of the whole run. */
  reqPerSec: number;
  /** Latency percentiles in ms (autocannon's histogram has 1 ms resolution). */
  p50: number;
  p99: number;
  /** Mean latency in ms from Little's law (connections / throughput): finer than the histogram. */
  meanMs: number;
  ok: number;
}

export async function load(opts: Options): Promise<LoadResult> {
  const r = await autocannon({ timeout: 30, ...opts });
  const ok = r["2xx"];
  const where = new URL(opts.url).host;
  // A stray connection error at the end of a timed run is noise; more than 1 in 10,000 is a fault.
  if (r.non2xx > 0 || r.timeouts > 0 || r.errors > ok / 10_000) {
    throw new Error(`load on ${where}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses in ${ok} requests`);
  }
  if (r.errors > 0) console.log(`    (load on ${where}: ${r.errors} connection error(s) in ${ok} requests, left out)`);
  const reqPerSec = ok / r.duration;
  return { reqPerSec, p50: r.latency.p50, p99: r.latency.p99, meanMs: ((opts.connections ?? 10) / reqPerSec) * 1000, ok };
}
