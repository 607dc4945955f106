// Scenario 4: rendering /metrics text at 1k, 10k and 100k keys (9 series per key): the registry
// @minimo/metrics fills, raw prom-client holding identical series, and a hand-written floor
// serializer, interleaved in one process per size.
import { atMost, heading, limitLine, ratioLine, sample, size } from "../harness.js";
import { runWorker } from "../proc.js";

interface RenderResult {
  times: Record<string, number[]>;
  sizes: Record<string, { bytes: number; lines: number }>;
  rssMB: number;
}

export async function run(): Promise<void> {
  heading("4", "/metrics render at scale");
  for (const keys of size([1_000, 10_000], [1_000, 10_000, 100_000])) {
    const rounds = keys >= 100_000 ? 5 : 7;
    const r = await runWorker<RenderResult>("render", [keys, rounds], { nodeFlags: ["--max-old-space-size=6144"] });
    const s = r.sizes;
    console.log(
      `  ${keys} keys: ${s.metrics!.lines} samples, ${(s.metrics!.bytes / 2 ** 20).toFixed(2)} MiB (prom-client ${s["prom-client"]!.lines} samples / ${(s["prom-client"]!.bytes / 2 ** 20).toFixed(2)} MiB, floor ${s.floor!.lines} / ${(s.floor!.bytes / 2 ** 20).toFixed(2)} MiB), ${rounds} interleaved rounds, RSS ${r.rssMB.toFixed(0)} MiB`,
    );
    const metrics = { name: "@minimo/metrics registry.metrics()", value: sample(r.times.metrics!) };
    const fast = { name: "@minimo/metrics renderMetrics() (store serializer, the exporter's /metrics)", value: sample(r.times["metrics-fast"]!) };
    const prom = { name: "raw prom-client registry.metrics()", value: sample(r.times["prom-client"]!) };
    const floor = { name: "floor serializer", value: sample(r.times.floor!) };
    ratioLine({
      scenario: "4",
      what: `${keys} keys: registry.metrics() of the store's families vs raw prom-client (must: ≤ 1.1×)`,
      candidate: metrics,
      baseline: prom,
      unit: "ms",
      goal: atMost(1.1),
    });
    if (keys === 10_000) {
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs raw prom-client (issue 15)`, candidate: fast, baseline: prom, unit: "ms", goal: atMost(0.5) });
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs the floor (issue 15)`, candidate: fast, baseline: floor, unit: "ms", goal: atMost(1.5) });
    } else if (keys === 100_000) {
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs raw prom-client (context)`, candidate: fast, baseline: prom, unit: "ms" });
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs the floor (issue 15)`, candidate: fast, baseline: floor, unit: "ms", goal: atMost(2) });
    } else {
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs raw prom-client (context)`, candidate: fast, baseline: prom, unit: "ms" });
      ratioLine({ scenario: "4", what: `${keys} keys: renderMetrics vs the floor (context)`, candidate: fast, baseline: floor, unit: "ms" });
    }
    if (keys === 100_000) {
      limitLine("4", `${keys} keys: well under Prometheus' 10 s default scrape timeout (limit: half of it)`, fast.value, "ms", 5000);
    }
  }
}
