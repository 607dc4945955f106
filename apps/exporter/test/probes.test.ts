// Probes through the sandbox: single-flight, min interval, scrape deadline, and honest gauges.
import { afterEach, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { shardOf } from "../src/probes/shard.js";
import { captureLogger, envName, eventually, sample, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";

type Sim = Awaited<ReturnType<typeof startLoggedSim>>;
let sim: Sim | undefined;
let exporter: RunningExporter | undefined;
afterEach(async () => {
  await exporter?.close();
  await sim?.close();
  exporter = sim = undefined;
});

const probeCalls = (s: Sim, simKey: string) => s.lines.filter((l) => l.startsWith("GET /public/v1/custom-fields ") && l.includes(`key=${simKey} `)).length;

async function start(keys: object[], probe: object) {
  sim = await startLoggedSim();
  exporter = await startExporter({ config: testConfig(sim.url, keys, { probe }), logger: captureLogger().logger });
  return { sim, exporter };
}

const production = { name: "production", key_env: envName("demo-full") };

describe("probes", () => {
  it("shares one in-flight probe among concurrent scrapes", async () => {
    const { sim, exporter } = await start([production, { name: "readonly", key_env: envName("demo-readonly") }], { min_interval_seconds: 0 });
    sim.control.setFaults({ latencyMs: 300 });
    const texts = await Promise.all(Array.from({ length: 5 }, () => scrape(exporter)));
    await eventually(() => probeCalls(sim, "demo-full") >= 1 && probeCalls(sim, "demo-readonly") >= 1);
    expect(probeCalls(sim, "demo-full")).toBe(1);
    expect(probeCalls(sim, "demo-readonly")).toBe(1);
    for (const text of texts) expect(sample(text, "minimo_key_up", { key: "production" })).toBe(1);
  });

  it("probes a key at most once per min_interval_seconds, however often it is scraped", async () => {
    const { sim, exporter } = await start([production], { min_interval_seconds: 3600 });
    for (let i = 0; i < 4; i++) await scrape(exporter);
    expect(probeCalls(sim, "demo-full")).toBe(1);
    const text = await scrape(exporter);
    expect(sample(text, "minimo_key_up", { key: "production" })).toBe(1);
    expect(sample(text, "minimo_key_permitted", { key: "production", operation: "/public/v1/custom-fields" })).toBe(1);
    // The probe's answer (the key accepted) fed the budget gauges, and was counted as a probe only.
    expect(sample(text, "minimo_api_rate_limit_remaining", { key: "production" })).toBeGreaterThan(0);
    expect(sample(text, "minimo_key_probes_total", { key: "production", code: "200" })).toBe(1);
    expect(sample(text, "minimo_key_probe_duration_seconds", { key: "production" })).toBeGreaterThanOrEqual(0);
  });

  it("answers a scrape by its deadline with what it has; the late probe lands later", async () => {
    const { sim, exporter } = await start([production], { min_interval_seconds: 3600 });
    sim.control.setFaults({ latencyMs: 2000 });
    // Header 1 s - offset 0.5 s: the scrape waits 0.5 s at most, then renders without the probe.
    const first = await scrape(exporter, { "X-Prometheus-Scrape-Timeout-Seconds": "1" });
    expect(first).toContain("minimo_key_info");
    expect(sample(first, "minimo_key_up", { key: "production" })).toBeUndefined(); // absent, not a fake 0
    expect(sample(first, "minimo_key_last_success_timestamp_seconds", { key: "production" })).toBeUndefined();
    await eventually(async () => sample(await scrape(exporter, { "X-Prometheus-Scrape-Timeout-Seconds": "1" }), "minimo_key_up", { key: "production" }) === 1, 10_000);
    expect(probeCalls(sim, "demo-full")).toBe(1);
  });

  it("reports a revoked key as down and keeps its last success time", async () => {
    const { sim, exporter } = await start([production], { min_interval_seconds: 0 });
    const before = await scrape(exporter);
    expect(sample(before, "minimo_key_up", { key: "production" })).toBe(1);
    const lastSuccess = sample(before, "minimo_key_last_success_timestamp_seconds", { key: "production" });
    expect(lastSuccess).toBeGreaterThan(0);
    sim.control.revoke("demo-full");
    const after = await scrape(exporter);
    expect(sample(after, "minimo_key_up", { key: "production" })).toBe(0);
    expect(sample(after, "minimo_key_last_success_timestamp_seconds", { key: "production" })).toBe(lastSuccess);
    // A 401 says nothing about permissions: the last known value stays.
    expect(sample(after, "minimo_key_permitted", { key: "production", operation: "/public/v1/custom-fields" })).toBe(1);
    // The probe's 401 is the exporter's own call, not an application's.
    expect(sample(after, "minimo_key_probes_total", { key: "production", code: "401" })).toBe(1);
    expect(sample(after, "minimo_api_unauthorized_total", { key: "production" })).toBe(0);
  });

  it("reports an operation the key may not use as permitted 0 while the key stays up", async () => {
    const { sim, exporter } = await start([{ ...production, probe: { operations: ["GET /public/v1/custom-fields", "GET /public/v1/contacts/by-email/{email}"] } }], {
      min_interval_seconds: 0,
    });
    sim.control.setPolicy("demo-full", { permissions: ["contacts:read"] });
    const text = await scrape(exporter);
    expect(sample(text, "minimo_key_up", { key: "production" })).toBe(1);
    expect(sample(text, "minimo_key_permitted", { key: "production", operation: "/public/v1/custom-fields" })).toBe(0);
    // by-email of a contact that does not exist: 404 still proves the permission.
    expect(sample(text, "minimo_key_permitted", { key: "production", operation: "/public/v1/contacts/by-email/{email}" })).toBe(1);
  });

  it("probes only the keys of its shard", async () => {
    sim = await startLoggedSim();
    const keys = [
      { name: "a", key_env: envName("demo-full") },
      { name: "c", key_env: envName("demo-readonly") },
    ];
    const config = testConfig(sim.url, keys, { probe: { min_interval_seconds: 3600 } });
    expect([shardOf("a", 2), shardOf("c", 2)]).toEqual([0, 1]);
    exporter = await startExporter({ config, logger: captureLogger().logger, shard: { index: 0, total: 2 } });
    const text = await scrape(exporter);
    expect(sample(text, "minimo_key_up", { key: "a" })).toBe(1);
    expect(sample(text, "minimo_key_up", { key: "c" })).toBeUndefined();
    expect(probeCalls(sim, "demo-readonly")).toBe(0);
    // The gateway still serves and counts every key.
    expect(sample(text, "minimo_key_info", { key: "c", client_id: "demo02" })).toBe(1);
  });
});
