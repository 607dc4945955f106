// The real CLI (bin/minimo-exporter.js): a table of broken configs (exit code 2 and exactly one
// line on stderr naming the field and the reason, never the canary secret the config or env
// holds), and a running process driven through traffic, SIGHUP reloads and SIGTERM whose whole
// output, at debug level, holds no canary.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { startSim, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, spawnCli } from "./cli-support.js";
import { sample, eventually } from "./support.js";

const SECRET = "CANARYcfgSecret7q3zK9";
const CANARY_KEY = `mn-cnryone-${SECRET}`;
const dir = mkdtempSync(join(tmpdir(), "rel-bad-config-"));
mkdirSync(join(dir, "a-directory.key"));
const env = {
  MINIMO_KEY_OK: CANARY_KEY,
  MINIMO_KEY_OTHER: "mn-cnrytwo-CANARYcfgOther5521",
  // Wrong shape: no client-id separator, so the secret is all there is to quote.
  MINIMO_KEY_BAD: `mn-${SECRET}`,
};
const base = { upstream: "http://127.0.0.1:9", listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" } };
const ok = { name: "production", key_env: "MINIMO_KEY_OK" };

function write(name: string, config: object): string {
  const file = join(dir, `${name.replace(/\W+/g, "-")}.yaml`);
  writeFileSync(file, stringify(config));
  return file;
}

function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toContain("CANARY");
}

describe("bad config through the CLI", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  const table: [string, object, RegExp][] = [
    ["unknown field", { ...base, keys: [ok], scrape_timout_seconds: 5 }, /^scrape_timout_seconds: unknown field$/],
    ["bad key format", { ...base, keys: [ok, { name: "bad", key_env: "MINIMO_KEY_BAD" }] }, /^keys\[1\]\.key_env: .*MINIMO_KEY_BAD is not a Minimo API key/],
    ["bad inline key format", { ...base, keys: [{ name: "inline", key: `mn-${SECRET}` }] }, /^keys\[0\]\.key: .*not a Minimo API key/],
    ["missing env var", { ...base, keys: [ok, { name: "gone", key_env: "MINIMO_KEY_NOT_SET" }] }, /^keys\[1\]\.key_env: environment variable MINIMO_KEY_NOT_SET is not set$/],
    [
      "unreadable key file",
      { ...base, keys: [ok, { name: "dir", key_file: "a-directory.key" }] },
      /^keys\[1\]\.key_file: cannot read .*a-directory\.key \(it is a directory, not a regular file\)$/,
    ],
    ["missing key file", { ...base, keys: [{ name: "nofile", key_file: "nope.key" }] }, /^keys\[0\]\.key_file: cannot read .*nope\.key \(ENOENT\)$/],
    ["duplicate alias", { ...base, keys: [ok, { name: "production", key_env: "MINIMO_KEY_OTHER" }] }, /^keys\[1\]\.name: duplicate key name "production"/],
    ["bad URL", { ...base, upstream: "ftp://api.minimo.it", keys: [ok] }, /^upstream: must be an http\(s\) URL/],
    ["URL with credentials", { ...base, upstream: `https://user:${SECRET}@api.minimo.it`, keys: [ok] }, /^upstream: must not contain credentials$/],
    ["bad listen address", { ...base, listen: { gateway: "127.0.0.1:99999" }, keys: [ok] }, /^listen\.gateway: must be "host:port"/],
  ];

  it.concurrent.each(table)("--check-config: %s -> exit 2, one line", async (name, config, pattern) => {
    const result = await runCli(["--check-config", write(name, config)], env);
    expect(result.code, result.stderr).toBe(2);
    expectOneLine(result.stderr, pattern);
    expect(result.stdout).toBe("");
  });

  it("--config refuses to start on the same problems, with the same line", async () => {
    const result = await runCli(["--config", write("run-missing-env", { ...base, keys: [ok, { name: "gone", key_env: "MINIMO_KEY_NOT_SET" }] })], env);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^keys\[1\]\.key_env: environment variable MINIMO_KEY_NOT_SET is not set$/);
  });

  it("a valid config passes --check-config without printing a secret", async () => {
    const result = await runCli(["--check-config", write("valid", { ...base, keys: [ok] })], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/config OK: 1 key/);
    expect(result.stdout + result.stderr).not.toContain("CANARY");
  });

  describe("port in use", () => {
    let blocker: http.Server;
    let port: number;
    beforeAll(async () => {
      blocker = http.createServer();
      await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
      port = (blocker.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

    it("never prints the secret when the listen port is taken", async () => {
      const file = write("port-in-use", { ...base, log_level: "debug", listen: { metrics: "127.0.0.1:0", gateway: `127.0.0.1:${port}` }, keys: [ok] });
      const result = await runCli(["--config", file], env);
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).not.toContain("CANARY");
    });

    // Regression: cli.ts used to let startExporter's EADDRINUSE escape as an uncaught
    // rejection (exit 1 and a stack trace instead of exit 2 and one `listen.gateway:` line).
    it("port in use -> exit 2 and one line naming listen.gateway", async () => {
      const file = write("port-in-use-2", { ...base, listen: { metrics: "127.0.0.1:0", gateway: `127.0.0.1:${port}` }, keys: [ok] });
      const result = await runCli(["--config", file], env);
      expect(result.code).toBe(2);
      expectOneLine(result.stderr, /^listen\.gateway: .*(in use|EADDRINUSE)/);
    });
  });
});

describe("a running CLI process, at debug level", () => {
  let sim: RunningSim;
  beforeAll(async () => {
    ensureBuilt();
    sim = await startSim({ port: 0, keys: [{ name: "ok", key: CANARY_KEY, permissions: ["*"] }] });
  }, 180_000);
  afterAll(() => sim?.close());

  it("prints no canary through traffic, a failed and a good SIGHUP reload, and SIGTERM", async () => {
    const good = {
      upstream: sim.url,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      log_level: "debug",
      probe: { min_interval_seconds: 0 },
      keys: [ok, { name: "other", key_env: "MINIMO_KEY_OTHER" }],
    };
    const file = write("running", good);
    const run = spawnCli(["--config", file], env);
    try {
      await eventually(() => run.output.stdout.includes("exporter started"), 10_000, "exporter start");
      const started = JSON.parse(run.output.stdout.split("\n").find((l) => l.includes("exporter started"))!) as { gateway: string; metrics: string };
      const call = (key: string) => fetch(`${started.gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
      expect(await call(CANARY_KEY)).toBe(200);
      expect(await call(env.MINIMO_KEY_OTHER)).toBe(401);
      expect(await call("mn-cnrystranger-CANARYnotConfigured42")).toBe(401);
      const scrape = () => fetch(started.metrics).then((r) => r.text());
      await eventually(async () => sample(await scrape(), "minimo_key_up", { key: "other" }) === 0, 5000, "probes");

      writeFileSync(file, stringify({ ...good, keys: [ok, { name: "bad", key: `mn-${SECRET}` }] }));
      run.child.kill("SIGHUP");
      await eventually(() => run.output.stdout.includes("config reload failed"), 5000, "failed reload logged");
      expect(sample(await scrape(), "minimo_exporter_config_last_reload_successful")).toBe(0);
      expect(await call(CANARY_KEY)).toBe(200); // the old config still serves

      writeFileSync(file, stringify(good));
      run.child.kill("SIGHUP");
      await eventually(() => run.output.stdout.includes("config reloaded"), 5000, "good reload logged");
      expect(sample(await scrape(), "minimo_exporter_config_last_reload_successful")).toBe(1);
    } finally {
      run.child.kill("SIGTERM");
    }
    const result = await run.exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"level":20/); // debug lines were printed, and checked
    expect(result.stdout + result.stderr).not.toContain("CANARY");
  });
});
