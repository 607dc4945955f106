import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Registry } from "prom-client";
import { createMinimoClient } from "@minimo/client";
import { createMinimoMetrics, renderMetrics } from "../src/index.js";
import { startScriptedServer, type ScriptedServer } from "./helpers/scripted-server.js";
import { samples, stableExposition } from "./helpers/exposition.js";

// A canary: shaped like a real key, and asserted to appear nowhere in the exposition.
const API_KEY = "mn-acme42-CANARYs3cr3tV4lue_do_not_leak";
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0); // 1795780800 s
const RESET = "1795781100";

const UNAUTHORIZED_BODY = "";
const FORBIDDEN_BODY = JSON.stringify({ error: { code: "forbidden", message: "This API key does not have permission to access this resource" } });
const RATE_LIMITED_BODY = JSON.stringify({ error: { code: "rate_limit_exceeded", message: "Rate limit exceeded. Please retry after 60 seconds.", retry_after: 60 } });

let server: ScriptedServer;
beforeEach(async () => {
  // Only Date is faked (rate-limit "updated" timestamps); timers and sockets stay real.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  server = await startScriptedServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

describe("golden /metrics for a scripted sequence through createMinimoClient", () => {
  it("200, empty-body 401, 403, 429 with headers, a 401 with the anonymous window, then a timeout that is retried once", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production", "staging"] });
    const client = createMinimoClient({ apiKey: API_KEY, baseUrl: server.url, retry: false, observe: metrics.observer("production") });
    const budget = (remaining: string) => ({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": RESET });
    server.script = [
      { status: 200, headers: budget("97"), body: JSON.stringify({ success: true }) },
      { status: 401, body: UNAUTHORIZED_BODY },
      { status: 403, headers: budget("96"), body: FORBIDDEN_BODY },
      { status: 429, headers: { ...budget("0"), "Retry-After": "60" }, body: RATE_LIMITED_BODY },
      // A refused key (rotated secret) is answered with the anonymous per-IP window: not its budget.
      { status: 401, headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "1795781160" }, body: UNAUTHORIZED_BODY },
      { hang: true },
      { hang: true },
    ];

    const ok = await client.GET("/public/v1/contacts/by-email/{email}", { params: { path: { email: "john@example.com" } } });
    expect(ok.response.status).toBe(200);
    const unauthorized = await client.POST("/public/v1/contacts", { body: { email: "john@example.com" } as never });
    // openapi-fetch gives no error object for an empty body: the metrics must still count the 401.
    expect(unauthorized.response.status).toBe(401);
    expect(unauthorized.error).toBeUndefined();
    const forbidden = await client.POST("/public/v1/emails", { body: {} as never });
    expect(forbidden.response.status).toBe(403);
    const limited = await client.GET("/public/v1/custom-fields");
    expect(limited.response.status).toBe(429);
    const refused = await client.GET("/public/v1/custom-fields");
    expect(refused.response.status).toBe(401);

    const slow = createMinimoClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      timeoutMs: 150,
      retry: { attempts: 2, sleep: async () => undefined },
      observe: metrics.observer("production"),
    });
    await expect(slow.GET("/public/v1/templates/whatsapp")).rejects.toMatchObject({ name: "TimeoutError" });
    // An unconfigured alias is folded into "unknown", never exported as given.
    metrics.recordResponse({ key: "someone-else", operation: "/public/v1/custom-fields", method: "get", status: 200, headers: new Headers(), durationSeconds: 0.01 });

    expect(server.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      "GET /public/v1/contacts/by-email/john%40example.com",
      "POST /public/v1/contacts",
      "POST /public/v1/emails",
      "GET /public/v1/custom-fields",
      "GET /public/v1/custom-fields",
      "GET /public/v1/templates/whatsapp",
      "GET /public/v1/templates/whatsapp",
    ]);
    const text = await stableExposition(registry);
    expect(text).not.toContain("CANARY");
    expect(text).not.toContain("acme42");
    expect(text).not.toContain("john");
    await expect(text).toMatchFileSnapshot("./golden/client-sequence.prom");
    // The exporter's fast path (serialized from the store) writes the very same bytes, buckets and sums included.
    expect(await renderMetrics(registry)).toBe(await registry.metrics());
  });

  it("is one line for an app: observe: metrics.observer(alias) shows every per-key family with the alias as key", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    server.script = [{ status: 200, headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "30" } }];

    const client = createMinimoClient({ apiKey: API_KEY, baseUrl: server.url, observe: metrics.observer("production") });
    await client.GET("/public/v1/custom-fields");

    const text = await registry.metrics();
    for (const family of ["minimo_api_unauthorized_total", "minimo_api_forbidden_total", "minimo_api_rate_limited_total"]) {
      expect(await samples(registry, family)).toEqual([`${family}{key="production"} 0`]);
    }
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([
      'minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="200"} 1',
    ]);
    expect(await samples(registry, "minimo_api_rate_limit_limit")).toEqual(['minimo_api_rate_limit_limit{key="production"} 60']);
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual(['minimo_api_rate_limit_remaining{key="production"} 59']);
    // A delta-seconds reset is turned into an epoch timestamp by readRateLimit.
    expect(await samples(registry, "minimo_api_rate_limit_reset_timestamp_seconds")).toEqual([
      `minimo_api_rate_limit_reset_timestamp_seconds{key="production"} ${NOW / 1000 + 30}`,
    ]);
    expect(await samples(registry, "minimo_api_rate_limit_updated_timestamp_seconds")).toEqual([`minimo_api_rate_limit_updated_timestamp_seconds{key="production"} ${NOW / 1000}`]);
    expect(text).toContain('minimo_api_request_duration_seconds_count{operation="/public/v1/custom-fields",method="GET"} 1');
    expect(text).not.toContain("CANARY");
  });

  it("counts every attempt once when the client retries a 429: both responses, one retry", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    server.script = [
      { status: 429, headers: { "Retry-After": "0", "X-RateLimit-Remaining": "0" }, body: RATE_LIMITED_BODY },
      { status: 200, headers: { "X-RateLimit-Remaining": "59" }, body: "{}" },
    ];
    const client = createMinimoClient({ apiKey: API_KEY, baseUrl: server.url, retry: { attempts: 3, sleep: async () => undefined }, observe: metrics.observer("production") });
    const { response } = await client.GET("/public/v1/custom-fields");
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(2);
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([
      'minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="429"} 1',
      'minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="200"} 1',
    ]);
    expect(await samples(registry, "minimo_api_retries_total")).toEqual(['minimo_api_retries_total{key="production",operation="/public/v1/custom-fields"} 1']);
    expect(await samples(registry, "minimo_api_rate_limited_total")).toEqual(['minimo_api_rate_limited_total{key="production"} 1']);
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual(['minimo_api_rate_limit_remaining{key="production"} 59']);
  });
});
