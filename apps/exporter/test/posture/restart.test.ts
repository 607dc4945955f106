// The real CLI process: `kill -9` loses at most one 30 s write interval of usage facts (last used
// and baselines come back), and a corrupt state file is moved aside with a warning while the
// exporter serves.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSim, type RunningSim } from "@minimo/sim";
import { stringify } from "yaml";
import { ensureBuilt, spawnCli } from "../reliability/cli-support.js";
import { sample, eventually } from "../reliability/support.js";

const KEY = "mn-rst01-FAKErestartKey000000";
let sim: RunningSim;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  sim = await startSim({ port: 0, keys: [{ name: "app", key: KEY, permissions: ["*"] }] });
  dir = mkdtempSync(join(tmpdir(), "posture-restart-"));
  writeFileSync(
    join(dir, "exporter.yaml"),
    stringify({
      upstream: sim.url,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      keys: [{ name: "app", key_env: "APP_KEY", created: "2026-11-01", expires: "2027-05-01" }],
    }),
  );
}, 180_000);
afterAll(() => sim?.close());

async function start(storage: string) {
  const run = spawnCli(["--config", join(dir, "exporter.yaml"), "--storage.path", storage], { APP_KEY: KEY });
  await eventually(() => run.output.stdout.includes("exporter started"), 15_000, "exporter start");
  const started = JSON.parse(run.output.stdout.split("\n").find((l) => l.includes("exporter started"))!) as { gateway: string; metrics: string };
  return { run, ...started };
}

describe("state across kill -9", () => {
  it("last used and the caller baseline come back after kill -9 (at most 30 s lost)", async () => {
    const storage = join(dir, "state");
    const first = await start(storage);
    const before = Date.now();
    const res = await fetch(`${first.gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    const lastUsed = sample(await (await fetch(first.metrics)).text(), "minimo_key_last_used_timestamp_seconds", { key: "app" })!;
    expect(lastUsed * 1000).toBeGreaterThanOrEqual(before - 1000);
    // The next timed write carries it to disk: within one interval.
    await eventually(
      () => {
        try {
          return readFileSync(join(storage, "posture.json"), "utf8").includes('"lastAccepted"');
        } catch {
          return false;
        }
      },
      35_000,
      "the 30 s write",
    );
    first.run.child.kill("SIGKILL");
    await first.run.exited;

    const second = await start(storage);
    try {
      const text = await (await fetch(second.metrics)).text();
      expect(sample(text, "minimo_key_last_used_timestamp_seconds", { key: "app" })).toBe(lastUsed);
      const state = JSON.parse(readFileSync(join(storage, "posture.json"), "utf8")) as { keys: { app: { baseline: Record<string, unknown> } } };
      expect(Object.keys(state.keys.app.baseline)).toEqual(["127.0.0.0/24 node"]);
    } finally {
      second.run.child.kill("SIGTERM");
      await second.run.exited;
    }
  }, 90_000);

  it("a corrupt state file is kept aside with a warning and the exporter serves", async () => {
    const storage = join(dir, "corrupt");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(storage);
    writeFileSync(join(storage, "posture.json"), "{ this is not json");
    const run = await start(storage);
    try {
      expect(run.run.output.stdout).toContain("posture state file unreadable; moved aside, starting fresh");
      expect(readdirSync(storage).some((f) => f.startsWith("posture.json.corrupt-"))).toBe(true);
      const res = await fetch(`${run.gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
      expect((await fetch(run.metrics)).status).toBe(200);
    } finally {
      run.run.child.kill("SIGTERM");
      const exit = await run.run.exited;
      expect(exit.code).toBe(0);
    }
    // SIGTERM wrote a fresh, valid state.
    expect(JSON.parse(readFileSync(join(storage, "posture.json"), "utf8")).version).toBe(1);
  }, 60_000);
});
