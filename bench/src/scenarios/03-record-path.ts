// Scenario 3: the record path, CPU per recorded response (status counter, 401/403/429 counters,
// duration, rate-limit budget), over 1,000 keys × 4 operations × a status mix. One process per
// variant and round, interleaved; each process reports the median of 3 timed loops.
import { atMost, heading, interleave, ratioLine, size } from "../harness.js";
import { runWorker } from "../proc.js";

export async function run(): Promise<void> {
  heading("3", "Record path: CPU per recorded response");
  const iterations = size(50_000, 400_000);
  console.log(`  ${iterations} records per timed loop, 1,000 keys, statuses 200×5/401/403/429, rate-limit headers on each`);
  const r = await interleave(
    ["metrics", "prom-client", "floor"].map((v) => ({
      name: v,
      run: async () => (await runWorker<{ nsPerRecord: number }>("record-path", [v, iterations])).nsPerRecord,
    })),
  );
  const metrics = { name: "@minimo/metrics recordResponse", value: r.get("metrics")! };
  ratioLine({
    scenario: "3",
    what: "@minimo/metrics vs the same raw prom-client calls",
    candidate: metrics,
    baseline: { name: "raw prom-client (inc ×2, observe, 4 gauge sets, 3 header reads)", value: r.get("prom-client")! },
    unit: "ns",
    goal: atMost(1.1),
  });
  ratioLine({
    scenario: "3",
    what: "@minimo/metrics vs the floor (issue 15)",
    candidate: metrics,
    baseline: { name: "floor Map<key, Float64Array>", value: r.get("floor")! },
    unit: "ns",
    goal: atMost(3),
  });
}
