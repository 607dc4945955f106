// `promtool check metrics` lints the exporter's own registry, and the whole `/metrics` a user
// scrapes (Node's process metrics included: the three `_total` gauges that fail promlint are not
// served, see the README).
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";
import { requireTool } from "./support/tools.js";

const missing = !requireTool("promtool", { install: "apt-get install prometheus", needer: "the promtool tests" });

describe.skipIf(missing)("promtool check metrics", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  beforeAll(async () => {
    sim = await startLoggedSim();
    const keys = [
      { name: "production", key_env: envName("demo-full"), expires: "2027-06-01" },
      { name: "old", key_env: envName("demo-revoked") },
    ];
    exporter = await startExporter({ config: testConfig(sim.url, keys), logger: captureLogger().logger });
    await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } });
    await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: "Bearer mn-nobody-NOTCONFIGURED1" } });
    await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-revoked"]}` } });
    await scrape(exporter); // runs the probes
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("finds no problem in the exporter's own families", async () => {
    const text = await exporter.registry.metrics();
    for (const family of [
      "minimo_api_requests_total",
      "minimo_key_up",
      "minimo_key_permitted",
      "minimo_key_probes_total",
      "minimo_key_probe_errors_total",
      "minimo_key_info",
      "minimo_key_expiry_timestamp_seconds",
      "minimo_gateway_unknown_key_requests_total",
      "minimo_exporter_build_info",
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    const result = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(result.stderr + result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("serves the exporter's families and the Node process metrics in one /metrics", async () => {
    const text = await scrape(exporter);
    expect(text).toContain("# TYPE minimo_key_up gauge");
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toContain("# TYPE nodejs_heap_size_total_bytes gauge");
  });

  it("finds no problem in the whole /metrics a user scrapes, process metrics included", async () => {
    const text = await scrape(exporter);
    const result = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(result.stderr + result.stdout).toBe("");
    expect(result.status).toBe(0);
    // The standard names stay; the per-type gauges still give the dropped totals' sums.
    for (const family of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "process_start_time_seconds",
      "nodejs_eventloop_lag_seconds",
      "nodejs_active_handles",
      "nodejs_active_requests",
      "nodejs_active_resources",
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    expect(text).not.toMatch(/^nodejs_active_(handles|requests|resources)_total/m);
  });
});
