// Scenario 7a: heap bytes per tracked key (heap + ArrayBuffers after two gc()), for the same
// series held by @minimo/metrics, by raw prom-client, and by the floor store.
//   node --expose-gc memory.mjs <metrics|prom-client|floor> <keys>
import { Registry } from "prom-client";
import { createMinimoMetrics, renderMetrics } from "@minimo/metrics";
import { FloorStore, OPERATION, keyName, rateLimitHeaders, rawFamilies, rawRecord } from "./shape.js";

const [variant, keysText] = process.argv.slice(2) as [string, string];
const KEYS = Number(keysText);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const used = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
// Names and headers are built before the first reading: they are the caller's, not the store's.
const keys = Array.from({ length: KEYS }, (_, i) => keyName(i));
const headers = Array.from({ length: KEYS }, (_, i) => rateLimitHeaders(1000 - (i % 1000)));

const registry = new Registry();
let store: unknown;
let render: () => Promise<string> | string;
let fill: () => void;
if (variant === "metrics") {
  const metrics = createMinimoMetrics({ registry });
  store = metrics;
  render = () => renderMetrics(registry); // the exporter's /metrics path
  fill = () =>
    keys.forEach((key, i) => {
      metrics.addKey(key);
      for (const status of [200, 429]) metrics.recordResponse({ key, operation: OPERATION, method: "GET", status, headers: headers[i]!, durationSeconds: 0.02, startedAt: i });
    });
} else if (variant === "prom-client") {
  const raw = rawFamilies(registry);
  store = raw;
  render = () => registry.metrics();
  fill = () =>
    keys.forEach((key, i) => {
      for (const k of ["unauthorized", "forbidden", "rateLimited"] as const) raw[k].inc({ key }, 0);
      for (const status of [200, 429]) rawRecord(raw, key, OPERATION, status, headers[i]!, 0.02);
    });
} else if (variant === "floor") {
  const floor = new FloorStore();
  store = floor;
  render = () => floor.render();
  fill = () =>
    keys.forEach((key, i) => {
      floor.add(key);
      for (const status of [200, 429]) floor.record(key, status, headers[i]!, 0.02);
    });
} else throw new Error(`unknown variant ${variant}`);

await render(); // empty families rendered once: whatever a first scrape allocates for good is in the base
const before = used();
fill();
// A scrape settles deferred work (pending counts, kept headers); what it leaves behind counts.
// The text is the scrape's answer, not what the store keeps: it is dropped and the reading taken
// one macrotask later, since the awaited render's value stays reachable until the current task
// ends. (Measured the older way, the ~650 B per key of text was counted in every variant, pulling every
// ratio towards 1.)
const bytes = (await render()).length;
await new Promise((resolve) => setTimeout(resolve, 50));
const after = used();
process.stdout.write(`${JSON.stringify({ variant, keys: KEYS, bytesPerKey: (after - before) / KEYS, bytes, live: store !== undefined && headers.length === KEYS })}\n`);
