// The console's JSON API against a real sandbox: counts equal what was sent through the gateway
// (probes not counted), the callers table, security headers, and the reading of facts.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, type KeyFacts } from "../src/console/api.js";
import { consoleRouter } from "../src/console/routes.js";
import { UsageRing } from "../src/console/usage.js";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";

const keys = [
  { name: "production", key_env: envName("demo-full") },
  { name: "dashboards", key_env: envName("demo-readonly") },
  { name: "old", key_env: envName("demo-revoked"), probe: { operations: [] } },
];

describe("GET /api/keys and /api/keys/{alias}/callers", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  const log = captureLogger("info");
  const api = (path: string) => fetch(exporter.consoleUrl + path.replace(/^\//, ""));

  beforeAll(async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({ config: testConfig(sim.url, keys, { probe: { min_interval_seconds: 0 } }), logger: log.logger });
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("counts exactly what was sent through the gateway, and not the probes", async () => {
    const send = (key: string, method: string, path: string, ua: string, body?: unknown) =>
      fetch(exporter.gatewayUrl + path, {
        method,
        headers: { authorization: `Bearer ${key}`, "user-agent": ua, ...(body ? { "content-type": "application/json" } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.arrayBuffer().then(() => r.status));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await send(DEMO["demo-full"]!, "GET", "/public/v1/custom-fields", "shop/1"));
    for (let i = 0; i < 3; i++) statuses.push(await send(DEMO["demo-readonly"]!, "POST", "/public/v1/custom-fields", "reports/2", { key: "k", displayName: "K", type: "text" }));
    for (let i = 0; i < 4; i++) statuses.push(await send(DEMO["demo-revoked"]!, "GET", "/public/v1/templates/whatsapp", "old-app/3"));
    statuses.push(await send("mn-demo04-ROTATEDawayOLDsecret000000", "GET", "/public/v1/custom-fields", "stale-cron/1"));
    // A removed legacy operation answers 410: /metrics counts it, and so must the console.
    statuses.push(await send(DEMO["demo-full"]!, "POST", "/api/transactionals", "legacy-mailer/1", { uid: "welcome" }));
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.at(-1)).toBe(410);
    // Scrapes run the probes (min interval 0): their calls must not show on the console.
    for (let i = 0; i < 3; i++) await scrape(exporter);

    const res = await api("/api/keys");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      keys: { alias: string; status: string; reasons: string[]; totals: Record<string, number>; probe: { state: string }; callers: number; clientId: string }[];
    };
    const row = (alias: string) => body.keys.find((k) => k.alias === alias)!;
    expect(row("production").totals).toEqual({ requests: 8, unauthorized: 0, forbidden: 0, rateLimited: 0, errors: 0, gone: 1 });
    expect(row("production").reasons).toEqual(["1 × 410 (an operation Minimo removed) in the last 5 min"]);
    expect(await scrape(exporter)).toMatch(/minimo_api_requests_total\{key="production",operation="\/api\/transactionals",method="POST",code="410"\} 1/);
    expect(row("dashboards").totals).toMatchObject({ requests: 3, forbidden: 3 });
    expect(row("old").totals).toMatchObject({ requests: 4, unauthorized: 4 });
    expect(row("unknown").totals).toMatchObject({ requests: 1, unauthorized: 1 });
    expect(row("production").status).toBe("ok");
    expect(row("dashboards").status).toBe("rejected");
    expect(row("old").status).toBe("rejected");
    expect(row("old").probe.state).toBe("disabled");
    expect(row("production").probe.state).toBe("up");
    expect(row("old").callers).toBe(1);

    const callers = (await (await api("/api/keys/old/callers")).json()) as { callers: Record<string, unknown>[] };
    expect(callers.callers).toEqual([
      expect.objectContaining({ address: "127.0.0.1", userAgent: "old-app/3", count: 4, unauthorized: 4, lastOperation: "/public/v1/templates/whatsapp" }),
    ]);
    const unknown = (await (await api("/api/keys/unknown/callers")).json()) as { callers: Record<string, unknown>[] };
    expect(unknown.callers).toEqual([expect.objectContaining({ userAgent: "stale-cron/1", clientId: "demo04", count: 1 })]);

    // One info line for the revoked key's caller, with what on-call needs to find it.
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "new caller with a rejected key");
    expect(lines.filter((l) => l.alias === "old")).toEqual([expect.objectContaining({ level: 30, address: "127.0.0.1", userAgent: "old-app/3", status: 401 })]);
    const everything = JSON.stringify(body) + JSON.stringify(callers) + JSON.stringify(unknown) + log.lines.join("\n");
    for (const secret of [...Object.values(DEMO), "ROTATEDawayOLDsecret000000"]) expect(everything).not.toContain(secret.slice(10));
  });

  it("answers 404 for an alias it does not know, without echoing it", async () => {
    const res = await api("/api/keys/mn-demo01-FAKEfullAccess000000000000/callers");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("FAKEfullAccess");
  });

  it("serves the page and its assets with security headers, and no framework or CDN", async () => {
    const page = await api("/");
    const html = await page.text();
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-powered-by")).toBeNull();
    expect(html).not.toMatch(/https?:\/\//);
    const js = await api("/console.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await js.text()).not.toMatch(/https?:\/\//);
    expect((await api("/console.css")).status).toBe(200);
    expect((await fetch(exporter.metricsUrl, { method: "DELETE" })).headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("apiKeys", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  const source = (facts: KeyFacts[]) => {
    const usage = new UsageRing(() => now);
    usage.setKeys(facts.map((f) => f.alias));
    return { keys: async () => facts, usage, callers: { table: () => undefined }, version: "t" };
  };

  it("shows a budget whose window has reset as full, not the stale 0 / limit", async () => {
    const {
      keys: [k],
    } = await apiKeys(source([{ alias: "a", clientId: "c", probe: { state: "up" }, budget: { limit: 3, remaining: 0, resetAt: now / 1000 - 5 } }]), now);
    expect(k!.budget).toMatchObject({ limit: 3, remaining: 3, windowReset: true, resetAt: null });
    expect(k!.status).toBe("ok");
    const {
      keys: [l],
    } = await apiKeys(source([{ alias: "a", clientId: "c", probe: { state: "up" }, budget: { limit: 3, remaining: 0, resetAt: now / 1000 + 30 } }]), now);
    expect(l!.budget).toMatchObject({ remaining: 0, windowReset: false, resetAt: "2026-12-01T12:00:30.000Z" });
    expect(l!.status).toBe("rate-limited");
  });

  it("shows an expired key's expiry and negative days, and a key without probes as disabled", async () => {
    const {
      keys: [k],
    } = await apiKeys(source([{ alias: "a", clientId: "c", expiresAt: Date.parse("2025-11-27T00:00:00Z") / 1000, probe: { state: "disabled" }, budget: {} }]), now);
    expect(k).toMatchObject({ expiresAt: "2025-11-27T00:00:00.000Z", daysToExpiry: -370, status: "rejected", probe: { state: "disabled" }, budget: null });
  });

  it("reads a 5-minute count as the rate times the seconds counted, not times 300, so a young exporter's reasons are true", async () => {
    let t = now - 20_000;
    const usage = new UsageRing(() => t);
    usage.setKeys(["a"]);
    t = now;
    for (let i = 0; i < 3; i++) usage.recordResponse("a", 401);
    const facts: KeyFacts[] = [{ alias: "a", clientId: "c", probe: { state: "up" }, budget: {} }];
    const {
      keys: [k],
    } = await apiKeys({ keys: async () => facts, usage, callers: { table: () => undefined }, version: "t" }, now);
    expect(k!.rateWindowSeconds.m5).toBe(20);
    expect(k!.rates.m5.unauthorized).toBeCloseTo(3 / 20);
    expect(k!.reasons).toEqual(["3 × 401 in the last 5 min"]);
  });
});

describe("GET / draws the key table on the server", () => {
  const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
  let server: import("node:http").Server;
  let base: string;

  beforeAll(async () => {
    const usage = new UsageRing();
    const facts: KeyFacts[] = [
      { alias: "busy", clientId: "c1", probe: { state: "up" }, budget: { limit: 100, remaining: 40, resetAt: Date.now() / 1000 + 30 } },
      { alias: "idle", clientId: "c2", probe: { state: "disabled" }, budget: { limit: 3, remaining: 0, resetAt: Date.now() / 1000 - 50 } },
      { alias: hostile, clientId: hostile, expiresAt: Date.now() / 1000 - 86_400 * 3, probe: { state: "down" }, budget: {} },
    ];
    usage.setKeys(facts.map((f) => f.alias));
    for (let i = 0; i < 5; i++) usage.recordResponse("busy", 200);
    usage.recordResponse("busy", 410);
    usage.recordResponse(hostile, 401);
    const app = express().use(consoleRouter({ keys: async () => facts, usage, callers: { table: () => undefined }, version: `1.0 ${hostile}` }, captureLogger("silent").logger));
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it("serves every row, most severe first, and the summary, with no script run", async () => {
    const html = await (await fetch(base)).text();
    expect(html).not.toContain("Loading the keys");
    expect(html).toMatch(/<p id="summary" role="status">3 keys: 1 rejected, 2 ok<\/p>/);
    const rows = [...html.matchAll(/<tr data-alias="([^"]*)" data-status="([^"]*)">/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      [hostile.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"), "rejected"],
      ["busy", "ok"],
      ["idle", "ok"],
    ]);
    const busy = html.slice(html.indexOf('<tr data-alias="busy"'), html.indexOf("</tr>", html.indexOf('<tr data-alias="busy"')));
    expect(busy).toContain('<td class="num" data-col="410">1</td>');
    expect(busy).toMatch(/40 \/ 100 left · <span class="reset" data-reset-at="[^"]+">resets in \d+ s<\/span>/);
    const idle = html.slice(html.indexOf('<tr data-alias="idle"'), html.indexOf("</tr>", html.indexOf('<tr data-alias="idle"')));
    expect(idle).toContain('3 / 3 left · <span class="reset">window reset</span>');
    expect(idle).not.toMatch(/-\d+ s/);
  });

  it("escapes every value it draws: a hostile alias, client id or version stays text", async () => {
    const html = await (await fetch(base)).text();
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("alert(1)>");
    expect(html).not.toContain('"><img');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    // The only scripts are the page's own file.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="console.js" defer>']);
  });
});
