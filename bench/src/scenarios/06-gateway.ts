// Scenario 6: gateway throughput and added latency at fixed connections (autocannon), against a
// bare node:http reverse proxy with no metrics (the baseline the gateway's goal is set against), the same bare proxy on an
// undici Pool (the gateway's own upstream client: the floor), direct requests, and nginx.
// The upstream is a node:http stand-in (the sandbox runs on express, ≈ 5k req/s here, which would
// cap every variant and hide the differences being measured).
import { QUICK, atLeast, heading, interleave, limitLine, ratioLine, sample, size, skipped, type Variant } from "../harness.js";
import { load, type LoadResult } from "../load.js";
import { nginxMissing, startNginx, type RunningNginx } from "../nginx.js";
import { Service } from "../proc.js";
import { configuredKey } from "../workers/keys.js";

export async function run(): Promise<void> {
  heading("6", "Gateway: throughput and added latency");
  const connections = 10;
  const duration = size(1, 4);
  const path = "/public/v1/custom-fields";
  const headers = { authorization: `Bearer ${configuredKey(0)}` };
  const stops: (() => Promise<void>)[] = [];
  try {
    const upstream = await Service.start<{ url: string }>("upstream", []);
    stops.push(() => upstream.service.stop());
    const bare = await Service.start<{ url: string }>("bare-proxy", [upstream.ready.url]);
    stops.push(() => bare.service.stop());
    // The gateway's upstream is undici: the same bare proxy on an undici Pool is its fair floor.
    const bareUndici = await Service.start<{ url: string }>("bare-undici-proxy", [upstream.ready.url]);
    stops.push(() => bareUndici.service.stop());
    const exporter = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"]);
    stops.push(() => exporter.service.stop());
    // BENCH_GATEWAY_BEFORE=<exporter worker bundle from an earlier commit>: that gateway runs in
    // the same interleaved rounds, so a change to the gateway is measured as after ÷ before.
    const beforeFile = process.env.BENCH_GATEWAY_BEFORE;
    const before = beforeFile ? await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"], { file: beforeFile }) : undefined;
    if (before) stops.push(() => before.service.stop());
    let nginx: RunningNginx | undefined;
    const missing = QUICK ? "BENCH_QUICK=1 (context baselines only in the full run)" : nginxMissing();
    if (missing) skipped("6", "nginx baseline", missing);
    else {
      nginx = await startNginx(upstream.ready.url);
      stops.push(() => nginx!.stop());
    }
    const targets: [string, string][] = [
      ...(QUICK ? [] : [["direct to the upstream", upstream.ready.url] as [string, string]]),
      ["bare node:http proxy", bare.ready.url],
      ["bare undici proxy", bareUndici.ready.url],
      ["exporter gateway", exporter.ready.gatewayUrl],
      ...(before ? [["exporter gateway (before)", before.ready.gatewayUrl] as [string, string]] : []),
      ...(nginx ? [["nginx reverse proxy", nginx.url] as [string, string]] : []),
    ];
    console.log(`  ${connections} connections, ${duration} s per round, a configured key on every request`);
    for (const [, url] of targets) await load({ url: `${url}${path}`, connections, duration: 1, headers }); // warm-up
    const results = new Map<string, LoadResult[]>();
    const variants: Variant[] = targets.map(([name, url]) => ({
      name,
      run: async () => {
        const r = await load({ url: `${url}${path}`, connections, duration, headers });
        results.set(name, [...(results.get(name) ?? []), r]);
        return r.reqPerSec;
      },
    }));
    const rps = await interleave(variants);
    const of = (name: string, f: (r: LoadResult) => number) => sample(results.get(name)!.map(f));
    const gw = { name: "exporter gateway", value: rps.get("exporter gateway")! };
    const bareRps = { name: "bare node:http proxy", value: rps.get("bare node:http proxy")! };
    ratioLine({ scenario: "6", what: "gateway req/s vs bare node:http proxy", candidate: gw, baseline: bareRps, unit: "req/s", goal: atLeast(0.95) });
    const addedP99 = of("exporter gateway", (r) => r.p99).median - of("bare node:http proxy", (r) => r.p99).median;
    const addedMean = of("exporter gateway", (r) => r.meanMs).median - of("bare node:http proxy", (r) => r.meanMs).median;
    console.log(
      `    p99: gateway ${of("exporter gateway", (r) => r.p99).median} ms, bare proxy ${of("bare node:http proxy", (r) => r.p99).median} ms (1 ms histogram resolution); mean (Little's law) added ${addedMean.toFixed(3)} ms`,
    );
    limitLine(
      "6",
      "gateway p99 added over the bare proxy",
      sample([Math.max(addedP99, 0)]),
      "ms",
      1,
      `medians of ${rps.get("exporter gateway")!.rounds} rounds; added mean ${addedMean.toFixed(3)} ms`,
    );
    if (!QUICK)
      ratioLine({
        scenario: "6",
        what: "bare node:http proxy vs direct (context: what any Node proxy costs)",
        candidate: bareRps,
        baseline: { name: "direct", value: rps.get("direct to the upstream")! },
        unit: "req/s",
      });
    if (before)
      ratioLine({
        scenario: "6",
        what: "gateway req/s after vs before (BENCH_GATEWAY_BEFORE)",
        candidate: gw,
        baseline: { name: "before", value: rps.get("exporter gateway (before)")! },
        unit: "req/s",
      });
    if (before)
      ratioLine({
        scenario: "6",
        what: "gateway (before) req/s vs bare node:http proxy",
        candidate: { name: "before", value: rps.get("exporter gateway (before)")! },
        baseline: bareRps,
        unit: "req/s",
      });
    ratioLine({
      scenario: "6",
      what: "gateway req/s vs the bare undici proxy (context: the same upstream client, no metrics — the floor)",
      candidate: gw,
      baseline: { name: "bare undici proxy", value: rps.get("bare undici proxy")! },
      unit: "req/s",
    });
    if (nginx) ratioLine({ scenario: "6", what: "gateway vs nginx (context)", candidate: gw, baseline: { name: "nginx", value: rps.get("nginx reverse proxy")! }, unit: "req/s" });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
