import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Registry } from "prom-client";
import { createMinimoMetrics, type MinimoMetrics } from "../src/index.js";
import { PENDING_RESPONSES } from "../src/store/budget-table.js";
import { samples } from "./helpers/exposition.js";

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const OP = "/public/v1/contacts/{id}";

let registry: Registry;
let metrics: MinimoMetrics;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  registry = new Registry();
  metrics = createMinimoMetrics({ registry, keys: ["production"] });
});
afterEach(() => vi.useRealTimers());

// `null` stands for a record without any alias (undefined would pick the default parameter).
function respond(startedAt: number, headers: Record<string, string>, key: string | null = "production", status = 200): void {
  metrics.recordResponse({ key: key ?? undefined, operation: OP, method: "GET", status, headers: new Headers(headers), durationSeconds: 0.01, startedAt });
}

async function gauges(): Promise<Record<string, string | undefined>> {
  const one = async (name: string) => (await samples(registry, name)).map((l) => l.split(" ")[1]).join(",") || undefined;
  return {
    limit: await one("minimo_api_rate_limit_limit"),
    remaining: await one("minimo_api_rate_limit_remaining"),
    reset: await one("minimo_api_rate_limit_reset_timestamp_seconds"),
    updated: await one("minimo_api_rate_limit_updated_timestamp_seconds"),
  };
}

const budget = (remaining: number, reset = 1795781100) => ({
  "X-RateLimit-Limit": "100",
  "X-RateLimit-Remaining": String(remaining),
  "X-RateLimit-Reset": String(reset),
});

describe("rate-limit gauges", () => {
  it("exports no gauge for a key before a response carried the headers (never a fake zero)", async () => {
    respond(1, {});
    expect(await gauges()).toEqual({ limit: undefined, remaining: undefined, reset: undefined, updated: undefined });
  });

  it("a response that started before the newest applied one does not overwrite the gauges", async () => {
    respond(20, budget(40, 1795781200)); // the newer request finishes first
    vi.setSystemTime(NOW + 5_000);
    respond(10, budget(41, 1795781100)); // the older one arrives late
    expect(await gauges()).toEqual({ limit: "100", remaining: "40", reset: "1795781200", updated: String(NOW / 1000) });
    respond(30, budget(39));
    expect(await gauges()).toMatchObject({ remaining: "39", updated: String(NOW / 1000 + 5) });
  });

  it("orders per key: an old response of one key is applied after a newer one of another key", async () => {
    metrics.addKey("staging");
    respond(50, budget(10), "production");
    respond(5, budget(70), "staging");
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual([
      'minimo_api_rate_limit_remaining{key="production"} 10',
      'minimo_api_rate_limit_remaining{key="staging"} 70',
    ]);
  });

  it.each([
    ["garbage", { "X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "12abc", "X-RateLimit-Reset": "soon" }],
    ["negative", { "X-RateLimit-Limit": "-100", "X-RateLimit-Remaining": "-1", "X-RateLimit-Reset": "-60" }],
    ["huge", { "X-RateLimit-Limit": "1e400", "X-RateLimit-Remaining": "99999999999999999999999", "X-RateLimit-Reset": "9".repeat(400) }],
    ["empty", { "X-RateLimit-Limit": "", "X-RateLimit-Remaining": " ", "X-RateLimit-Reset": "" }],
    ["NaN and Infinity", { "X-RateLimit-Limit": "NaN", "X-RateLimit-Remaining": "Infinity", "X-RateLimit-Reset": "-Infinity" }],
    ["absent", {}],
  ])("%s header values leave the gauges as they were", async (_name, headers) => {
    respond(1, budget(42));
    const before = await gauges();
    vi.setSystemTime(NOW + 60_000);
    respond(2, headers);
    expect(await gauges()).toEqual(before);
    expect(before).toEqual({ limit: "100", remaining: "42", reset: "1795781100", updated: String(NOW / 1000) });
  });

  it("a response with no usable header does not advance the ordering guard", async () => {
    respond(10, {});
    expect(await gauges()).toMatchObject({ remaining: undefined });
    respond(5, budget(7));
    expect(await gauges()).toMatchObject({ remaining: "7" });
  });

  it("between two scrapes the newest-started response wins, whatever the arrival order", async () => {
    respond(3, budget(30));
    respond(1, budget(10));
    respond(2, budget(20));
    expect(await gauges()).toMatchObject({ remaining: "30" });
    respond(4, budget(29));
    respond(6, budget(27));
    respond(5, budget(28));
    expect(await gauges()).toMatchObject({ remaining: "27" });
    respond(5.5, budget(99)); // sent before the newest applied one (6)
    expect(await gauges()).toMatchObject({ remaining: "27" });
  });

  it("a newer response without headers does not hide an older one's budget", async () => {
    respond(1, budget(42));
    for (let i = 2; i < 2 + PENDING_RESPONSES - 1; i++) respond(i, {}, "production", 200);
    expect(await gauges()).toMatchObject({ remaining: "42" });
  });

  it("keeps only the newest responses between scrapes, so memory per key is bounded", async () => {
    respond(1, budget(42));
    for (let i = 2; i < 2 + PENDING_RESPONSES; i++) respond(i, {}, "production", 200);
    expect(await gauges()).toMatchObject({ remaining: undefined });
  });

  it("anchors a delta-seconds reset at the response's arrival, not at the scrape", async () => {
    respond(1, { "X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "60" });
    vi.setSystemTime(NOW + 30_000);
    expect(await gauges()).toEqual({ limit: undefined, remaining: "5", reset: String(NOW / 1000 + 60), updated: String(NOW / 1000) });
  });

  it("applies the valid fields of a partly garbage response and keeps the others", async () => {
    respond(1, budget(42));
    respond(2, { "X-RateLimit-Limit": "junk", "X-RateLimit-Remaining": "41" });
    expect(await gauges()).toMatchObject({ limit: "100", remaining: "41", reset: "1795781100" });
  });

  it.each([403, 404, 410, 422, 429])("reads the budget from a %d answer: the key was accepted before it", async (status) => {
    respond(1, budget(0), "production", status);
    expect(await gauges()).toMatchObject({ limit: "100", remaining: "0" });
  });
});

// What the upstream sends to a request whose key it refused: its anonymous per-IP window.
const ANONYMOUS = { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "1795781160" };
const OWN = { "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "117", "X-RateLimit-Reset": "1795781100" };

describe("budget only from answers in which the key was accepted", () => {
  it("rotation: the old secret's 401s carry the anonymous window (limit 60); the key's gauges keep 120", async () => {
    respond(1, OWN);
    vi.setSystemTime(NOW + 5_000);
    for (let i = 2; i < 6; i++) respond(i, ANONYMOUS, "production", 401);
    expect(await gauges()).toEqual({ limit: "120", remaining: "117", reset: "1795781100", updated: String(NOW / 1000) });
    // ...and the 401s are still counted.
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual(['minimo_api_unauthorized_total{key="production"} 4']);
  });

  it("a 401 before any accepted answer creates no budget series", async () => {
    respond(1, ANONYMOUS, "production", 401);
    expect(await gauges()).toEqual({ limit: undefined, remaining: undefined, reset: undefined, updated: undefined });
  });

  it.each([500, 502, 503, 504])("a %d (may come before authentication) leaves the gauges as they were", async (status) => {
    respond(1, OWN);
    vi.setSystemTime(NOW + 5_000);
    respond(2, ANONYMOUS, "production", status);
    expect(await gauges()).toMatchObject({ limit: "120", remaining: "117", updated: String(NOW / 1000) });
  });

  it("an answer on a route outside the spec (404 before the key was looked at) leaves the gauges as they were", async () => {
    respond(1, OWN);
    metrics.recordResponse({ key: "production", operation: "/public/v1/nope", method: "GET", status: 404, headers: new Headers(ANONYMOUS), durationSeconds: 0.01, startedAt: 2 });
    expect(await gauges()).toMatchObject({ limit: "120", remaining: "117" });
  });

  it("the next accepted answer updates the gauges again", async () => {
    respond(1, OWN);
    respond(2, ANONYMOUS, "production", 401);
    respond(3, { ...OWN, "X-RateLimit-Remaining": "116" });
    expect(await gauges()).toMatchObject({ limit: "120", remaining: "116" });
  });
});

describe("recordBudget (traffic that is not the application's, such as probes)", () => {
  const budgetOf = (status: number, headers: Record<string, string>, startedAt: number, key = "production") =>
    metrics.recordBudget({ key, operation: OP, method: "GET", status, headers: new Headers(headers), startedAt });

  it("applies an accepted answer's headers without counting a request", async () => {
    budgetOf(404, OWN, 1);
    expect(await gauges()).toMatchObject({ limit: "120", remaining: "117" });
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([]);
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual(['minimo_api_unauthorized_total{key="production"} 0']);
    expect((await registry.getSingleMetricAsString("minimo_api_request_duration_seconds")).split("\n").filter((l) => !l.startsWith("#") && l)).toEqual([]);
  });

  it("follows the same rule: a 401 or 5xx is not applied", async () => {
    budgetOf(200, OWN, 1);
    budgetOf(401, ANONYMOUS, 2);
    budgetOf(503, ANONYMOUS, 3);
    expect(await gauges()).toMatchObject({ limit: "120", remaining: "117" });
  });

  it("is ordered with the application's responses by send time", async () => {
    respond(5, { ...OWN, "X-RateLimit-Remaining": "100" });
    budgetOf(200, OWN, 4); // sent before the app's response: older news
    expect(await gauges()).toMatchObject({ remaining: "100" });
  });

  it("ignores an unconfigured key", async () => {
    budgetOf(200, OWN, 1, "someone-else");
    expect(await gauges()).toEqual({ limit: undefined, remaining: undefined, reset: undefined, updated: undefined });
  });

  it("keeps no gauges for unconfigured keys: they share one label and would overwrite each other", async () => {
    respond(1, budget(5), "key-a");
    respond(2, budget(90), "key-b");
    respond(3, budget(5), null);
    expect(await gauges()).toEqual({ limit: undefined, remaining: undefined, reset: undefined, updated: undefined });
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([`minimo_api_requests_total{key="unknown",operation="${OP}",method="GET",code="200"} 3`]);
  });
});
