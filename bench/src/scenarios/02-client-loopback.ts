// Scenario 2: the instrumented client against a real loopback server, 1 and 32 requests in
// flight. One process per variant and round (interleaved A/B/C…), so nothing one variant leaves
// behind (JIT state, OTel's global hooks) touches another. CPU per request is this client
// process' own CPU (the upstream runs in its own process).
import { atLeast, atMost, heading, interleave, ratioLine, sample, size, type Sample } from "../harness.js";
import { runWorker, Service } from "../proc.js";
import type { ClientVariant } from "../workers/clients.js";

interface LoopResult {
  reqPerSec: number;
  cpuPerReq: number;
  spans?: number;
}

export async function run(): Promise<void> {
  heading("2", "Instrumented client on a real loopback server: req/s and client CPU per request");
  const requests = size(500, 3000);
  const { service, ready } = await Service.start<{ url: string }>("upstream", []);
  try {
    for (const inFlight of size([1], [1, 32])) {
      console.log(`  ${inFlight} in flight, ${requests} requests per round after a warm-up`);
      const variants: ClientVariant[] = ["openapi-fetch", "openapi-fetch+metrics", "minimo+observer", "openapi-fetch+otel"];
      const cpu = new Map<string, number[]>();
      const rps = await interleave(
        variants.map((v) => ({
          name: v,
          run: async () => {
            const r = await runWorker<LoopResult>("client-loop", [v, ready.url, inFlight, requests]);
            if (v === "openapi-fetch+otel" && !(Number(r.spans) > 0)) throw new Error("the OTel peer produced no spans");
            cpu.set(v, [...(cpu.get(v) ?? []), r.cpuPerReq]);
            return r.reqPerSec;
          },
        })),
      );
      const cpuSample = (v: string): Sample => sample(cpu.get(v)!);
      const base = { name: "plain openapi-fetch", value: rps.get("openapi-fetch")! };
      const baseCpu = { name: "plain openapi-fetch", value: cpuSample("openapi-fetch") };
      for (const [v, label] of [
        ["openapi-fetch+metrics", "openapi-fetch + metrics.middleware"],
        ["minimo+observer", "createMinimoClient + metrics.observer"],
      ] as const) {
        ratioLine({
          scenario: "2",
          what: `${inFlight} in flight: ${label} req/s`,
          candidate: { name: label, value: rps.get(v)! },
          baseline: base,
          unit: "req/s",
          goal: atLeast(0.95),
        });
        ratioLine({
          scenario: "2",
          what: `${inFlight} in flight: ${label} CPU per request`,
          candidate: { name: label, value: cpuSample(v) },
          baseline: baseCpu,
          unit: "µs",
          goal: atMost(1.05),
        });
      }
      ratioLine({
        scenario: "2",
        what: `${inFlight} in flight: peer OTel undici instrumentation CPU per request (context)`,
        candidate: { name: "openapi-fetch + OTel", value: cpuSample("openapi-fetch+otel") },
        baseline: baseCpu,
        unit: "µs",
      });
    }
  } finally {
    await service.stop();
  }
}
