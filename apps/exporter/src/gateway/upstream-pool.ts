// The gateway's upstream connections: one undici Pool per upstream origin, each bounded to
// `gateway.upstream_max_sockets` keep-alive connections, so no client traffic pattern can make the
// gateway open an unbounded number of upstream connections (requests beyond the bound wait in the
// pool's queue). undici rather than http.request: its client costs less CPU per request (BENCHMARKS.md).
import type { ConnectionOptions } from "node:tls";
import { Pool } from "undici";

/** Where one upstream base URL sends requests, worked out once per config, not per request. */
export interface UpstreamTarget {
  pool: Pool;
  /** The `Host` the upstream gets (its base URL's host, port included when not the default). */
  host: string;
  /** The base URL's path, without a trailing slash, put in front of every request path. */
  prefix: string;
}

export interface UpstreamPools {
  /** The targets of a config's upstream pair. A pair with a new origin gets a new pool; pools no origin of it uses are closed once idle. */
  targets(upstream: { api: URL; app: URL }): { api: UpstreamTarget; app: UpstreamTarget };
  /** Closes every pool at once, cutting what is still in flight. */
  destroy(): Promise<void>;
}

export function createUpstreamPools(connections: number, tls: ConnectionOptions = {}): UpstreamPools {
  const pools = new Map<string, Pool>();
  // Keyed by the config's `upstream` object: a reload makes a new one, so this is computed once per config.
  const byConfig = new WeakMap<object, { api: UpstreamTarget; app: UpstreamTarget }>();
  const poolFor = (origin: string) => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      // pipelining 1 (undici's default): one request at a time per connection, as the agent did.
      pool = new Pool(origin, { connections, connect: { ...tls } });
      pools.set(origin, pool);
    }
    return pool;
  };
  const targetOf = (base: URL): UpstreamTarget => ({ pool: poolFor(base.origin), host: base.host, prefix: base.pathname.replace(/\/$/, "") });
  return {
    targets(upstream) {
      let pair = byConfig.get(upstream);
      if (pair === undefined) {
        pair = { api: targetOf(upstream.api), app: targetOf(upstream.app) };
        byConfig.set(upstream, pair);
        for (const [origin, pool] of pools) {
          if (origin === upstream.api.origin || origin === upstream.app.origin) continue;
          pools.delete(origin);
          // close(), not destroy(): requests already on the old upstream finish first.
          pool.close().catch(() => undefined);
        }
      }
      return pair;
    },
    async destroy() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((p) => p.destroy().catch(() => undefined)));
    },
  };
}
