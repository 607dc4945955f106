// Upstream faults through the sandbox's fault control (`PUT /__sim/faults`): /metrics keeps
// answering inside the scrape deadline, failed probes show as `minimo_key_up 0` with the last
// success left where it was, nothing crashes, and no rate-limit gauge shows a fake zero.
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { testClock } from "../support/clock.js";
import { captureLogger, sample, sumOf, eventually } from "./support.js";

const KEY = Object.fromEntries(demoKeys.map((k) => [k.name, k.key])) as Record<string, string>;
// Prometheus gives up on a scrape after this; the exporter must answer before.
const SCRAPE_TIMEOUT_SECONDS = 2;

describe("upstream faults", () => {
  let sim: RunningSim;
  let exporter: RunningExporter;
  const log = captureLogger("warn");
  const clock = testClock();

  const faults = async (body?: object) => {
    const control = { "x-sim-control-token": sim.controlToken };
    const init = body ? { method: "PUT", headers: { ...control, "content-type": "application/json" }, body: JSON.stringify(body) } : { method: "DELETE", headers: control };
    const res = await fetch(`${sim.url}/__sim/faults`, init);
    expect(res.status).toBe(200);
  };
  /** A scrape as Prometheus makes it: deadline header, and given up on at that deadline. */
  const scrape = async () => {
    const res = await fetch(exporter.metricsUrl, {
      headers: { "x-prometheus-scrape-timeout-seconds": String(SCRAPE_TIMEOUT_SECONDS) },
      signal: AbortSignal.timeout(SCRAPE_TIMEOUT_SECONDS * 1000),
    });
    expect(res.status).toBe(200);
    return res.text();
  };
  const call = async (key: string, path = "/public/v1/custom-fields") => {
    const res = await fetch(exporter.gatewayUrl + path, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  /** Scrapes until the probe that the scrape started has landed, i.e. key_up is `value`. */
  const probedUp = async (alias: string, value: 0 | 1) => {
    let text = "";
    await eventually(async () => sample((text = await scrape()), "minimo_key_up", { key: alias }) === value, 8000, `${alias} up=${value}`);
    return text;
  };

  beforeAll(async () => {
    sim = await startSim({ port: 0 });
    const config = parseConfig(
      {
        upstream: sim.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        probe: { min_interval_seconds: 0, timeout_seconds: 1 },
        gateway: { upstream_timeout_seconds: 1 },
        keys: [
          { name: "full", key_env: "K_FULL" },
          { name: "expired", key_env: "K_EXPIRED" },
          // Never probed: its rate-limit gauges come from gateway traffic only.
          { name: "fresh", key_env: "K_RO", probe: { operations: [] } },
          // Only ever called while the rate-limit headers are broken.
          { name: "unseen", key_env: "K_LIMITED", probe: { operations: [] } },
        ],
      },
      { K_FULL: KEY["demo-full"], K_EXPIRED: KEY["demo-expired"], K_RO: KEY["demo-readonly"], K_LIMITED: KEY["demo-limited"] },
    );
    exporter = await startExporter({ config, logger: log.logger, now: clock.now });
  });
  afterEach(() => faults());
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("latency beyond the deadline: every scrape answers in time, the probe reports up 0, last success and budget stay", async () => {
    const healthy = await probedUp("full", 1);
    const lastSuccess = sample(healthy, "minimo_key_last_success_timestamp_seconds", { key: "full" })!;
    const remaining = sample(healthy, "minimo_api_rate_limit_remaining", { key: "full" })!;
    const limit = sample(healthy, "minimo_api_rate_limit_limit", { key: "full" })!;
    expect(lastSuccess).toBeGreaterThan(0);
    expect(remaining).toBeGreaterThan(0);

    await faults({ latencyMs: SCRAPE_TIMEOUT_SECONDS * 3000 });
    // Concurrent scrapes (an HA pair) while the upstream hangs: all answered before the deadline.
    const texts = await Promise.all([scrape(), scrape(), scrape()]);
    for (const text of texts) expect(text).toContain("minimo_exporter_build_info");
    const down = await probedUp("full", 0);
    expect(sample(down, "minimo_key_last_success_timestamp_seconds", { key: "full" })).toBe(lastSuccess);
    expect(sample(down, "minimo_api_rate_limit_remaining", { key: "full" })).toBe(remaining);
    expect(sample(down, "minimo_api_rate_limit_limit", { key: "full" })).toBe(limit);
    expect(sample(down, "minimo_key_probe_errors_total", { key: "full", reason: "timeout" })).toBeGreaterThan(0);
    // The gateway gives up on the hung upstream with a clean 504.
    const res = await call(KEY["demo-full"]!);
    expect(res.status).toBe(504);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "gateway_timeout" } });

    await faults();
    const back = await probedUp("full", 1);
    expect(sample(back, "minimo_key_last_success_timestamp_seconds", { key: "full" })).toBeGreaterThan(lastSuccess);
  });

  it("dropped connections: probes report up 0 with the last success kept, the gateway answers 502, nothing crashes", async () => {
    const healthy = await probedUp("full", 1);
    const lastSuccess = sample(healthy, "minimo_key_last_success_timestamp_seconds", { key: "full" })!;
    await faults({ dropRate: 1 });
    const down = await probedUp("full", 0);
    expect(sample(down, "minimo_key_last_success_timestamp_seconds", { key: "full" })).toBe(lastSuccess);
    expect(sample(down, "minimo_key_probe_errors_total", { key: "full", reason: "network" })).toBeGreaterThan(0);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => call(KEY["demo-full"]!).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([502]));
    const health = await fetch(exporter.metricsUrl.replace(/metrics$/, "healthz"));
    expect(health.status).toBe(200);
  });

  it("bursts of 500 and 503 are forwarded as they came and counted by status", async () => {
    // The unprobed key, so that only these calls count.
    for (const errorStatus of [500, 503] as const) {
      await faults({ errorRate: 1, errorStatus });
      const before = sumOf(await scrape(), "minimo_api_requests_total", { key: "fresh", code: String(errorStatus) });
      const answers = await Promise.all(Array.from({ length: 25 }, () => call(KEY["demo-readonly"]!)));
      expect(answers.every((a) => a.status === errorStatus)).toBe(true);
      if (errorStatus === 503) expect(answers[0]!.headers.get("retry-after")).toBe("1");
      const after = sumOf(await scrape(), "minimo_api_requests_total", { key: "fresh", code: String(errorStatus) });
      expect(after - before).toBe(25);
    }
  });

  // Regression: probe-once.ts `judge` used to count any response but 401 as "authenticated", so
  // a probe answered 500/503 (injected before auth, proving nothing about the key) set
  // minimo_key_up 1 and moved last_success forward.
  it("a probe answered 500/503 reports key_up 0 and leaves the last success where it was", async () => {
    const healthy = await probedUp("full", 1);
    const lastSuccess = sample(healthy, "minimo_key_last_success_timestamp_seconds", { key: "full" })!;
    await faults({ errorRate: 1, errorStatus: 503 });
    clock.advance(5000); // a later second, so a moved timestamp shows
    const probed503 = (t: string) => sample(t, "minimo_key_probes_total", { key: "full", code: "503" }) ?? 0;
    const seen = probed503(await scrape());
    let text = "";
    await eventually(async () => probed503((text = await scrape())) > seen, 5000, "a probe answered 503");
    text = await scrape();
    expect(sample(text, "minimo_key_up", { key: "full" })).toBe(0);
    expect(sample(text, "minimo_key_last_success_timestamp_seconds", { key: "full" })).toBe(lastSuccess);
  });

  it.each(["missing", "negative", "huge", "garbage"] as const)("rate-limit headers %s: the gauges keep the last valid value, never a fake zero", async (mode) => {
    const good = await call(KEY["demo-full"]!);
    expect(good.status).toBe(200);
    const remaining = Number(good.headers.get("x-ratelimit-remaining"));
    const limit = Number(good.headers.get("x-ratelimit-limit"));
    await faults({ rateLimitHeaders: mode });
    for (let i = 0; i < 3; i++) expect((await call(KEY["demo-full"]!)).status).toBe(200);
    const text = await scrape();
    expect(sample(text, "minimo_api_rate_limit_remaining", { key: "full" })).toBe(remaining);
    expect(sample(text, "minimo_api_rate_limit_limit", { key: "full" })).toBe(limit);
    const reset = sample(text, "minimo_api_rate_limit_reset_timestamp_seconds", { key: "full" })!;
    expect(reset).toBeGreaterThan(Date.now() / 1000 - 5);
    expect(reset).toBeLessThan(Date.now() / 1000 + 3600);
    // A key whose only answers carried broken headers has no budget series at all.
    expect((await call(KEY["demo-limited"]!)).status).toBe(200);
    const after = await scrape();
    expect(sample(after, "minimo_api_requests_total", { key: "unseen", code: "200" })).toBeGreaterThan(0);
    for (const family of ["minimo_api_rate_limit_remaining", "minimo_api_rate_limit_limit", "minimo_api_rate_limit_reset_timestamp_seconds"]) {
      expect(sample(after, family, { key: "unseen" }), `${family}{key="unseen"}`).toBeUndefined();
    }
  });

  it("non-JSON (HTML) error bodies pass through unchanged and are classified by status", async () => {
    await faults({ nonJsonErrors: true });
    const before = await scrape();
    const res = await call(KEY["demo-expired"]!);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.body).toMatch(/^<html>/);
    const after = await probedUp("expired", 0);
    await faults({ nonJsonErrors: true, errorRate: 1, errorStatus: 500 });
    expect((await call(KEY["demo-readonly"]!)).body).toMatch(/<h1>500<\/h1>/);
    expect(
      (sample(after, "minimo_api_unauthorized_total", { key: "expired" }) ?? 0) - (sample(before, "minimo_api_unauthorized_total", { key: "expired" }) ?? 0),
    ).toBeGreaterThanOrEqual(1);
    expect(log.lines.filter((l) => l.includes('"level":50'))).toEqual([]); // no error-level log: nothing broke
  });
});
