// Scenario 1: CPU instructions per request of the instrumented client, counted by callgrind
// (repeatable to ~0.3 % where wall-clock varies ±20-40 % here). Counting covers only the measured
// requests; per-request = (count for 2N − count for N) / N cancels what switching costs. Part a: stubbed fetch (what openapi-fetch's own
// benchmark does). Part b: real loopback requests, where the OpenTelemetry undici peer can run.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { QUICK, atMost, heading, ratioLine, sample, size, skipped, type Sample } from "../harness.js";
import { Service } from "../proc.js";
import type { ClientVariant } from "../workers/clients.js";

const V8_FLAGS = ["--single-threaded", "--predictable-gc-schedule"];

function valgrindAvailable(): string | undefined {
  try {
    execFileSync("valgrind", ["--version"], { stdio: "ignore" });
    return undefined;
  } catch {
    return "valgrind is not installed (Debian package valgrind)";
  }
}

const run$ = promisify(execFile);

/**
 * Instructions of N requests: start-up and warm-up run uninstrumented (--instr-atstart=no), and
 * callgrind_control switches counting on just before the N requests and off right after.
 */
async function instructions(variant: ClientVariant, n: number, target: string): Promise<number> {
  const { service } = await Service.start("client-instr", [variant, n, target], {
    wrapper: ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null"],
    nodeFlags: V8_FLAGS,
  });
  try {
    await run$("callgrind_control", ["-i", "on", String(service.pid)]);
    const done = await service.ask<{ spans?: number }>({ go: true });
    await run$("callgrind_control", ["-i", "off", String(service.pid)]);
    if (variant === "openapi-fetch+otel" && !(Number(done.spans) > 0)) throw new Error("the OTel peer produced no spans");
  } finally {
    await service.stop();
  }
  const m = /Collected\s*:\s*(\d+)/.exec(service.stderr);
  if (!m) throw new Error(`no callgrind total for ${variant}: ${service.stderr.slice(-500)}`);
  return Number(m[1]);
}

/** Per-request instructions of each variant; two valgrind runs at a time (one per core). */
async function perRequest(variants: ClientVariant[], n: number, target: string): Promise<Map<ClientVariant, Sample>> {
  const jobs = variants.flatMap((v) => [
    { v, n },
    { v, n: 2 * n },
  ]);
  const totals = new Map<string, number>();
  let next = 0;
  const lane = async () => {
    for (let j = next++; j < jobs.length; j = next++) {
      const { v, n: count } = jobs[j]!;
      totals.set(`${v}@${count}`, await instructions(v, count, target));
    }
  };
  await Promise.all([lane(), lane()]);
  return new Map(variants.map((v) => [v, sample([(totals.get(`${v}@${2 * n}`)! - totals.get(`${v}@${n}`)!) / n])]));
}

export async function run(): Promise<void> {
  heading("1", "Instrumented client: CPU instructions per request (callgrind)");
  const missing = valgrindAvailable();
  if (missing) {
    skipped("1", "instruction counts", missing);
    return;
  }
  const n = size(300, 1000);
  const variantsA: ClientVariant[] = size(["openapi-fetch", "openapi-fetch+metrics"], ["fetch", "openapi-fetch", "openapi-fetch+metrics", "minimo", "minimo+observer"]);
  console.log(`  a) stubbed fetch: ${n} vs ${2 * n} counted requests after 1000 uncounted warm-up ones, node ${V8_FLAGS.join(" ")}`);
  const a = await perRequest(variantsA, n, "stub");
  const get = (m: Map<ClientVariant, Sample>, v: ClientVariant) => ({ name: v, value: m.get(v)! });
  const unit = "instr/req";
  ratioLine({
    scenario: "1",
    what: "openapi-fetch + metrics.middleware vs plain openapi-fetch (issue 15: ≤ 1.05×)",
    candidate: get(a, "openapi-fetch+metrics"),
    baseline: get(a, "openapi-fetch"),
    unit,
    goal: atMost(1.05),
  });
  if (QUICK) {
    skipped("1", "createMinimoClient variants, bare fetch, loopback part and the OTel peer", "BENCH_QUICK=1 (each valgrind run takes 20-60 s here)");
    return;
  }
  ratioLine({ scenario: "1", what: "plain openapi-fetch vs bare fetch (context)", candidate: get(a, "openapi-fetch"), baseline: get(a, "fetch"), unit });
  ratioLine({
    scenario: "1",
    what: "createMinimoClient + metrics.observer vs plain openapi-fetch (issue 15: ≤ 1.2×)",
    candidate: get(a, "minimo+observer"),
    baseline: get(a, "openapi-fetch"),
    unit,
    goal: atMost(1.2),
    note: "includes the client's own per-attempt timeout signal and operation lookup",
  });
  ratioLine({
    scenario: "1",
    what: "metrics.observer's share: createMinimoClient + observer vs createMinimoClient",
    candidate: get(a, "minimo+observer"),
    baseline: get(a, "minimo"),
    unit,
    goal: atMost(1.05),
  });

  const m = 150;
  console.log(`  b) real loopback requests (upstream in its own process, not counted): ${m} vs ${2 * m} counted requests after 200 warm-up ones`);
  const { service, ready } = await Service.start<{ url: string }>("upstream", []);
  try {
    const b = await perRequest(["openapi-fetch", "openapi-fetch+metrics", "minimo+observer", "openapi-fetch+otel"], m, ready.url);
    ratioLine({
      scenario: "1",
      what: "loopback: openapi-fetch + metrics.middleware vs plain openapi-fetch",
      candidate: get(b, "openapi-fetch+metrics"),
      baseline: get(b, "openapi-fetch"),
      unit,
      goal: atMost(1.05),
    });
    ratioLine({
      scenario: "1",
      what: "loopback: createMinimoClient + observer vs plain openapi-fetch",
      candidate: get(b, "minimo+observer"),
      baseline: get(b, "openapi-fetch"),
      unit,
      goal: atMost(1.05),
    });
    const peer = ratioLine({
      scenario: "1",
      what: "loopback peer: OpenTelemetry undici instrumentation vs plain openapi-fetch",
      candidate: get(b, "openapi-fetch+otel"),
      baseline: get(b, "openapi-fetch"),
      unit,
    });
    const ours = b.get("openapi-fetch+metrics")!.median / b.get("openapi-fetch")!.median;
    ratioLine({
      scenario: "1",
      what: "loopback: our middleware vs the OTel peer (below the peer = ratio < 1)",
      candidate: get(b, "openapi-fetch+metrics"),
      baseline: get(b, "openapi-fetch+otel"),
      unit,
      goal: atMost(1),
      note: `our overhead ${((ours - 1) * 100).toFixed(1)} % vs the peer's ${((peer - 1) * 100).toFixed(1)} %`,
    });
  } finally {
    await service.stop();
  }
}
