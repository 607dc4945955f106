// Every number true: minimo_api_* counts what applications did through the gateway, the probes'
// own calls go to minimo_key_probes_total / minimo_key_probe_errors_total, and a key's budget
// gauges are only ever set from answers in which the upstream accepted that key.
import { afterEach, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, eventually, sample, scrape, startExporter, startLoggedSim, startServer, testConfig } from "./helpers.js";
import { testClock } from "./support/clock.js";

type Sim = Awaited<ReturnType<typeof startLoggedSim>>;
let sim: Sim | undefined;
let exporter: RunningExporter | undefined;
let upstream: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await exporter?.close();
  await sim?.close();
  await upstream?.close();
  exporter = sim = upstream = undefined;
});

const probeCalls = (s: Sim, simKey: string) => s.lines.filter((l) => l.startsWith("GET /public/v1/custom-fields ") && l.includes(`key=${simKey} `)).length;
/** Sample lines of `family` that carry `key="alias"`. */
const linesOf = (text: string, family: string, alias: string) => text.split("\n").filter((l) => l.startsWith(`${family}{`) && l.includes(`key="${alias}"`));

async function viaGateway(key: string, scheme = "Bearer"): Promise<Response> {
  const res = await fetch(`${exporter!.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `${scheme} ${key}` } });
  await res.arrayBuffer();
  return res;
}

describe("probe traffic is kept apart from application traffic", () => {
  it("an idle key probed many times has no minimo_api_requests_total; minimo_key_probes_total counts every probe", async () => {
    sim = await startLoggedSim();
    const keys = [
      { name: "idle", key_env: envName("demo-full") },
      { name: "old", key_env: envName("demo-revoked") },
    ];
    exporter = await startExporter({ config: testConfig(sim.url, keys, { probe: { min_interval_seconds: 0 } }), logger: captureLogger().logger });
    for (let i = 0; i < 12; i++) await scrape(exporter); // each scrape probes both keys
    expect(probeCalls(sim, "demo-full")).toBeGreaterThanOrEqual(6);
    expect(probeCalls(sim, "demo-revoked")).toBeGreaterThanOrEqual(6);

    // Read the registry (no new probe) once the sandbox logged every probe call.
    let text = "";
    await eventually(async () => {
      text = await exporter!.registry.metrics();
      return (
        sample(text, "minimo_key_probes_total", { key: "idle", code: "200" }) === probeCalls(sim!, "demo-full") &&
        sample(text, "minimo_key_probes_total", { key: "old", code: "401" }) === probeCalls(sim!, "demo-revoked")
      );
    });
    for (const alias of ["idle", "old"]) {
      for (const family of ["minimo_api_requests_total", "minimo_api_request_errors_total", "minimo_api_retries_total"]) {
        expect(linesOf(text, family, alias), `${family}{key="${alias}"}`).toEqual([]);
      }
      // Pre-created by the app-side families, and left at 0 by the probes.
      for (const family of ["minimo_api_unauthorized_total", "minimo_api_forbidden_total", "minimo_api_rate_limited_total"]) {
        expect(sample(text, family, { key: alias }), `${family}{key="${alias}"}`).toBe(0);
      }
    }
    expect(text).not.toMatch(/^minimo_api_request_duration_seconds_count\{/m); // no app latency either
    // The probes still feed up, last success and (accepted answers only) the budget.
    expect(sample(text, "minimo_key_up", { key: "idle" })).toBe(1);
    expect(sample(text, "minimo_key_up", { key: "old" })).toBe(0);
    expect(sample(text, "minimo_api_rate_limit_limit", { key: "idle" })).toBe(120);
    expect(sample(text, "minimo_api_rate_limit_limit", { key: "old" })).toBeUndefined();
    expect(sample(text, "minimo_key_probes_total", { key: "idle", code: "401" })).toBe(0); // pre-created

    // Application calls through the gateway are counted exactly, beside the probes.
    for (let i = 0; i < 3; i++) expect((await viaGateway(DEMO["demo-full"]!)).status).toBe(200);
    const after = await scrape(exporter);
    expect(sample(after, "minimo_api_requests_total", { key: "idle", operation: "/public/v1/custom-fields", method: "GET", code: "200" })).toBe(3);
  });

  it("a probe without an answer counts in minimo_key_probe_errors_total by reason, created at 0, not in minimo_api_request_errors_total", async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({
      config: testConfig(sim.url, [{ name: "prod", key_env: envName("demo-full") }], { probe: { min_interval_seconds: 0, timeout_seconds: 1 } }),
      logger: captureLogger().logger,
    });
    const before = await exporter.registry.metrics();
    for (const reason of ["timeout", "network", "aborted"]) expect(sample(before, "minimo_key_probe_errors_total", { key: "prod", reason })).toBe(0);
    sim.control.setFaults({ dropRate: 1 });
    let text = "";
    await eventually(async () => (sample((text = await scrape(exporter!)), "minimo_key_probe_errors_total", { key: "prod", reason: "network" }) ?? 0) >= 2, 10_000);
    expect(sample(text, "minimo_key_up", { key: "prod" })).toBe(0);
    expect(linesOf(text, "minimo_api_request_errors_total", "prod")).toEqual([]);
    expect(sample(text, "minimo_key_probe_errors_total", { key: "prod", reason: "timeout" })).toBe(0);
  });
});

describe("budget gauges only from answers in which the key was accepted", () => {
  it("a rotated key: the old secret's 401s (anonymous per-IP window, limit 60) leave its gauges at its own 120", async () => {
    sim = await startLoggedSim();
    // Probed too: the probes with the old secret get the same 401s and must not apply them either.
    const clock = testClock();
    exporter = await startExporter({
      config: testConfig(sim.url, [{ name: "rotating", key_env: envName("demo-full") }], { probe: { min_interval_seconds: 0 } }),
      logger: captureLogger().logger,
      now: clock.now,
    });
    for (let i = 0; i < 3; i++) expect((await viaGateway(DEMO["demo-full"]!)).status).toBe(200);
    const before = await scrape(exporter);
    expect(sample(before, "minimo_api_rate_limit_limit", { key: "rotating" })).toBe(120);
    const remaining = sample(before, "minimo_api_rate_limit_remaining", { key: "rotating" })!;
    const updated = sample(before, "minimo_api_rate_limit_updated_timestamp_seconds", { key: "rotating" })!;
    expect(remaining).toBeLessThanOrEqual(117);

    expect(sim.control.rotate("demo-full")).toBeTruthy(); // new secret; the configured one is now refused
    clock.advance(5000); // a later second, so a moved timestamp would show
    for (let i = 0; i < 5; i++) {
      const res = await viaGateway(DEMO["demo-full"]!);
      expect(res.status).toBe(401);
      expect(res.headers.get("x-ratelimit-limit")).toBe("60"); // the trap: someone else's window
    }
    const after = await scrape(exporter);
    expect(sample(after, "minimo_key_up", { key: "rotating" })).toBe(0); // the probe was refused too
    expect(sample(after, "minimo_key_probes_total", { key: "rotating", code: "401" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "minimo_api_unauthorized_total", { key: "rotating" })).toBe(5);
    expect(sample(after, "minimo_api_rate_limit_limit", { key: "rotating" })).toBe(120);
    expect(sample(after, "minimo_api_rate_limit_remaining", { key: "rotating" })).toBe(remaining);
    expect(sample(after, "minimo_api_rate_limit_updated_timestamp_seconds", { key: "rotating" })).toBe(updated);
  });

  it("a lower-case `bearer` scheme refused upstream with the anonymous window leaves the key's gauges at 120", async () => {
    // A scripted upstream that, like a strict Minimo, accepts only the exact `Bearer` scheme.
    let left = 120;
    upstream = await startServer((req, res) => {
      req.resume();
      const accepted = req.headers.authorization?.startsWith("Bearer ") === true;
      const headers = accepted
        ? { "x-ratelimit-limit": "120", "x-ratelimit-remaining": String(--left), "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60) }
        : { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "59", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 30) };
      const body = accepted ? "[]" : JSON.stringify({ error: { code: "unauthorized", message: "Invalid or missing API key" } });
      res.writeHead(accepted ? 200 : 401, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
    exporter = await startExporter({
      config: testConfig(upstream.url, [{ name: "prod", key_env: envName("demo-full"), probe: { operations: [] } }]),
      logger: captureLogger().logger,
    });
    expect((await viaGateway(DEMO["demo-full"]!, "Bearer")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await viaGateway(DEMO["demo-full"]!, "bearer")).status).toBe(401);
    const text = await scrape(exporter);
    // The gateway did identify the key (its 401s are counted under it, not as unknown)...
    expect(sample(text, "minimo_api_unauthorized_total", { key: "prod" })).toBe(3);
    expect(sample(text, "minimo_gateway_unknown_key_requests_total", { code: "401" })).toBe(0);
    // ...and kept its own budget.
    expect(sample(text, "minimo_api_rate_limit_limit", { key: "prod" })).toBe(120);
    expect(sample(text, "minimo_api_rate_limit_remaining", { key: "prod" })).toBe(119);
  });
});
