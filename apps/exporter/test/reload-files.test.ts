// The real process, when a file it reads is swapped for a FIFO with no writer (what the
// adversarial test did). A key file: the synchronous read froze the whole process at SIGHUP, so
// /metrics and the gateway stopped answering. The config file: the reload parked in libuv's
// threadpool for good, last_reload_successful stayed 1, every later reload queued behind it, and
// SIGTERM never exited (Node joins that thread on exit). Now each is a failed reload that says
// why, the next good file reloads, and SIGTERM exits 0.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, eventually, sample, startLoggedSim } from "./helpers.js";
import { ensureBuilt, runCli, spawnCli } from "./reliability/cli-support.js";

const TIMEOUT = { timeout: 120_000 };

function replaceWithFifo(file: string): void {
  rmSync(file);
  execFileSync("mkfifo", [file]);
}

/** /metrics text, or a failure within 3 s (a frozen process never answers). */
async function scrape(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.text();
}

describe("a file swapped for a FIFO", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let dir: string;
  let config: string;
  let keyFile: string;
  const configText = (keys: string[]) =>
    `upstream: ${sim.url}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\nkeys:\n` +
    keys.map((k) => `  - { name: ${k}, key_file: ${k} }\n`).join("");

  beforeAll(async () => {
    ensureBuilt();
    sim = await startLoggedSim();
  });
  afterAll(async () => {
    await sim?.close();
  });

  function start(extraArgs: string[] = []) {
    dir = mkdtempSync(join(tmpdir(), "exporter-fifo-"));
    config = join(dir, "exporter.yaml");
    keyFile = join(dir, "alpha");
    writeFileSync(config, configText(["alpha"]));
    writeFileSync(keyFile, `${DEMO["demo-full"]}\n`);
    writeFileSync(join(dir, "beta"), `${DEMO["demo-readonly"]}\n`);
    const cli = spawnCli(["--config", config, ...extraArgs], { MINIMO_EXPORTER_LOG_LEVEL: "info" });
    const started = async () => {
      await eventually(() => cli.output.stdout.includes('"msg":"exporter started"'), 20_000);
      return JSON.parse(cli.output.stdout.split("\n").find((l) => l.includes('"msg":"exporter started"'))!) as { metrics: string };
    };
    const failures = () =>
      cli.output.stdout
        .split("\n")
        .filter((l) => l.includes("config reload failed"))
        .map((l) => (JSON.parse(l) as { problems: string[] }).problems);
    return { ...cli, started, failures };
  }

  it("a key file: the reload fails naming keys[0].key_file, and the process keeps answering", TIMEOUT, async () => {
    const cli = start();
    try {
      const { metrics } = await cli.started();
      replaceWithFifo(keyFile);
      cli.child.kill("SIGHUP");
      await eventually(async () => sample(await scrape(metrics), "minimo_exporter_config_last_reload_successful") === 0, 10_000);
      expect(cli.failures()).toEqual([[`keys[0].key_file: cannot read ${keyFile} (it is a FIFO, not a regular file)`]]);
      expect(await scrape(metrics)).toContain('key="alpha"');
      cli.child.kill("SIGTERM");
      expect((await cli.exited).code).toBe(0);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("the config file: the reload fails and says so, the next good file reloads, and SIGTERM exits 0", TIMEOUT, async () => {
    const cli = start();
    try {
      const { metrics } = await cli.started();
      replaceWithFifo(config);
      cli.child.kill("SIGHUP");
      await eventually(async () => sample(await scrape(metrics), "minimo_exporter_config_last_reload_successful") === 0, 10_000);
      expect(cli.failures()).toEqual([[`${config}: cannot read the config file (it is a FIFO, not a regular file)`]]);
      // Not wedged: a good file again reloads.
      rmSync(config);
      writeFileSync(config, configText(["alpha", "beta"]));
      cli.child.kill("SIGHUP");
      await eventually(async () => sample(await scrape(metrics), "minimo_exporter_config_last_reload_successful") === 1, 10_000);
      expect(await scrape(metrics)).toContain('key="beta"');
      // The FIFO once more, and SIGTERM right behind the SIGHUP: the process still exits.
      replaceWithFifo(config);
      cli.child.kill("SIGHUP");
      cli.child.kill("SIGTERM");
      const result = await cli.exited;
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("the --web.config.file: the reload fails naming it, and /metrics keeps its headers", TIMEOUT, async () => {
    const web = join(mkdtempSync(join(tmpdir(), "exporter-fifo-")), "web.yml");
    writeFileSync(web, "http_server_config:\n  headers: { X-Served-By: exporter }\n");
    const cli = start(["--web.config.file", web]);
    try {
      const { metrics } = await cli.started();
      replaceWithFifo(web);
      cli.child.kill("SIGHUP");
      await eventually(async () => sample(await scrape(metrics), "minimo_exporter_config_last_reload_successful") === 0, 10_000);
      expect(cli.failures()).toEqual([[`--web.config.file: cannot read ${web} (it is a FIFO, not a regular file)`]]);
      const res = await fetch(metrics, { signal: AbortSignal.timeout(3000) });
      expect(res.headers.get("x-served-by")).toBe("exporter");
      cli.child.kill("SIGTERM");
      expect((await cli.exited).code).toBe(0);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("at start-up, a key file that is a FIFO is a config error (exit 2) naming the field", TIMEOUT, async () => {
    const start = mkdtempSync(join(tmpdir(), "exporter-fifo-"));
    const file = join(start, "exporter.yaml");
    writeFileSync(file, `keys:\n  - { name: alpha, key_file: key.fifo }\n`);
    execFileSync("mkfifo", [join(start, "key.fifo")]);
    const result = await runCli(["--config", file], {}, 20_000);
    expect({ code: result.code, stderr: result.stderr.trim() }).toEqual({
      code: 2,
      stderr: expect.stringContaining(`keys[0].key_file: cannot read ${join(start, "key.fifo")} (it is a FIFO, not a regular file)`),
    });
  });
});
