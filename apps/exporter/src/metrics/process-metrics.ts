// The Node process metrics served beside the exporter's own families: prom-client's defaults,
// minus three gauges whose names end in `_total`, so `promtool check metrics` passes on the whole
// `/metrics` (a `_total` suffix promises a counter, and rate() over a gauge is wrong).
import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * Dropped rather than renamed: each is the sum over `type` of a gauge that stays
 * (`nodejs_active_handles{type}`, …), so `sum without (type) (nodejs_active_handles)` gives the
 * same number, and every standard name (`process_*`, the other `nodejs_*`) is left unchanged.
 */
export const DROPPED_PROCESS_METRICS = ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"] as const;

/** A registry of prom-client's default process metrics, without DROPPED_PROCESS_METRICS. */
export function createProcessRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of DROPPED_PROCESS_METRICS) registry.removeSingleMetric(name);
  return registry;
}
