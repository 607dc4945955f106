// The console's view of each configured key apart from its traffic: probe state and the budget
// gauges, read back from the registry so it shows exactly what /metrics shows.
import * as MN from "@minimo/metrics";
import type { Registry } from "prom-client";
import type { KeyConfig } from "../config/types.js";
import { CONSOLE_PROBE_FLOOR_SECONDS, type Prober } from "../probes/prober.js";
import type { KeyFacts } from "./api.js";

export interface KeyFactsSource {
  registry: Registry;
  prober: Prober;
  /** The keys of the config in force (changes on reload). */
  keys: () => readonly KeyConfig[];
}

/** Builds the console's `keys()` source: every configured key, in config order. */
export function keyFactsReader({ registry, prober, keys }: KeyFactsSource): () => Promise<KeyFacts[]> {
  return async () => {
    // Starts the probes that are due (min_interval_seconds, and never more often than the console
    // floor) without waiting, so the console shows probe results even where no Prometheus scrapes.
    await prober.refresh(0, CONSOLE_PROBE_FLOOR_SECONDS);
    const [remaining, limit, reset, updated] = await Promise.all([
      byKey(registry, MN.RATE_LIMIT_REMAINING),
      byKey(registry, MN.RATE_LIMIT_LIMIT),
      byKey(registry, MN.RATE_LIMIT_RESET_TIMESTAMP_SECONDS),
      byKey(registry, MN.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS),
    ]);
    return keys().map((key) => {
      const status = prober.status(key.name);
      const probed = key.probe.operations.length > 0 && status !== undefined;
      return {
        alias: key.name,
        clientId: key.clientId,
        ...(key.expiresAt !== undefined ? { expiresAt: key.expiresAt } : {}),
        probe: {
          // A key with no probe operations (or outside this shard) is never probed: say so.
          state: !probed ? "disabled" : status.up === undefined ? "pending" : status.up ? "up" : "down",
          ...(status?.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
          ...(status?.lastProbeAt !== undefined ? { lastProbeAt: status.lastProbeAt } : {}),
        },
        budget: { limit: limit.get(key.name), remaining: remaining.get(key.name), resetAt: reset.get(key.name), updatedAt: updated.get(key.name) },
      };
    });
  };
}

/** The values of a `{key}` gauge, by key (read through the registry so collect() hooks run). */
async function byKey(registry: Registry, name: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const metric = registry.getSingleMetric(name);
  if (!metric) return out;
  const data = await metric.get();
  for (const v of data.values) {
    const key = v.labels.key;
    if (typeof key === "string" && Number.isFinite(v.value)) out.set(key, v.value);
  }
  return out;
}
