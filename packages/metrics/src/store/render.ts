import { Registry } from "prom-client";
import { SERIALIZE, isStoreFamily } from "./families.js";
import { hasDefaultLabels } from "./default-labels.js";

/**
 * The text of `registry.metrics()`, with the `@minimo/metrics` families serialized straight from
 * their store instead of through prom-client's objects (every other metric in the registry is
 * rendered by prom-client as usual). Byte for byte what `registry.metrics()` returns; falls back
 * to it when the registry is in OpenMetrics mode or has default labels, which the fast path does
 * not write, and when it holds no store family at all.
 */
export async function renderMetrics(registry: Registry): Promise<string> {
  const metrics = registry.getMetricsAsArray();
  // Without a store family there is nothing to gain: leave it all to the registry itself.
  if (!metrics.some((m) => isStoreFamily(m)) || registry.contentType !== Registry.PROMETHEUS_CONTENT_TYPE || hasDefaultLabels(registry)) {
    return registry.metrics();
  }
  const parts = await Promise.all(
    metrics.map((metric) => {
      const family: unknown = metric;
      return isStoreFamily(family) ? family[SERIALIZE]() : registry.getSingleMetricAsString(metric.name);
    }),
  );
  return `${parts.join("\n\n")}\n`;
}
