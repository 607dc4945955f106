// Probe leases in Redis: `SET lease NX PX interval` lets one replica probe a key per
// min_interval_seconds; the verdict is stored for the others. When Redis does not answer in time
// the replica probes itself: a probe too many beats a key nobody watches.
import type { ProbeCoordinator, SharedVerdict } from "../probes/coordinator.js";
import type { SharedLink } from "./link.js";

const LEASE = "minimo-exporter:probe-lease:";
const VERDICT = "minimo-exporter:probe-verdict:";
/** A stored verdict outlives its interval by far: a late reader still gets the last known one. */
const VERDICT_TTL_MS = 24 * 60 * 60 * 1000;

export function redisProbeCoordinator(link: SharedLink): ProbeCoordinator {
  return {
    async claim(alias, ms) {
      const got = await link.run((c) => c.set(`${LEASE}${alias}`, link.replicaId, { condition: "NX", expiration: { type: "PX", value: Math.round(ms) } }));
      // undefined: Redis unavailable, probe here; null: another replica holds the lease.
      return got !== null;
    },
    async latest(alias) {
      const text = await link.run((c) => c.get(`${VERDICT}${alias}`));
      if (typeof text !== "string") return undefined;
      try {
        const v = JSON.parse(text) as SharedVerdict;
        return typeof v.up === "boolean" && typeof v.probedAt === "number" && Array.isArray(v.permitted) ? v : undefined;
      } catch {
        return undefined;
      }
    },
    publish(alias, verdict) {
      void link.run((c) => c.set(`${VERDICT}${alias}`, JSON.stringify(verdict), { expiration: { type: "PX", value: VERDICT_TTL_MS } }));
    },
  };
}
