// The README's promise: within 15 s of `npm start`, /metrics shows per-key counts, non-zero
// 401/403/429 for the keys built for them, and the remaining budget of every demo key the API
// accepts (the expired and revoked keys only ever get 401s, which carry no budget of theirs).
import { demoKeys } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner, startDemo, type RunningDemo } from "../src/demo/start-demo.js";
import { DEMO_USER_AGENTS } from "../src/demo/traffic.js";
import { createLogger } from "../src/index.js";
import { sample, sumOf } from "./reliability/support.js";

/** Keys the sandbox refuses with 401 on every call. */
const REFUSED = new Set(["demo-expired", "demo-revoked"]);
const accepted = demoKeys.filter((k) => !REFUSED.has(k.name));

describe("npm start demo", () => {
  let demo: RunningDemo;
  let text = "";

  beforeAll(async () => {
    demo = await startDemo({ ports: 0, env: {}, logger: createLogger({ level: "silent" }) });
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("shows per-key counts, 401/403/429 for the keys built for them and every key's budget within 15 s", async () => {
    const ready = () =>
      sample(text, "minimo_api_unauthorized_total", { key: "demo-expired" })! > 0 &&
      sample(text, "minimo_api_unauthorized_total", { key: "demo-revoked" })! > 0 &&
      sample(text, "minimo_api_forbidden_total", { key: "demo-readonly" })! > 0 &&
      sample(text, "minimo_api_rate_limited_total", { key: "demo-limited" })! > 0 &&
      accepted.every((k) => sample(text, "minimo_api_rate_limit_remaining", { key: k.name }) !== undefined) &&
      demoKeys.every((k) => sumOf(text, "minimo_api_requests_total", { key: k.name }) > 0) &&
      sumOf(text, "minimo_api_requests_total", { key: "demo-full", operation: "/api/transactionals", code: "410" }) > 0;
    const until = Date.now() + 15_000;
    do {
      text = await (await fetch(demo.metricsUrl)).text();
      if (ready()) break;
      await new Promise((r) => setTimeout(r, 250));
    } while (Date.now() < until);

    for (const k of demoKeys) {
      expect(sumOf(text, "minimo_api_requests_total", { key: k.name }), `requests of ${k.name}`).toBeGreaterThan(0);
      if (REFUSED.has(k.name)) expect(sample(text, "minimo_api_rate_limit_remaining", { key: k.name }), `budget of ${k.name}`).toBeUndefined();
      else expect(sample(text, "minimo_api_rate_limit_remaining", { key: k.name }), `budget of ${k.name}`).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, "minimo_api_unauthorized_total", { key: "demo-expired" })).toBeGreaterThan(0);
    expect(sample(text, "minimo_api_unauthorized_total", { key: "demo-revoked" })).toBeGreaterThan(0);
    expect(sample(text, "minimo_api_forbidden_total", { key: "demo-readonly" })).toBeGreaterThan(0);
    expect(sample(text, "minimo_api_rate_limited_total", { key: "demo-limited" })).toBeGreaterThan(0);
    // Keys that are not built to fail do not.
    expect(sample(text, "minimo_api_unauthorized_total", { key: "demo-full" })).toBe(0);
    expect(sample(text, "minimo_api_forbidden_total", { key: "demo-full" })).toBe(0);
    // The removed legacy call shows as 410 under its route template.
    expect(sample(text, "minimo_api_requests_total", { key: "demo-full", operation: "/api/transactionals", code: "410" })).toBeGreaterThan(0);
    // The probes ran: the expired key is reported down, the full one up.
    expect(sample(text, "minimo_key_up", { key: "demo-full" })).toBe(1);
    expect(sample(text, "minimo_key_up", { key: "demo-expired" })).toBe(0);
  });

  it("never shows a demo key's secret on /metrics or the key console", async () => {
    const landing = await (await fetch(`${demo.consoleUrl}api/keys`)).text();
    for (const k of demoKeys) {
      const secret = k.key.slice(k.key.indexOf("-", 3) + 1);
      expect(text).not.toContain(secret);
      expect(landing).not.toContain(secret);
    }
    expect(landing).toContain("demo-limited");
  });

  it("prints the console's URL first, and gives each simulated app its own User-Agent", () => {
    const lines = banner(demo);
    expect(lines[0]).toBe(`Minimo key console: ${demo.consoleUrl}   <- open this`);
    expect(demo.consoleUrl).toBe(demo.metricsUrl.replace(/metrics$/, ""));
    for (const k of demoKeys) expect(lines.some((l) => l.includes(k.name))).toBe(true);
    const agents = demoKeys.map((k) => DEMO_USER_AGENTS[k.name]);
    expect(agents.every((a) => typeof a === "string" && a.length > 0)).toBe(true);
    expect(new Set(agents).size).toBe(demoKeys.length);
  });

  it("keeps the sandbox's control routes to holders of its token, not to gateway clients", async () => {
    expect((await fetch(`${demo.gatewayUrl}/__sim/keys`)).status).toBe(401);
    expect((await fetch(`${demo.simUrl}/__sim/faults`, { headers: { "x-sim-control-token": demo.simControlToken } })).status).toBe(200);
  });

  it("stops traffic, exporter and sandbox on close", async () => {
    await demo.close();
    const sent = demo.traffic.sent;
    await expect(fetch(demo.metricsUrl)).rejects.toThrow();
    await expect(fetch(`${demo.simUrl}/__sim/keys`)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    expect(demo.traffic.sent).toBe(sent);
  });
});
