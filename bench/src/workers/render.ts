// Scenario 4: /metrics text for N keys, rendered by @minimo/metrics' registry (through prom-client's
// registry.metrics(), and serialized from the store by renderMetrics, the exporter's path), by raw prom-client
// holding identical series, and by the floor serializer; interleaved in this one process with the
// starting variant rotated each round. Prints medians in ms and the output sizes.
//   render.mjs <keys> <rounds>
import { Registry } from "prom-client";
import { createMinimoMetrics, renderMetrics } from "@minimo/metrics";
import { FloorStore, OPERATION, keyName, rateLimitHeaders, rawFamilies, rawRecord } from "./shape.js";

const [keysText, roundsText] = process.argv.slice(2) as [string, string];
const KEYS = Number(keysText);
const ROUNDS = Number(roundsText);
const keys = Array.from({ length: KEYS }, (_, i) => keyName(i));

// Each key: one 200 and one 429 on one operation, rate-limit headers on both (9 series per key).
const metricsRegistry = new Registry();
const metrics = createMinimoMetrics({ registry: metricsRegistry, keys });
const promRegistry = new Registry();
const raw = rawFamilies(promRegistry);
for (const k of ["unauthorized", "forbidden", "rateLimited"] as const) for (const key of keys) raw[k].inc({ key }, 0);
const floor = new FloorStore();
keys.forEach((key, i) => {
  floor.add(key);
  for (const status of [200, 429]) {
    const headers = rateLimitHeaders(1000 - (i % 1000));
    metrics.recordResponse({ key, operation: OPERATION, method: "GET", status, headers, durationSeconds: 0.02, startedAt: i });
    rawRecord(raw, key, OPERATION, status, headers, 0.02);
    floor.record(key, status, headers, 0.02);
  }
});

const variants: [string, () => string | Promise<string>][] = [
  ["metrics", () => metricsRegistry.metrics()],
  ["metrics-fast", () => renderMetrics(metricsRegistry)],
  ["prom-client", () => promRegistry.metrics()],
  ["floor", () => floor.render()],
];
const times = new Map<string, number[]>(variants.map(([n]) => [n, []]));
const sizes = new Map<string, { bytes: number; lines: number }>();
// The first render of @minimo/metrics flushes what the records left pending: a warm-up round.
for (const [name, render] of variants) {
  const text = await render();
  sizes.set(name, { bytes: Buffer.byteLength(text), lines: text.split("\n").filter((l) => l && !l.startsWith("#")).length });
}
for (let r = 0; r < ROUNDS; r++) {
  for (let j = 0; j < variants.length; j++) {
    const [name, render] = variants[(r + j) % variants.length]!;
    const t0 = performance.now();
    const text = await render();
    times.get(name)!.push(performance.now() - t0);
    if (text.length === 0) throw new Error(`${name} rendered nothing`);
  }
}
process.stdout.write(`${JSON.stringify({ keys: KEYS, times: Object.fromEntries(times), sizes: Object.fromEntries(sizes), rssMB: process.memoryUsage().rss / 2 ** 20 })}\n`);
