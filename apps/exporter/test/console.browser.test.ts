// The key console in a real browser: Debian's Chromium driven by playwright-core, against the
// `npm start` stack in process (sandbox, exporter, demo traffic; ports 0). After demo traffic the
// page shows every demo key with the right status, non-zero 401/403/429 where the demo causes
// them, drawn sparklines and the revoked key's caller with its User-Agent; filtering works; a
// planted canary secret appears nowhere in the DOM or the API answers.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { demoKeys } from "@minimo/sim";
import { chromium, type Browser, type Page } from "playwright-core";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyFacts } from "../src/console/api.js";
import { consoleRouter } from "../src/console/routes.js";
import { UsageRing } from "../src/console/usage.js";
import { startDemo, type RunningDemo } from "../src/demo/start-demo.js";
import { DEMO_USER_AGENTS } from "../src/demo/traffic.js";
import { captureLogger } from "./helpers.js";
import { requireTool } from "./support/tools.js";

const CHROMIUM = "/usr/bin/chromium";
const available = requireTool(CHROMIUM, { install: "apt-get install chromium", needer: "the console browser test" });

/** A secret that must never surface: sent as a key, inside a User-Agent and in X-Forwarded-For. */
const CANARY = "CANARYzq81secretNEVERshown";
const EXPECTED: Record<string, { status: string; column?: "401" | "403" | "429" | "410" }> = {
  // The demo calls a removed legacy operation with it in its first cycle: 410, counted.
  "demo-full": { status: "ok", column: "410" },
  "demo-readonly": { status: "rejected", column: "403" },
  "demo-expired": { status: "rejected", column: "401" },
  "demo-revoked": { status: "rejected", column: "401" },
  "demo-limited": { status: "rate-limited", column: "429" },
};

describe.skipIf(!available)("key console in Chromium", () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  const log = captureLogger("info");
  const apiAnswers: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({ ports: 0, env: {}, logger: log.logger });
    // The planted canary: a wrong secret for a configured client id, a key-shaped User-Agent.
    for (const authorization of [`Bearer mn-demo04-${CANARY}`, `Bearer mn-zz99-${CANARY}`]) {
      const res = await fetch(`${demo.gatewayUrl}/public/v1/custom-fields`, {
        headers: { authorization, "user-agent": `leaky-script/0.1 token=mn-demo01-${CANARY}`, "x-forwarded-for": CANARY },
      });
      await res.arrayBuffer();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("response", async (res) => {
      if (new URL(res.url()).pathname.startsWith("/api/")) apiAnswers.push(await res.text().catch(() => ""));
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("shows every demo key with its status and its 401/403/429, a sparkline, and the revoked key's caller", async () => {
    // Wait for the traffic to have shown each outcome (the limited key's burst comes in cycle 0):
    // the status and the count behind it. A status alone is not enough: "rate-limited" also
    // means "no budget left", which a slow machine can show before the key's first 429.
    const TOTAL = { "401": "unauthorized", "403": "forbidden", "429": "rateLimited", "410": "gone" } as const;
    type Row = { alias: string; status: string; totals: Record<string, number> };
    const reached = (k: { name: string }, rows: Row[]) => {
      const want = EXPECTED[k.name]!;
      const row = rows.find((r) => r.alias === k.name);
      return row?.status === want.status && (want.column === undefined || (row.totals[TOTAL[want.column]] ?? 0) > 0);
    };
    const until = Date.now() + 45_000;
    for (;;) {
      const body = (await (await fetch(`${demo.consoleUrl}api/keys`)).json()) as { keys: Row[] };
      if (demoKeys.every((k) => reached(k, body.keys))) break;
      if (Date.now() > until) throw new Error(`statuses not reached: ${JSON.stringify(body.keys.map((k) => [k.alias, k.status, k.totals]))}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.goto(demo.consoleUrl);
    await page.locator('#callers table[data-alias="demo-revoked"]').waitFor({ timeout: 15_000 });

    for (const [alias, want] of Object.entries(EXPECTED)) {
      const row = page.locator(`#rows tr[data-alias="${alias}"]`);
      await expect.poll(() => row.locator(".badge").textContent(), { timeout: 10_000 }).toBe(want.status);
      if (want.column) expect(Number((await row.locator(`td[data-col="${want.column}"]`).textContent())!.replace(/,/g, ""))).toBeGreaterThan(0);
    }
    expect(await page.locator('#rows tr[data-alias="demo-full"] td[data-col="401"]').textContent()).toBe("0");
    expect(await page.locator('#rows tr[data-alias="demo-expired"]').textContent()).toContain("expired");

    // The requests sparkline of the busiest key is drawn: a polyline with a point above the baseline.
    const points = await page.locator('#rows tr[data-alias="demo-full"] svg.spark polyline.req').getAttribute("points");
    const ys = points!.split(" ").map((p) => Number(p.split(",")[1]));
    expect(ys).toHaveLength(60);
    expect(Math.min(...ys)).toBeLessThan(24);
    expect(await page.locator('#rows tr[data-alias="demo-revoked"] svg.spark title').nth(1).textContent()).toMatch(/[1-9]\d* 401/);

    const revoked = page.locator('#callers table[data-alias="demo-revoked"]');
    expect(await revoked.locator("tbody tr").first().textContent()).toContain(DEMO_USER_AGENTS["demo-revoked"]);
    expect(await revoked.locator("tbody tr").first().textContent()).toContain("127.0.0.1");
    // The wrong secret for the revoked key's client id shows under `unknown`, with that client id.
    expect(await page.locator('#callers table[data-alias="unknown"]').textContent()).toContain("demo04");
    expect(pageErrors).toEqual([]);
  });

  it("shows the keys in a headless screenshot's first paint, and without JavaScript", async () => {
    // What `chromium --headless --screenshot` captures: the DOM at load, before any fetch returns.
    // Asynchronous: the console answers from this very process.
    const dump = await promisify(execFile)(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--dump-dom", demo.consoleUrl], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(dump.stdout, dump.stderr).toContain('<tr data-alias="demo-full"');
    expect(dump.stdout).not.toContain("Loading the keys");
    expect(dump.stdout).toMatch(/<p id="summary" role="status">\d+ keys: /);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(demo.consoleUrl);
    expect(await still.locator("#rows tr").count()).toBe(demoKeys.length + 1); // and `unknown`
    expect(await still.locator('#rows tr[data-alias="demo-revoked"] .badge').textContent()).toBe("rejected");
    await context.close();
  });

  it("filters by text and by status", async () => {
    await page.fill("#filter", "revoked");
    await expect.poll(() => page.locator("#rows tr").count()).toBe(1);
    expect(await page.locator("#rows tr").getAttribute("data-alias")).toBe("demo-revoked");
    await page.fill("#filter", "");
    await page.selectOption("#status-filter", "rejected");
    // The three demo keys built to be rejected, and the `unknown` row of the canary's wrong keys.
    await expect.poll(() => page.locator("#rows tr").count()).toBe(4);
    expect(await page.locator("#rows tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")))).toEqual(["rejected", "rejected", "rejected", "rejected"]);
    expect(await page.locator("#rows tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-alias")).sort())).toEqual([
      "demo-expired",
      "demo-readonly",
      "demo-revoked",
      "unknown",
    ]);
    await page.selectOption("#status-filter", "");
    await page.fill("#filter", "no-such-key");
    await expect.poll(() => page.locator("#empty").isVisible()).toBe(true);
    await page.fill("#filter", "");
    // Sorting by the 429 column puts the limited key first.
    await page.click('th[data-sort="rateLimited"] button');
    expect(await page.locator("#rows tr").first().getAttribute("data-alias")).toBe("demo-limited");
    expect(await page.locator('th[data-sort="rateLimited"]').getAttribute("aria-sort")).toBe("ascending");
  });

  it("shows Budget, Expiry and Probe at 1,024 px wide without a horizontal scrollbar", async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await narrow.goto(demo.consoleUrl);
    await narrow.locator('#callers table[data-alias="demo-revoked"]').waitFor({ timeout: 15_000 });
    const m = await narrow.evaluate(() => {
      const wrap = document.querySelector(".table-wrap")!;
      const right = (el: Element) => Math.ceil(el.getBoundingClientRect().right);
      const cols = [...document.querySelectorAll("#keys thead th")].map((th) => th.textContent ?? "");
      const at = (name: string) => cols.findIndex((c) => c === name) + 1;
      return {
        wrap: { scroll: wrap.scrollWidth, client: wrap.clientWidth },
        page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
        rights: ["Budget", "Expiry", "Probe"].map((name) => ({
          name,
          at: at(name),
          head: right(document.querySelector(`#keys thead th:nth-child(${at(name)})`)!),
          cells: Math.max(...[...document.querySelectorAll(`#rows tr > :nth-child(${at(name)})`)].map(right)),
        })),
      };
    });
    expect(m.wrap.scroll, JSON.stringify(m)).toBeLessThanOrEqual(m.wrap.client);
    expect(m.page.scroll, JSON.stringify(m)).toBeLessThanOrEqual(m.page.client);
    for (const c of m.rights) {
      expect(c.at, c.name).toBeGreaterThan(0);
      expect(c.head, c.name).toBeLessThanOrEqual(1024);
      expect(c.cells, c.name).toBeLessThanOrEqual(1024);
    }
    await narrow.close();
  });

  it("never shows the canary or a demo key's secret in the DOM, the API answers or the log", async () => {
    const dom = await page.content();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, the text a user sees, not the DOM property
    const text = await page.locator("body").innerText();
    expect(apiAnswers.length).toBeGreaterThan(1);
    const secrets = [CANARY, ...demoKeys.map((k) => k.key.slice(k.key.indexOf("-", 3) + 1))];
    for (const where of [dom, text, ...apiAnswers, log.lines.join("\n")]) {
      for (const secret of secrets) expect(where).not.toContain(secret);
    }
    // The revoked key's caller was logged at info once, however many requests it made.
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.alias === "demo-revoked" && l.level === 30)).toHaveLength(1);
  });
});

describe.skipIf(!available)("key console at 500 keys", () => {
  let server: Server;
  let browser: Browser;
  let facts: KeyFacts[];

  beforeAll(async () => {
    const usage = new UsageRing();
    facts = Array.from({ length: 500 }, (_, i) => ({
      alias: `tenant-${String(i).padStart(3, "0")}`,
      clientId: `c${i}`,
      ...(i % 50 === 0 ? { expiresAt: Math.floor(Date.now() / 1000) + 3 * 86400 } : {}),
      probe: { state: i % 7 === 0 ? "disabled" : "up" },
      budget: { limit: 120, remaining: 120 - (i % 120), resetAt: Math.floor(Date.now() / 1000) + 40 },
    }));
    // An idle key whose window reset 50 s ago, and one whose window resets soon (set by its test).
    facts[1]!.budget = { limit: 120, remaining: 0, resetAt: Date.now() / 1000 - 50 };
    facts[2]!.budget = { limit: 120, remaining: 7, resetAt: Date.now() / 1000 + 3 };
    usage.setKeys(facts.map((f) => f.alias));
    facts.forEach((f, i) => {
      for (let n = 0; n < i % 13; n++) usage.recordResponse(f.alias, 200);
      if (i % 100 === 3) usage.recordResponse(f.alias, 401);
    });
    const app = express().use(consoleRouter({ keys: async () => facts, usage, callers: { table: () => undefined }, version: "test" }, captureLogger("silent").logger));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it("renders every row, sorts the rejected first, and filters down to one", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect.poll(() => page.locator("#rows tr").count(), { timeout: 15_000 }).toBe(500);
    expect(await page.locator("#summary").textContent()).toMatch(/^500 keys: 5 rejected, \d+ expiring, \d+ ok/);
    expect(await page.locator("#rows tr").first().getAttribute("data-status")).toBe("rejected");
    await page.fill("#filter", "tenant-042");
    await expect.poll(() => page.locator("#rows tr").count()).toBe(1);
    await page.fill("#filter", "");
    await page.selectOption("#status-filter", "expiring");
    await expect.poll(() => page.locator("#rows tr").count()).toBe(10);
    await page.close();
  });

  it("shows a window that has reset as reset, never a negative countdown", async () => {
    facts[2]!.budget.resetAt = Date.now() / 1000 + 30;
    const page = await browser.newPage();
    // The page's clock, so the countdown can pass the reset without waiting for it.
    await page.clock.install();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const budget = (alias: string) => page.locator(`#rows tr[data-alias="${alias}"] .budget-text`).textContent();
    expect(await budget("tenant-001")).toBe("120 / 120 left · window reset");
    await expect.poll(() => page.locator("#rows tr").count(), { timeout: 15_000 }).toBe(500);
    await page.uncheck("#auto");
    expect(await budget("tenant-002")).toMatch(/^7 \/ 120 left · resets in \d+ s$/);
    // Past the reset time, before any refresh asks the API again.
    await page.clock.fastForward(40_000);
    await expect.poll(() => budget("tenant-002"), { timeout: 5_000 }).toBe("7 / 120 left · window reset");
    expect(await page.locator("#rows").textContent()).not.toMatch(/-\d+ s/);
    await page.close();
  });
});

describe.skipIf(!available)("key console with a long unbroken User-Agent", () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    const usage = new UsageRing();
    usage.setKeys(["old"]);
    for (let n = 0; n < 3; n++) usage.recordResponse("old", 401);
    const now = new Date().toISOString();
    // The longest User-Agent the tracker keeps (200 characters), with no place to break.
    const table = {
      alias: "old",
      capacity: 20,
      evictions: 0,
      callers: [
        {
          address: "203.0.113.9",
          userAgent: "A".repeat(200),
          count: 12345,
          countError: 0,
          unauthorized: 12345,
          forbidden: 0,
          lastOperation: "/public/v1/custom-fields",
          firstSeen: now,
          lastSeen: now,
        },
      ],
    };
    const facts: KeyFacts[] = [{ alias: "old", clientId: "c1", probe: { state: "disabled" }, budget: {} }];
    const source = { keys: async () => facts, usage, callers: { table: (alias: string) => (alias === "old" ? table : undefined) }, version: "test" };
    const app = express().use(consoleRouter(source, captureLogger("silent").logger));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it("wraps it inside the page, so the callers table and its counts stay on screen at 1280 px", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const callers = page.locator('#callers table[data-alias="old"]');
    await expect.poll(() => callers.count(), { timeout: 15_000 }).toBe(1);
    const viewport = await page.evaluate(() => document.documentElement.clientWidth);
    const box = await callers.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport);
    const count = callers.locator("tbody td.num").first();
    expect(await count.textContent()).toMatch(/12[,.\u202f\u00a0]?345/);
    const countBox = await count.boundingBox();
    expect(countBox!.x + countBox!.width).toBeLessThanOrEqual(viewport);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport);
    await page.close();
  });
});
