// The last resort. An uncaught exception is logged and counted, then the process drains (bounded
// by gateway.drain_timeout_seconds) and exits 1 for its supervisor to restart it: resuming after
// one is not safe. An unhandled rejection is logged and counted, and the process serves on. The
// handler's logic is driven directly (a real uncaughtException inside vitest is caught by vitest
// first); the process behaviour through the built CLI with a fault planted by a preload module.
import { spawn } from "node:child_process";
import type http from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createLastResort, installLastResort } from "../src/process/last-resort.js";
import { captureLogger, DEMO, demoEnv, eventually, sample, startServer } from "./helpers.js";
import { BIN, collect, ensureBuilt } from "./reliability/cli-support.js";

const FAULT = join(dirname(fileURLToPath(import.meta.url)), "fixtures/fault-on-sigusr2.mjs");

describe("last-resort handler", () => {
  it("logs and counts an uncaught exception, masking key-shaped text, then starts the drain", async () => {
    const log = captureLogger("info");
    const registry = new Registry();
    const drained: unknown[] = [];
    const lastResort = createLastResort(log.logger, (err) => drained.push(err));
    lastResort.attach(registry);
    const err = Object.assign(new Error("boom with mn-acct42-TOPSECRETvalue1"), { rawPacket: [...Buffer.from("Authorization: Bearer x")] });
    lastResort.exception(err, "uncaughtException");
    expect(drained).toEqual([err]);
    const text = await registry.metrics();
    expect(sample(text, "minimo_exporter_uncaught_exceptions_total")).toBe(1);
    expect(sample(text, "minimo_exporter_unhandled_rejections_total")).toBe(0);
    const lines = log.lines.join("\n");
    expect(lines).toMatch(/"level":60.*uncaught exception: draining and exiting/);
    expect(lines).not.toContain("TOPSECRET");
    expect(lines).not.toContain("rawPacket");
  });

  it("logs and counts an unhandled rejection without starting the drain", async () => {
    const log = captureLogger("info");
    const registry = new Registry();
    let drains = 0;
    const lastResort = createLastResort(log.logger, () => drains++);
    lastResort.attach(registry);
    lastResort.rejection("a rejected string");
    lastResort.rejection(new Error("and mn-acct42-TOPSECRETvalue1"));
    expect(drains).toBe(0);
    const text = await registry.metrics();
    expect(sample(text, "minimo_exporter_unhandled_rejections_total")).toBe(2);
    expect(sample(text, "minimo_exporter_uncaught_exceptions_total")).toBe(0);
    expect(log.lines.join("\n")).toMatch(/unhandled promise rejection survived/);
    expect(log.lines.join("\n")).not.toContain("TOPSECRET");
  });

  it("installs on the process and uninstalls cleanly", () => {
    const before = [process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")];
    const lastResort = installLastResort(captureLogger().logger);
    expect([process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")]).toEqual([before[0]! + 1, before[1]! + 1]);
    lastResort.uninstall();
    expect([process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")]).toEqual(before);
  });
});

/** The built CLI with the fault preload, in front of `upstream`; `output` fills as it prints. */
function startCli(upstream: string, fault: "exception" | "rejection", drainSeconds = 30) {
  const dir = mkdtempSync(join(tmpdir(), "exporter-fault-"));
  const file = join(dir, "exporter.yaml");
  writeFileSync(
    file,
    `upstream: ${upstream}\nlisten: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }\nprobe: { operations: [] }\n` +
      `gateway: { drain_timeout_seconds: ${drainSeconds} }\nkeys:\n  - { name: alpha, key_env: MINIMO_KEY_DEMO_FULL }\n`,
  );
  const child = spawn(process.execPath, ["--import", FAULT, BIN, "--config", file, "--storage.path", join(dir, "state")], {
    env: { PATH: process.env.PATH, ...demoEnv, MINIMO_EXPORTER_LOG_LEVEL: "info", MINIMO_TEST_FAULT: fault },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  const exited = collect(child, 60_000, output);
  const started = async () => {
    await eventually(() => output.stdout.includes('"msg":"exporter started"'), 20_000);
    return JSON.parse(output.stdout.split("\n").find((l) => l.includes('"msg":"exporter started"'))!) as { gateway: string; metrics: string };
  };
  return { child, output, exited, started };
}

describe("the CLI process after an error nobody caught", () => {
  it("an uncaught exception: logged, the in-flight request still answered (drain), then exit 1 for the supervisor", { timeout: 120_000 }, async () => {
    ensureBuilt();
    const held: http.ServerResponse[] = [];
    const upstream = await startServer((req, res) => {
      req.resume();
      held.push(res);
    });
    const cli = startCli(upstream.url, "exception");
    try {
      const { gateway } = await cli.started();
      const inFlight = fetch(`${gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } }).then(
        async (r) => [r.status, await r.text()] as const,
      );
      void inFlight.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      await eventually(() => held.length === 1, 10_000);
      cli.child.kill("SIGUSR2");
      await eventually(() => cli.output.stdout.includes("uncaught exception: draining and exiting"), 10_000);
      // Still draining: the request in flight gets its answer before the process goes.
      held[0]!.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
      expect(await inFlight).toEqual([200, '{"data":[]}']);
      const result = await cli.exited;
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 1, signal: null });
      const fatal = result.stdout.split("\n").find((l) => l.includes("uncaught exception"))!;
      expect(JSON.parse(fatal)).toMatchObject({ level: 60, origin: "uncaughtException", err: { message: expect.stringContaining("planted fault") } });
      expect(result.stdout).toContain('"msg":"exporter stopped"');
      expect(result.stdout + result.stderr).not.toContain("TOPSECRET");
    } finally {
      cli.child.kill("SIGKILL");
      await upstream.close();
    }
  });

  it("an uncaught exception with a request that never ends: the drain is cut at gateway.drain_timeout_seconds and the process still exits 1", { timeout: 120_000 }, async () => {
    ensureBuilt();
    let arrived = 0;
    const upstream = await startServer((req) => {
      req.resume();
      arrived++;
    });
    const cli = startCli(upstream.url, "exception", 1);
    try {
      const { gateway } = await cli.started();
      const inFlight = fetch(`${gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } }).then(
        (r) => r.status,
        () => "no answer",
      );
      await eventually(() => arrived === 1, 10_000);
      cli.child.kill("SIGUSR2");
      const result = await cli.exited;
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 1, signal: null });
      expect(result.stdout).toContain("uncaught exception: draining and exiting");
      expect(["no answer", 502, 503, 504]).toContain(await inFlight);
    } finally {
      cli.child.kill("SIGKILL");
      await upstream.close();
    }
  });

  it("an unhandled rejection: logged and counted, and the process serves on", { timeout: 120_000 }, async () => {
    ensureBuilt();
    const upstream = await startServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
    });
    const cli = startCli(upstream.url, "rejection");
    try {
      const { gateway, metrics } = await cli.started();
      const scrape = () => fetch(metrics).then((r) => r.text());
      expect(sample(await scrape(), "minimo_exporter_unhandled_rejections_total")).toBe(0);
      cli.child.kill("SIGUSR2");
      await eventually(async () => sample(await scrape(), "minimo_exporter_unhandled_rejections_total") === 1, 10_000);
      expect(sample(await scrape(), "minimo_exporter_uncaught_exceptions_total")).toBe(0);
      expect(cli.output.stdout).toContain("unhandled promise rejection survived");
      const res = await fetch(`${gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } });
      expect(res.status).toBe(200);
      cli.child.kill("SIGTERM");
      const result = await cli.exited;
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
      expect(result.stdout + result.stderr).not.toContain("TOPSECRET");
    } finally {
      cli.child.kill("SIGKILL");
      await upstream.close();
    }
  });
});
