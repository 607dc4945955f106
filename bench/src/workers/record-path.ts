// Scenario 3: CPU per recorded response, one variant per process (no order effect inside a round).
//   record-path.mjs <metrics|prom-client|floor> <iterations>
import { Registry } from "prom-client";
import { createMinimoMetrics } from "@minimo/metrics";
import { cpuMicros } from "./protocol.js";
import { FloorStore, OPERATIONS, keyName, rateLimitHeaders, rawFamilies, rawRecord } from "./shape.js";

const [variant, itText] = process.argv.slice(2) as [string, string];
const iterations = Number(itText);
const KEYS = 1000;
const keys = Array.from({ length: KEYS }, (_, i) => keyName(i));
const STATUSES = [200, 200, 200, 200, 200, 401, 403, 429];
const HEADERS = Array.from({ length: 16 }, (_, i) => rateLimitHeaders(900 - i));

// The inputs are precomputed so the loop measures recording, not input generation.
const CYCLE = 4096;
const inKey = Array.from({ length: CYCLE }, (_, i) => keys[(i * 7919) % KEYS]!);
const inOp = Array.from({ length: CYCLE }, (_, i) => OPERATIONS[i & 3]!);
const inStatus = Array.from({ length: CYCLE }, (_, i) => STATUSES[i % STATUSES.length]!);
const inHeaders = Array.from({ length: CYCLE }, (_, i) => HEADERS[i & 15]!);
const inSeconds = Array.from({ length: CYCLE }, (_, i) => 0.001 * (1 + (i % 300)));

let record: (i: number) => void;
const registry = new Registry();
if (variant === "metrics") {
  const metrics = createMinimoMetrics({ registry, keys });
  record = (i) => {
    const j = i & (CYCLE - 1);
    metrics.recordResponse({ key: inKey[j], operation: inOp[j], method: "GET", status: inStatus[j]!, headers: inHeaders[j]!, durationSeconds: inSeconds[j]!, startedAt: i });
  };
} else if (variant === "prom-client") {
  const f = rawFamilies(registry);
  record = (i) => {
    const j = i & (CYCLE - 1);
    rawRecord(f, inKey[j]!, inOp[j]!, inStatus[j]!, inHeaders[j]!, inSeconds[j]!);
  };
} else if (variant === "floor") {
  const store = new FloorStore();
  for (const k of keys) store.add(k);
  record = (i) => {
    const j = i & (CYCLE - 1);
    store.record(inKey[j]!, inStatus[j]!, inHeaders[j]!, inSeconds[j]!);
  };
} else throw new Error(`unknown variant ${variant}`);

const loop = (from: number, n: number) => {
  for (let i = from; i < from + n; i++) record(i);
};
loop(0, Math.min(100_000, iterations)); // warm-up: every series exists, the JIT has settled
const reps: number[] = [];
for (let r = 0; r < 3; r++) {
  const c0 = process.cpuUsage();
  loop((r + 1) * iterations, iterations);
  reps.push((cpuMicros(c0) * 1000) / iterations);
}
reps.sort((a, b) => a - b);
// A scrape afterwards proves the records landed (and keeps the work from being optimized away).
const text = await registry.metrics();
process.stdout.write(`${JSON.stringify({ variant, nsPerRecord: reps[1], bytes: text.length })}\n`);
