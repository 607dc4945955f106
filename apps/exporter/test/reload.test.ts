// reload() is what SIGHUP calls: removed keys' series go, new keys appear, reload gauges move.
import { Gauge } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, sample, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";

describe("reload", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  const keyA = { name: "alpha", key_env: envName("demo-full") };
  const keyB = { name: "beta", key_env: envName("demo-readonly"), expires: "2027-01-01" };
  const keyC = { name: "gamma", key_env: envName("demo-limited") };

  beforeAll(async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({ config: testConfig(sim.url, [keyA, keyB], { probe: { min_interval_seconds: 0 } }), logger: captureLogger().logger });
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("drops every series of a removed key and adds the new one", async () => {
    for (const key of [DEMO["demo-full"], DEMO["demo-readonly"]]) {
      await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${key}` } });
    }
    const before = await scrape(exporter);
    expect(before).toContain('key="beta"');
    expect(sample(before, "minimo_key_expiry_timestamp_seconds", { key: "beta" })).toBe(Date.UTC(2027, 0, 1) / 1000);
    const firstReload = sample(before, "minimo_exporter_config_last_reload_success_timestamp_seconds");
    expect(sample(before, "minimo_exporter_config_last_reload_successful")).toBe(1);

    await new Promise((r) => setTimeout(r, 10));
    await exporter.reload(testConfig(sim.url, [keyA, keyC], { probe: { min_interval_seconds: 0 } }));
    const after = await scrape(exporter);
    expect(after).not.toContain('key="beta"');
    expect(sample(after, "minimo_api_unauthorized_total", { key: "gamma" })).toBe(0);
    expect(sample(after, "minimo_key_info", { key: "gamma", client_id: "demo05" })).toBe(1);
    expect(sample(after, "minimo_key_up", { key: "gamma" })).toBe(1);
    expect(sample(after, "minimo_api_requests_total", { key: "alpha", operation: "/public/v1/custom-fields", code: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "minimo_exporter_config_last_reload_success_timestamp_seconds")).toBeGreaterThan(firstReload!);

    // The gateway follows the new key set: beta's key is now unknown.
    await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-readonly"]}` } });
    const later = await scrape(exporter);
    expect(later).not.toContain('key="beta"');
    expect(sample(later, "minimo_gateway_unknown_key_requests_total", { code: "200" })).toBe(1);
  });

  it("marks a failed reload and keeps the previous config", async () => {
    exporter.reloadFailed();
    const text = await scrape(exporter);
    expect(sample(text, "minimo_exporter_config_last_reload_successful")).toBe(0);
    expect(sample(text, "minimo_key_info", { key: "gamma", client_id: "demo05" })).toBe(1);
  });

  it("shows a reload in the very next scrape, even while a slow render from just before could be shared", async () => {
    await exporter.reload(testConfig(sim.url, [keyA, keyC], { probe: { min_interval_seconds: 0 } }));
    // A family whose collect blocks for 80 ms: scrapes within 80 ms of that render may share it.
    new Gauge({
      name: "test_slow_render",
      help: "blocks the render",
      registers: [exporter.registry],
      collect() {
        const until = performance.now() + 80;
        while (performance.now() < until);
      },
    });
    try {
      expect(sample(await scrape(exporter), "minimo_exporter_config_last_reload_successful")).toBe(1);
      exporter.reloadFailed();
      expect(sample(await scrape(exporter), "minimo_exporter_config_last_reload_successful")).toBe(0);
      await exporter.reload(testConfig(sim.url, [keyA, keyC], { probe: { min_interval_seconds: 0 } }));
      expect(sample(await scrape(exporter), "minimo_exporter_config_last_reload_successful")).toBe(1);
    } finally {
      exporter.registry.removeSingleMetric("test_slow_render");
    }
  });
});
