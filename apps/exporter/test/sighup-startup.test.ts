// Regression: a SIGHUP that arrived before start-up finished killed the process (exit 129, no
// log line, as the adversarial test saw it): SIGHUP's default action ends a process, and the
// reload handler was installed only once the exporter listened. The key file here is a FIFO, so
// start-up blocks reading it until the test ends it: the signal lands, deterministically, in the
// middle of start-up. Before the fix this test fails either way the old code went: the process
// died, or (as in this harness, where the blocked read survived the signal) the reload the
// operator asked for was silently lost.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoKeys } from "@minimo/sim";
import { describe, expect, it } from "vitest";
import { eventually, startLoggedSim } from "./helpers.js";
import { BIN, ensureBuilt } from "./reliability/cli-support.js";

/** Writes `text` to the FIFO once a reader opens it (open() blocks until then, off the main thread). */
async function feed(fifo: string, text: string): Promise<void> {
  const handle = await open(fifo, "w");
  await handle.write(text);
  await handle.close();
}

describe("SIGHUP during start-up", () => {
  // The built CLI, as users run it (under tsx, tsx's own signal relay hid the bug).
  it("does not kill the process: it starts, then reloads once", { timeout: 180_000 }, async () => {
    ensureBuilt();
    const sim = await startLoggedSim();
    const dir = mkdtempSync(join(tmpdir(), "exporter-hup-"));
    const fifo = join(dir, "key.fifo");
    execFileSync("mkfifo", [fifo]);
    const file = join(dir, "exporter.yaml");
    writeFileSync(file, `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\nkeys:\n  - { name: alpha, key_file: ${fifo} }\n`);
    const child = spawn(process.execPath, [BIN, "--config", file], {
      env: { PATH: process.env.PATH, MINIMO_EXPORTER_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stdout += c));
    let exit: { code: number | null; signal: string | null } | undefined;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve((exit = { code, signal }))));
    try {
      // The CLI has opened the FIFO: it is inside start-up, blocked reading the key.
      const handle = await Promise.race([open(fifo, "w"), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the CLI never opened the key file; output: ${stdout}`)), 20_000))]);
      // The key goes in now, the end of the file only after the signal: the CLI is blocked
      // waiting for EOF when SIGHUP lands.
      await handle.write(`${demoKeys[0]!.key}\n`);
      await new Promise((r) => setTimeout(r, 300));
      child.kill("SIGHUP");
      await new Promise((r) => setTimeout(r, 300));
      await handle.close();
      // The reload after start-up reads the key file again.
      await eventually(() => stdout.includes('"msg":"exporter started"'), 20_000);
      void feed(fifo, `${demoKeys[0]!.key}\n`);
      await eventually(() => stdout.includes('"msg":"config reloaded"'), 20_000).catch((e) => {
        throw new Error(`${e.message}; exit: ${JSON.stringify(exit)}; output: ${stdout}`);
      });
      expect(stdout).toContain('"msg":"exporter started"');
      expect(stdout.match(/"msg":"config reloaded"/g)).toHaveLength(1);
      child.kill("SIGTERM");
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      child.kill("SIGKILL");
      await sim.close();
    }
  });
});
