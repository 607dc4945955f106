// Regression: a SIGHUP that arrived while the exporter was still loading its modules killed it
// (SIGHUP's default action), even well after Node itself could have handled one: the CLI's own
// handler exists only once its module graph has loaded, which takes a while. The bin script now
// catches SIGHUP before it imports anything, and the CLI reloads once, after start-up. A module
// hook holds the loading of dist/exporter.js (imported by the CLI) until the test has sent its
// signals, so they land, deterministically, in the middle of module loading. Before the fix the
// process died there with signal SIGHUP.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoEnv, eventually, startLoggedSim } from "./helpers.js";
import { BIN, collect, ensureBuilt } from "./reliability/cli-support.js";

const SLOW_LOAD = join(dirname(fileURLToPath(import.meta.url)), "fixtures/slow-module-load.mjs");

describe("SIGHUP during start-up", () => {
  // The built CLI, as users run it (under tsx, tsx's own signal relay hid the bug).
  it("while the modules load: the process survives, starts, then reloads once", { timeout: 180_000 }, async () => {
    ensureBuilt();
    const sim = await startLoggedSim();
    const dir = mkdtempSync(join(tmpdir(), "exporter-hup-"));
    const file = join(dir, "exporter.yaml");
    writeFileSync(
      file,
      `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\nkeys:\n  - { name: alpha, key_env: MINIMO_KEY_DEMO_FULL }\n`,
    );
    const marker = join(dir, "loading");
    const gate = join(dir, "go");
    const child = spawn(process.execPath, ["--import", SLOW_LOAD, BIN, "--config", file, "--storage.path", join(dir, "state")], {
      env: {
        PATH: process.env.PATH,
        ...demoEnv,
        MINIMO_EXPORTER_LOG_LEVEL: "info",
        MINIMO_TEST_SLOW_MODULE: "/dist/exporter.js",
        MINIMO_TEST_LOAD_MARKER: marker,
        MINIMO_TEST_LOAD_GATE: gate,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = { stdout: "", stderr: "" };
    const exited = collect(child, 120_000, output);
    let exit: { code: number | null; signal: string | null } | undefined;
    void exited.then((r) => (exit = { code: r.code, signal: r.signal }));
    try {
      await eventually(() => existsSync(marker), 30_000);
      // Two, as an operator pressing reload twice would: they make one reload, after start-up.
      child.kill("SIGHUP");
      await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGHUP");
      await new Promise((r) => setTimeout(r, 300));
      expect(exit).toBeUndefined();
      writeFileSync(gate, "");
      await eventually(() => output.stdout.includes('"msg":"config reloaded"') || exit !== undefined, 30_000);
      expect(exit).toBeUndefined();
      const messages = output.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages).toEqual(["exporter started", "SIGHUP arrived during start-up: reloading the config now", "config reloaded"]);
      child.kill("SIGTERM");
      const result = await exited;
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
    } catch (err) {
      throw new Error(`${(err as Error).message}; exit: ${JSON.stringify(exit)}; output: ${output.stdout}${output.stderr}`);
    } finally {
      child.kill("SIGKILL");
      await sim.close();
    }
  });
});
