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
  if (r.errors > 0 || r.non2xx > 0 || r.timeouts > 0) {
    throw new Error(`load on ${new URL(opts.url).pathname}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  }
  const ok = r["2xx"];
  const reqPerSec = ok / r.duration;
  return { reqPerSec, p50: r.latency.p50, p99: r.latency.p99, meanMs: ((opts.connections ?? 10) / reqPerSec) * 1000, ok };
}
