// End to end in one process: sandbox + exporter + client through the gateway.
import { createMinimoClient } from "@minimo/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, sample, scrape, startExporter, startLoggedSim, startServer, testConfig } from "./helpers.js";

const SECRETS = Object.values(DEMO).map((k) => k.slice(k.indexOf("-", 3) + 1));
const noProbe = { probe: { operations: [] } };
const keys = [
  { name: "production", key_env: envName("demo-full") },
  { name: "dashboards", key_env: envName("demo-readonly") },
  { name: "old", key_env: envName("demo-revoked") },
  { name: "batch", key_env: envName("demo-limited") },
];

describe("gateway end to end (sandbox upstream)", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  const log = captureLogger("debug");

  beforeAll(async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({ config: testConfig(sim.url, keys, noProbe), logger: log.logger });
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("answers exactly as the upstream did and counts the request once under the alias", async () => {
    const path = "/public/v1/custom-fields";
    const headers = { authorization: `Bearer ${DEMO["demo-full"]}` };
    const direct = await fetch(sim.url + path, { headers });
    const directBody = await direct.text();
    sim.control.reset(); // same rate-limit window state for the second call
    const before = await scrape(exporter);
    const proxied = await fetch(exporter.gatewayUrl + path, { headers });
    const proxiedBody = await proxied.text();

    expect(proxied.status).toBe(direct.status);
    expect(proxiedBody).toBe(directBody);
    for (const h of ["content-type", "x-ratelimit-limit", "x-ratelimit-remaining"]) {
      expect(proxied.headers.get(h)).toBe(direct.headers.get(h));
    }
    expect(Math.abs(Number(proxied.headers.get("x-ratelimit-reset")) - Number(direct.headers.get("x-ratelimit-reset")))).toBeLessThanOrEqual(1);

    const after = await scrape(exporter);
    const series = { key: "production", operation: path, method: "GET", code: "200" };
    expect((sample(after, "minimo_api_requests_total", series) ?? 0) - (sample(before, "minimo_api_requests_total", series) ?? 0)).toBe(1);
    expect(sample(after, "minimo_api_rate_limit_remaining", { key: "production" })).toBe(Number(proxied.headers.get("x-ratelimit-remaining")));
  });

  it("forwards a POST body and query through the typed client, routed by the spec's template", async () => {
    const client = createMinimoClient({ apiKey: DEMO["demo-full"]!, baseUrl: exporter.gatewayUrl, retry: false });
    const { response } = await client.POST("/public/v1/contacts", { body: { email: "ada@example.com", firstName: "Ada" } as never });
    expect(response.status).toBeLessThan(300);
    const byEmail = await client.GET("/public/v1/contacts/by-email/{email}", { params: { path: { email: "ada@example.com" } } });
    expect(byEmail.response.status).toBe(200);
    expect(JSON.stringify(byEmail.data)).toContain("ada@example.com");
    const text = await scrape(exporter);
    expect(sample(text, "minimo_api_requests_total", { key: "production", operation: "/public/v1/contacts/by-email/{email}", method: "GET", code: "200" })).toBe(1);
  });

  it("counts 401, 403 and 429 under their aliases", async () => {
    const call = (key: string, method = "GET", path = "/public/v1/custom-fields", body?: string) =>
      fetch(exporter.gatewayUrl + path, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body ? { body } : {}) });
    expect((await call(DEMO["demo-revoked"]!)).status).toBe(401);
    expect((await call(DEMO["demo-readonly"]!, "POST", "/public/v1/custom-fields", JSON.stringify({ name: "x", displayName: "X", type: "text" }))).status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(DEMO["demo-limited"]!)).status);
    expect(statuses).toContain(429);
    const text = await scrape(exporter);
    expect(sample(text, "minimo_api_unauthorized_total", { key: "old" })).toBe(1);
    expect(sample(text, "minimo_api_forbidden_total", { key: "dashboards" })).toBe(1);
    expect(sample(text, "minimo_api_rate_limited_total", { key: "batch" })).toBe(statuses.filter((s) => s === 429).length);
    expect(sample(text, "minimo_api_rate_limit_remaining", { key: "batch" })).toBe(0);
  });

  it("forwards unknown keys, counting them under one bounded label", async () => {
    const res = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: "Bearer mn-stranger-NOTCONFIGURED123" } });
    expect(res.status).toBe(401);
    const none = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`);
    expect(none.status).toBe(401);
    const text = await scrape(exporter);
    expect(sample(text, "minimo_gateway_unknown_key_requests_total", { code: "401" })).toBe(2);
    expect(sample(text, "minimo_api_requests_total", { key: "unknown", operation: "/public/v1/custom-fields", code: "401" })).toBe(2);
    expect(text).not.toContain("stranger");
  });

  it("labels a path outside the spec as unmatched", async () => {
    const res = await fetch(`${exporter.gatewayUrl}/public/v1/nope/42`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } });
    expect(res.status).toBe(404);
    expect(sample(await scrape(exporter), "minimo_api_requests_total", { key: "production", operation: "unmatched", code: "404" })).toBe(1);
  });

  it("never shows a secret in /metrics, the console, its API or the logs", async () => {
    const base = exporter.metricsUrl.replace(/\/metrics$/, "");
    const page = await (await fetch(`${base}/`)).text();
    const api = await (await fetch(`${base}/api/keys`)).text();
    const callers = await (await fetch(`${base}/api/keys/unknown/callers`)).text();
    expect(page).toContain("Minimo key console");
    expect(JSON.parse(api).keys).toContainEqual(expect.objectContaining({ alias: "production", clientId: "demo01" }));
    const landing = [page, api, callers].join("\n");
    const metrics = await scrape(exporter);
    expect(sample(metrics, "minimo_key_info", { key: "production", client_id: "demo01" })).toBe(1);
    const logs = log.lines.join("\n");
    expect(logs).toContain('"operation":"/public/v1/custom-fields"');
    for (const text of [landing, metrics, logs]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text.toLowerCase()).not.toContain("bearer");
    }
  });
});

describe("gateway routing and failures", () => {
  it("sends legacy /api paths to upstream.app and public paths to upstream.api", async () => {
    const seen: string[] = [];
    const api = await startServer((req, res) => {
      seen.push(`api ${req.url}`);
      res.end("{}");
    });
    const app = await startServer((req, res) => {
      seen.push(`app ${req.url}`);
      res.end("{}");
    });
    const exporter = await startExporter({ config: testConfig({ api: api.url, app: app.url }, keys, noProbe), logger: captureLogger().logger });
    try {
      await (await fetch(`${exporter.gatewayUrl}/api/templates/email?page=2`)).text();
      await (await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields?x=1`)).text();
      expect(seen).toEqual(["app /api/templates/email?page=2", "api /public/v1/custom-fields?x=1"]);
    } finally {
      await exporter.close();
      await Promise.all([api.close(), app.close()]);
    }
  });

  it("answers 502 with the error envelope when the upstream is unreachable, and counts a network error", async () => {
    const gone = await startServer(() => undefined);
    await gone.close(); // a port nothing listens on any more
    const exporter = await startExporter({ config: testConfig(gone.url, keys, noProbe), logger: captureLogger().logger });
    try {
      const res = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } });
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: { code: "bad_gateway", message: "The Minimo API could not be reached through the exporter gateway" } });
      const text = await scrape(exporter);
      expect(sample(text, "minimo_api_request_errors_total", { key: "production", operation: "/public/v1/custom-fields", reason: "network" })).toBe(1);
    } finally {
      await exporter.close();
    }
  });
});

describe("metrics server", () => {
  it("serves /healthz, /readyz, 404 and 405, and shares concurrent scrapes", async () => {
    const exporter = await startExporter({ config: testConfig("http://127.0.0.1:9", keys, noProbe), logger: captureLogger().logger });
    const base = exporter.metricsUrl.replace(/\/metrics$/, "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
    const scrapes = await Promise.all(Array.from({ length: 4 }, () => scrape(exporter)));
    expect(new Set(scrapes.map((t) => t.includes("minimo_exporter_build_info{version=")))).toEqual(new Set([true]));
    await exporter.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
