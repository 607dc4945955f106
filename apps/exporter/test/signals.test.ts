// The real process: SIGHUP reloads the config file, SIGTERM drains and exits 0.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnv, eventually, sample, startLoggedSim } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const SECRET_PARTS = Object.values(demoEnv).map((k) => k!.slice(k!.indexOf("-", 3) + 1));

describe("minimo-exporter process signals", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  beforeAll(async () => {
    sim = await startLoggedSim();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("reloads on SIGHUP (dropping removed keys, flagging a bad file) and exits 0 on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exporter-signals-"));
    const file = join(dir, "exporter.yaml");
    const config = (keys: string[]) =>
      `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\nkeys:\n` +
      keys.map((k) => `  - { name: ${k}, key_env: ${k === "alpha" ? "MINIMO_KEY_DEMO_FULL" : "MINIMO_KEY_DEMO_READONLY"} }\n`).join("");
    writeFileSync(file, config(["alpha", "beta"]));

    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", join(here, "fixtures/run-cli.ts"), "--config", file, "--storage.path", join(dir, "state")], {
      env: { ...process.env, ...demoEnv, MINIMO_EXPORTER_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await eventually(() => stdout.includes('"msg":"exporter started"'), 15_000);
      const started = JSON.parse(stdout.split("\n").find((l) => l.includes('"msg":"exporter started"'))!) as { metrics: string };
      const metrics = () => fetch(started.metrics).then((r) => r.text());
      expect(await metrics()).toContain('key="beta"');

      writeFileSync(file, config(["alpha"]));
      child.kill("SIGHUP");
      await eventually(async () => !(await metrics()).includes('key="beta"'));
      expect(sample(await metrics(), "minimo_exporter_config_last_reload_successful")).toBe(1);

      writeFileSync(file, `${config(["alpha"])}colour: blue\n`);
      child.kill("SIGHUP");
      await eventually(async () => sample(await metrics(), "minimo_exporter_config_last_reload_successful") === 0);
      expect(await metrics()).toContain('key="alpha"');
      expect(stdout).toContain('"problems":["colour: unknown field"]');

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stdout).toContain('"msg":"exporter stopped"');
      for (const secret of SECRET_PARTS) expect(stdout + stderr).not.toContain(secret);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);

  it("still drains and exits 0 on SIGTERM after the reader of its stdout has gone (EPIPE)", async () => {
    // npx, a shell pipe or a log shipper in front of the exporter can exit first. The exporter's
    // next log line then fails with EPIPE; that failure once escaped from the SIGTERM handler's
    // "shutting down" line, the drain never started, and the process served on.
    const dir = mkdtempSync(join(tmpdir(), "exporter-epipe-"));
    const file = join(dir, "exporter.yaml");
    writeFileSync(
      file,
      `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\n` +
        `keys:\n  - { name: alpha, key_env: MINIMO_KEY_DEMO_FULL }\n`,
    );
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", join(here, "fixtures/run-cli.ts"), "--config", file, "--storage.path", join(dir, "state")], {
      env: { ...process.env, ...demoEnv, MINIMO_EXPORTER_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const killer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    try {
      await eventually(() => stdout.includes('"msg":"exporter started"'), 15_000);
      child.stdout.destroy(); // the read end closes: every later write of the child's fails with EPIPE
      child.kill("SIGTERM");
      expect(await exited).toBe(0); // SIGKILLed (null) when the drain never starts
    } finally {
      clearTimeout(killer);
      child.kill("SIGKILL");
    }
  }, 30_000);
});
