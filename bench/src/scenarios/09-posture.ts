// Scenario 9: what key posture costs the gateway. The same exporter with posture on (the default:
// every relayed answer updates the key's usage facts and caller baseline in memory) and off (no
// posture hook), side by side in interleaved rounds against the same loopback upstream.
import { atLeast, heading, interleave, ratioLine, size, type Variant } from "../harness.js";
import { load } from "../load.js";
import { Service } from "../proc.js";
import { configuredKey } from "../workers/keys.js";

export async function run(): Promise<void> {
  heading("9", "Key posture: gateway req/s with posture on vs off");
  const connections = 10;
  const duration = size(1, 4);
  const path = "/public/v1/custom-fields";
  // A browser-looking request on a server key exercises every branch of the hook (browser check,
  // baseline lookup, permission bookkeeping); the usual server request takes the short path.
  const server = { authorization: `Bearer ${configuredKey(0)}`, "user-agent": "billing/1.4" };
  const stops: (() => Promise<void>)[] = [];
  try {
    const upstream = await Service.start<{ url: string }>("upstream", []);
    stops.push(() => upstream.service.stop());
    const on = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"]);
    stops.push(() => on.service.stop());
    const off = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty", "posture-off"]);
    stops.push(() => off.service.stop());
    console.log(`  ${connections} connections, ${duration} s per round, a configured key on every request`);
    const targets: [string, string][] = [
      ["posture on", on.ready.gatewayUrl],
      ["posture off", off.ready.gatewayUrl],
    ];
    for (const [, url] of targets) await load({ url: `${url}${path}`, connections, duration: 1, headers: server });
    const variants: Variant[] = targets.map(([name, url]) => ({ name, run: async () => (await load({ url: `${url}${path}`, connections, duration, headers: server })).reqPerSec }));
    const rps = await interleave(variants);
    ratioLine({
      scenario: "9",
      what: "gateway req/s, posture on vs off",
      candidate: { name: "posture on", value: rps.get("posture on")! },
      baseline: { name: "posture off", value: rps.get("posture off")! },
      unit: "req/s",
      goal: atLeast(0.95),
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
