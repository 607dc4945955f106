// Scenario 10: what shared state (state.redis_url) costs the gateway. The same exporter with a
// real redis-server configured (console snapshots, posture exchange and probe leases every few
// seconds, off the request path) and without, side by side in interleaved rounds.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { atLeast, heading, interleave, ratioLine, size, type Variant } from "../harness.js";
import { load } from "../load.js";
import { Service } from "../proc.js";
import { configuredKey } from "../workers/keys.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", mkdtempSync(join(tmpdir(), "bench-redis-"))], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.once("error", (err) => reject(new Error(`redis-server could not start (${err.message}); install the Debian package redis-server`)));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ready to accept connections")) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, child };
}

export async function run(): Promise<void> {
  heading("10", "Shared state: gateway req/s with Redis configured vs without");
  const connections = 10;
  const duration = size(1, 4);
  const path = "/public/v1/custom-fields";
  const headers = { authorization: `Bearer ${configuredKey(0)}`, "user-agent": "billing/1.4" };
  const stops: (() => Promise<void>)[] = [];
  try {
    const redis = await startRedis();
    stops.push(async () => void redis.child.kill("SIGKILL"));
    const upstream = await Service.start<{ url: string }>("upstream", []);
    stops.push(() => upstream.service.stop());
    const shared = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty", "posture-on", redis.url]);
    stops.push(() => shared.service.stop());
    const alone = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty", "posture-on"]);
    stops.push(() => alone.service.stop());
    console.log(`  ${connections} connections, ${duration} s per round, a configured key on every request, 100 keys`);
    const targets: [string, string][] = [
      ["with Redis", shared.ready.gatewayUrl],
      ["without Redis", alone.ready.gatewayUrl],
    ];
    for (const [, url] of targets) await load({ url: `${url}${path}`, connections, duration: 1, headers });
    const variants: Variant[] = targets.map(([name, url]) => ({ name, run: async () => (await load({ url: `${url}${path}`, connections, duration, headers })).reqPerSec }));
    const rps = await interleave(variants);
    ratioLine({
      scenario: "10",
      what: "gateway req/s, Redis configured vs not",
      candidate: { name: "with Redis", value: rps.get("with Redis")! },
      baseline: { name: "without Redis", value: rps.get("without Redis")! },
      unit: "req/s",
      goal: atLeast(0.95),
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
