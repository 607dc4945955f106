// The one-line integration, type-checked with the package (`npx tsc -p tsconfig.json`).
import { createServer } from "node:http";
import { Registry } from "prom-client";
import { createMinimoClient } from "@minimo/client";
import { createMinimoMetrics, renderMetrics } from "@minimo/metrics";

const registry = new Registry();
const metrics = createMinimoMetrics({ registry, keys: ["production"] });

export const minimo = createMinimoClient({
  apiKey: process.env.MINIMO_API_KEY ?? "",
  observe: metrics.observer("production"), // ← the one line
});

// Serve the registry for Prometheus to scrape; the metrics families are serialized from their store.
export const metricsServer = createServer(async (_req, res) => {
  res.setHeader("content-type", registry.contentType);
  res.end(await renderMetrics(registry)); // registry.metrics() gives the same text, slower
});
