// Scenario 7: a) heap per tracked key, for the same series held by @minimo/metrics, by raw
// prom-client and by the floor store (one process per variant and round, interleaved);
// b) the exporter's heap after a flood of distinct unknown keys through its gateway, against its
// heap with every configured key (the cap) carrying traffic: unknown keys must not grow memory.
import { atMost, heading, interleave, ratioLine, sample, size } from "../harness.js";
import { load } from "../load.js";
import { runWorker, Service } from "../proc.js";
import { unknownKey } from "../workers/keys.js";

interface Heap {
  heapUsed: number;
  arrayBuffers: number;
  rss: number;
}

export async function run(): Promise<void> {
  heading("7", "Memory per tracked key; heap after a flood of unknown keys");
  const keys = size(5_000, 50_000);
  console.log(`  a) ${keys} keys, 9 series each (heap + ArrayBuffers after gc(), one scrape done)`);
  const perKey = await interleave(
    ["metrics", "prom-client", "floor"].map((v) => ({
      name: v,
      run: async () => (await runWorker<{ bytesPerKey: number }>("memory", [v, keys], { nodeFlags: ["--expose-gc"] })).bytesPerKey,
    })),
  );
  const metrics = { name: "@minimo/metrics", value: perKey.get("metrics")! };
  ratioLine({
    scenario: "7",
    what: "bytes per key: @minimo/metrics vs raw prom-client holding the same series",
    candidate: metrics,
    baseline: { name: "raw prom-client", value: perKey.get("prom-client")! },
    unit: "B",
    goal: atMost(0.5),
  });
  ratioLine({
    scenario: "7",
    what: "bytes per key: @minimo/metrics vs the floor (context)",
    candidate: metrics,
    baseline: { name: "floor Map<key, Float64Array>", value: perKey.get("floor")! },
    unit: "B",
  });

  const cap = size(100, 1_000);
  const flood = size(20_000, Number(process.env.BENCH_UNKNOWN_KEYS ?? 1_000_000));
  const budgetSeconds = size(30, 150);
  console.log(
    `  b) exporter with ${cap} configured keys (max_keys = ${cap}), each with traffic; then up to ${flood} distinct unknown keys through the gateway (time budget ${budgetSeconds} s)`,
  );
  const upstream = await Service.start<{ url: string }>("upstream", []);
  let exporter: Service | undefined;
  try {
    const started = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, cap, "prefill"], { nodeFlags: ["--expose-gc"] });
    exporter = started.service;
    const heap = async () => {
      const h = await exporter!.ask<Heap>({ cmd: "heap" });
      return h.heapUsed + h.arrayBuffers;
    };
    // The first unknown requests allocate what every later one reuses (the "unknown" series).
    let sent = 0;
    const send = async (amount: number) => {
      const from = sent;
      let i = 0;
      await load({
        url: `${started.ready.gatewayUrl}/public/v1/custom-fields`,
        connections: 10,
        amount,
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${unknownKey(from + i++)}` } }) }],
      });
      sent += amount;
    };
    await send(1000);
    const atCap = [await heap(), await heap(), await heap()];
    const chunk = Math.min(100_000, flood);
    const t0 = performance.now();
    const trail: string[] = [];
    while (sent < flood && (performance.now() - t0) / 1000 < budgetSeconds) {
      await send(Math.min(chunk, flood - sent));
      trail.push(`${sent}: ${((await heap()) / 2 ** 20).toFixed(1)} MiB`);
    }
    const after = [await heap(), await heap(), await heap()];
    console.log(`    heap after each chunk: ${trail.join(", ")}`);
    ratioLine({
      scenario: "7",
      what: `heap after ${sent} distinct unknown keys vs heap at the cap`,
      candidate: { name: `after ${sent} unknown keys`, value: sample(after.map((b) => b / 2 ** 20)) },
      baseline: { name: `${cap} configured keys with traffic`, value: sample(atCap.map((b) => b / 2 ** 20)) },
      unit: "MiB",
      goal: atMost(1.1),
      ...(sent < flood ? { note: `time budget reached: ${sent} of ${flood} sent` } : {}),
    });
  } finally {
    await exporter?.stop();
    await upstream.service.stop();
  }
}
