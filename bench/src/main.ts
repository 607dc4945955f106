// npm run bench [-- 4 6]: runs every scenario (or those named), each printing ratios against
// baselines measured in the same run. BENCH_QUICK=1 shrinks the sizes for a quick pass.
import { loadavg } from "node:os";
import { QUICK, ROUNDS, machine, printed } from "./harness.js";
import * as s1 from "./scenarios/01-client-instructions.js";
import * as s2 from "./scenarios/02-client-loopback.js";
import * as s3 from "./scenarios/03-record-path.js";
import * as s4 from "./scenarios/04-render.js";
import * as s5 from "./scenarios/05-metrics-endpoint.js";
import * as s6 from "./scenarios/06-gateway.js";
import * as s7 from "./scenarios/07-memory.js";
import * as s8 from "./scenarios/08-auth-flood.js";
import * as s9 from "./scenarios/09-posture.js";
import * as s10 from "./scenarios/10-shared-state.js";

const SCENARIOS: Record<string, () => Promise<void>> = { 1: s1.run, 2: s2.run, 3: s3.run, 4: s4.run, 5: s5.run, 6: s6.run, 7: s7.run, 8: s8.run, 9: s9.run, 10: s10.run };

const wanted = process.argv.slice(2).filter((a) => a !== "--");
const unknown = wanted.filter((a) => !(a in SCENARIOS));
if (unknown.length > 0) {
  console.error(`unknown scenario(s) ${unknown.join(", ")}; choose from ${Object.keys(SCENARIOS).join(" ")}`);
  process.exit(2);
}
const m = machine();
console.log(`Minimo benchmarks — node ${m.node}, ${m.cpu} × ${m.cores}, commit ${m.commit}`);
// The load average says how much else ran on this machine: wall-clock ratios are only as good as that.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(`${QUICK ? "BENCH_QUICK=1 (reduced sizes)" : "full sizes"}, ${ROUNDS} interleaved rounds, started ${new Date().toISOString()}, load average ${load()}`);
const t0 = performance.now();
let failed = 0;
for (const id of wanted.length > 0 ? wanted : Object.keys(SCENARIOS)) {
  const started = performance.now();
  try {
    await SCENARIOS[id]!();
    console.log(`  (scenario ${id}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } catch (err) {
    failed++;
    console.log(`  FAILED scenario ${id}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
console.log(`\n=== Summary (${((performance.now() - t0) / 1000).toFixed(0)} s, load average at the end ${load()})`);
for (const p of printed) {
  const ratio = Number.isFinite(p.ratio) ? `${p.ratio.toFixed(3)}×` : "-";
  console.log(`  [${p.scenario}] ${p.what}: ${ratio} ${p.verdict}`);
}
// A missed goal is a finding, not a crash; a scenario that could not run is an error.
process.exitCode = failed > 0 ? 1 : 0;
