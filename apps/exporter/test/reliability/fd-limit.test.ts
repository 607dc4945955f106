// Regression: with a hard fd limit of 1024, 1,030 half-sent requests took down the gateway,
// /metrics and /healthz together. The real CLI runs here under `ulimit -n 1024` with the
// default gateway.max_connections; the test opens 1,030 connections that never finish a request.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoKeys, startSim } from "@minimo/sim";
import { describe, expect, it } from "vitest";
import { BIN, collect, ensureBuilt } from "./cli-support.js";
import { sample, eventually } from "./support.js";

const SOCKETS = 1030;

/** This process's own soft descriptor limit (Linux), which must leave room for the client side. */
function ownFdLimit(): number {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    return Number(line?.split(/\s{2,}/)[1] ?? Number.POSITIVE_INFINITY);
  } catch {
    return 0;
  }
}
const roomy = ownFdLimit() >= SOCKETS + 200;
if (!roomy && process.env.CI) throw new Error(`fd-limit test: this process may open only ${ownFdLimit()} descriptors; raise ulimit -n above ${SOCKETS + 200}`);
if (!roomy) console.warn(`skipping the fd-limit test: this process may open only ${ownFdLimit()} descriptors (needs ${SOCKETS + 200})`);

/** The built CLI under `ulimit -n limit` with `yaml` as its config (one key, `a`); resolves once it has started. */
async function startUnderUlimit(limit: number, yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), "exporter-fd-"));
  const file = join(dir, "exporter.yaml");
  writeFileSync(file, `${yaml}keys:\n  - { name: a, key_env: K }\n`);
  const child = spawn("bash", ["-c", `ulimit -n ${limit} && exec "${process.execPath}" "${BIN}" --config "${file}" --storage.path "${join(dir, "state")}"`], {
    env: { PATH: process.env.PATH, K: demoKeys[0]!.key },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  const exited = collect(child, 170_000, output);
  try {
    await eventually(() => output.stdout.includes('"msg":"exporter started"'), 30_000, "exporter started");
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  const started = JSON.parse(output.stdout.split("\n").find((l) => l.includes('"msg":"exporter started"'))!) as { gateway: string; metrics: string };
  return { child, output, exited, started };
}

/** `count` connections to `port` that each send `head` and never finish their request. */
async function halfSent(port: number, count: number, head: string): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < count; i++) {
    const s = net.connect(port, "127.0.0.1");
    s.on("error", () => undefined);
    s.on("connect", () => s.write(head));
    sockets.push(s);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20));
  }
  return sockets;
}

describe("descriptor exhaustion", () => {
  it.skipIf(!roomy)(`${SOCKETS} half-sent requests under ulimit -n 1024: /healthz and /metrics keep answering`, { timeout: 180_000 }, async () => {
    ensureBuilt();
    const sim = await startSim({ port: 0 });
    const { child, output, exited, started } = await startUnderUlimit(
      1024,
      `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\n`,
    );
    let sockets: net.Socket[] = [];
    try {
      sockets = await halfSent(Number(new URL(started.gateway).port), SOCKETS, "GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\n");
      await eventually(() => sockets.filter((s) => s.destroyed).length >= SOCKETS - 512, 30_000, "connections past the cap closed");
      const health = await fetch(started.metrics.replace(/\/metrics$/, "/healthz"), { signal: AbortSignal.timeout(10_000) });
      expect(health.status).toBe(200);
      const text = await (await fetch(started.metrics, { signal: AbortSignal.timeout(10_000) })).text();
      expect(sample(text, "minimo_gateway_rejected_connections_total")).toBe(SOCKETS - 512);
      expect(sample(text, "minimo_gateway_open_connections")).toBe(512);
      expect(output.stdout.split("\n").filter((l) => l.includes("gateway.max_connections reached"))).toHaveLength(1);
      for (const s of sockets) s.destroy();
      await eventually(
        async () => (await fetch(`${started.gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${demoKeys[0]!.key}` } })).status === 200,
        10_000,
        "gateway serving again",
      );
      child.kill("SIGTERM");
      expect((await exited).code).toBe(0);
    } finally {
      for (const s of sockets) s.destroy();
      child.kill("SIGKILL");
      await sim.close();
    }
  });
});

describe("descriptor exhaustion through the metrics listener", () => {
  const SLOW = 500;
  const roomyHere = ownFdLimit() >= SLOW + 200;
  it.skipIf(!roomyHere)(
    `${SLOW} slow connections to the metrics listener under ulimit -n 512: the gateway and /healthz keep answering, the cap is counted and logged once`,
    { timeout: 180_000 },
    async () => {
      ensureBuilt();
      const sim = await startSim({ port: 0 });
      // Within the README's budget for 512 descriptors: 128 + 2 × 32 + web.max_connections 64 (default).
      const { child, output, exited, started } = await startUnderUlimit(
        512,
        `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\ngateway: { max_connections: 128, upstream_max_sockets: 32 }\nprobe: { operations: [] }\n`,
      );
      let sockets: net.Socket[] = [];
      try {
        sockets = await halfSent(Number(new URL(started.metrics).port), SLOW, "GET /api/keys HTTP/1.1\r\nhost: 127.0.0.1\r\n");
        await eventually(() => sockets.filter((s) => s.destroyed).length >= SLOW - 64, 30_000, "connections past the cap closed");
        const gateway = await fetch(`${started.gateway}/public/v1/custom-fields`, {
          headers: { authorization: `Bearer ${demoKeys[0]!.key}` },
          signal: AbortSignal.timeout(10_000),
        });
        expect(gateway.status).toBe(200);
        const health = await fetch(started.metrics.replace(/\/metrics$/, "/healthz"), { signal: AbortSignal.timeout(10_000) });
        expect(health.status).toBe(200);
        const text = await (await fetch(started.metrics, { signal: AbortSignal.timeout(10_000) })).text();
        expect(sample(text, "minimo_exporter_web_rejected_connections_total")).toBeGreaterThanOrEqual(SLOW - 64);
        expect(sample(text, "minimo_exporter_web_open_connections")).toBeLessThanOrEqual(64);
        const capLines = output.stdout.split("\n").filter((l) => l.includes("web.max_connections reached"));
        expect(capLines).toHaveLength(1);
        child.kill("SIGTERM");
        expect((await exited).code).toBe(0);
      } finally {
        for (const s of sockets) s.destroy();
        child.kill("SIGKILL");
        await sim.close();
      }
    },
  );
});
