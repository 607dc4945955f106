import { describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { createMinimoMetrics } from "../src/index.js";
import { samples, seriesCount } from "./helpers/exposition.js";

const headers = new Headers({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "50", "X-RateLimit-Reset": "1795781100" });

describe("bounded series", () => {
  it("10,000 distinct unconfigured keys add no series beyond the one unknown label", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production"] });
    const record = (key: string, status: number) =>
      metrics.recordResponse({ key, operation: "/public/v1/custom-fields", method: "GET", status, headers, durationSeconds: 0.02, startedAt: 1 });
    record("warm-up", 200);
    record("warm-up", 401);
    metrics.recordError({ key: "warm-up", operation: "/public/v1/custom-fields", method: "GET", reason: "timeout" });
    metrics.recordRetry({ key: "warm-up", operation: "/public/v1/custom-fields" });
    const before = await seriesCount(registry);

    for (let i = 0; i < 10_000; i++) {
      const key = `tenant-${i}`;
      record(key, i % 2 === 0 ? 200 : 401);
      metrics.recordError({ key, operation: "/public/v1/custom-fields", method: "GET", reason: "timeout" });
      metrics.recordRetry({ key, operation: "/public/v1/custom-fields" });
    }

    expect(await seriesCount(registry)).toBe(before);
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([
      'minimo_api_requests_total{key="unknown",operation="/public/v1/custom-fields",method="GET",code="200"} 5001',
      'minimo_api_requests_total{key="unknown",operation="/public/v1/custom-fields",method="GET",code="401"} 5001',
    ]);
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual([
      'minimo_api_unauthorized_total{key="production"} 0',
      'minimo_api_unauthorized_total{key="unknown"} 5001',
    ]);
    expect(await samples(registry, "minimo_api_retries_total")).toEqual(['minimo_api_retries_total{key="unknown",operation="/public/v1/custom-fields"} 10001']);
  });

  it("raw paths and URLs become the route template, or 'unmatched'; odd methods and statuses are folded", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production"] });
    const record = (operation: string | undefined, method: string, status = 200) =>
      metrics.recordResponse({ key: "production", operation, method, status, headers: new Headers(), durationSeconds: 0.01 });
    record("/public/v1/contacts/12345", "put");
    record("https://api.minimo.it/public/v1/contacts/by-email/a%40b.c?x=1", "GET");
    for (let i = 0; i < 100; i++) record(`/nope/${i}`, "GET");
    record(undefined, "GET");
    record("/public/v1/custom-fields", "BREW");
    record("/public/v1/custom-fields", "GET", 999);
    record("/public/v1/custom-fields", "GET", 12.5);
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([
      'minimo_api_requests_total{key="production",operation="/public/v1/contacts/{id}",method="PUT",code="200"} 1',
      'minimo_api_requests_total{key="production",operation="/public/v1/contacts/by-email/{email}",method="GET",code="200"} 1',
      'minimo_api_requests_total{key="production",operation="unmatched",method="GET",code="200"} 101',
      'minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="OTHER",code="200"} 1',
      'minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="other"} 2',
    ]);
    const text = await registry.metrics();
    expect(text).not.toContain("12345");
    expect(text).not.toContain("a%40b.c");
  });

  it("forgetKey drops every series that carries the alias, and later records count as unknown", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production", "retired"], perKeyDuration: true });
    for (const key of ["production", "retired"]) {
      metrics.recordResponse({ key, operation: "/public/v1/custom-fields", method: "GET", status: 429, headers, durationSeconds: 0.1, startedAt: 1 });
      metrics.recordResponse({ key, operation: "/public/v1/emails", method: "POST", status: 403, headers, durationSeconds: 0.1, startedAt: 2 });
      metrics.recordError({ key, operation: "/public/v1/emails", method: "POST", reason: "network" });
      metrics.recordRetry({ key, operation: "/public/v1/custom-fields" });
    }
    expect(await registry.metrics()).toContain('key="retired"');

    metrics.forgetKey("retired");
    const text = await registry.metrics();
    expect(text).not.toContain('key="retired"');
    expect(text).toContain('minimo_api_rate_limited_total{key="production"} 1');
    expect(text).toContain('minimo_api_request_duration_seconds_count{key="production",operation="/public/v1/emails",method="POST"} 1');
    expect(text).toContain('minimo_api_rate_limit_remaining{key="production"} 50');

    expect(metrics.keyLabel("retired")).toBe("unknown");
    metrics.recordResponse({ key: "retired", operation: "/public/v1/emails", method: "POST", status: 401, headers, durationSeconds: 0.1 });
    expect(await registry.metrics()).not.toContain('key="retired"');
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual([
      'minimo_api_unauthorized_total{key="production"} 0',
      'minimo_api_unauthorized_total{key="unknown"} 1',
    ]);
  });

  it("an alias added again after forgetKey starts from zero", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production"] });
    metrics.recordResponse({ key: "production", operation: "/public/v1/custom-fields", method: "GET", status: 401, headers, durationSeconds: 0.1, startedAt: 100 });
    await registry.metrics();
    metrics.forgetKey("production");
    metrics.addKey("production");
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual(['minimo_api_unauthorized_total{key="production"} 0']);
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual([]);
    // The ordering guard restarts too: an older startedAt is accepted for the new key.
    metrics.recordResponse({ key: "production", operation: "/public/v1/custom-fields", method: "GET", status: 200, headers, durationSeconds: 0.1, startedAt: 1 });
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual(['minimo_api_rate_limit_remaining{key="production"} 50']);
  });

  it("pre-creates the 401/403/429 counters at 0 for keys given at creation and by addKey", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["a", "b", "a"] });
    metrics.addKey("c");
    metrics.addKey("c");
    for (const family of ["minimo_api_unauthorized_total", "minimo_api_forbidden_total", "minimo_api_rate_limited_total"]) {
      expect(await samples(registry, family)).toEqual([`${family}{key="a"} 0`, `${family}{key="b"} 0`, `${family}{key="c"} 0`]);
    }
  });

  it("buffered durations are all observed: exact count, sum and buckets past the buffer size", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production"] });
    for (let i = 0; i < 1000; i++) {
      metrics.recordResponse({ key: "production", operation: "/public/v1/emails", method: "POST", status: 200, headers, durationSeconds: i < 600 ? 0.02 : 0.2 });
    }
    const text = await registry.metrics();
    const series = '{operation="/public/v1/emails",method="POST"}';
    expect(text).toContain(`minimo_api_request_duration_seconds_count${series} 1000`);
    const sum = Number(
      text
        .split("\n")
        .find((l) => l.startsWith(`minimo_api_request_duration_seconds_sum${series}`))
        ?.split(" ")[1],
    );
    expect(sum).toBeCloseTo(600 * 0.02 + 400 * 0.2, 9);
    expect(text).toContain('minimo_api_request_duration_seconds_bucket{le="0.025",operation="/public/v1/emails",method="POST"} 600');
    expect(text).toContain('minimo_api_request_duration_seconds_bucket{le="0.25",operation="/public/v1/emails",method="POST"} 1000');
  });

  it("forgetKey drops durations still buffered for a keyed series", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["retired"], perKeyDuration: true });
    metrics.recordResponse({ key: "retired", operation: "/public/v1/emails", method: "POST", status: 200, headers, durationSeconds: 0.1 });
    metrics.forgetKey("retired");
    expect(await registry.metrics()).not.toContain("retired");
  });

  it("per-key durations are opt-in per alias", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["big", "small"], perKeyDuration: ["big"] });
    for (const key of ["big", "small", "stranger"]) {
      metrics.recordResponse({ key, operation: "/public/v1/custom-fields", method: "GET", status: 200, headers, durationSeconds: 0.3 });
    }
    expect(await samples(registry, "minimo_api_request_duration_seconds_count")).toEqual([
      'minimo_api_request_duration_seconds_count{key="big",operation="/public/v1/custom-fields",method="GET"} 1',
      'minimo_api_request_duration_seconds_count{operation="/public/v1/custom-fields",method="GET"} 2',
    ]);
    const defaults = new Registry();
    const plain = createMinimoMetrics({ registry: defaults, keys: ["big"] });
    plain.recordResponse({ key: "big", operation: "/public/v1/custom-fields", method: "GET", status: 200, headers, durationSeconds: 0.3 });
    expect(await samples(defaults, "minimo_api_request_duration_seconds_count")).toEqual([
      'minimo_api_request_duration_seconds_count{operation="/public/v1/custom-fields",method="GET"} 1',
    ]);
  });
});

describe("no secrets in labels", () => {
  const SECRET_KEY = "mn-acme42-CANARYs3cr3tV4lue";

  it.each([
    ["the API key itself", SECRET_KEY],
    ["a name that embeds the API key", `prod ${SECRET_KEY}`],
  ])("rejects %s as an alias, without echoing it", (_name, alias) => {
    const metrics = createMinimoMetrics({ registry: new Registry() });
    for (const attempt of [
      () => metrics.addKey(alias),
      () => metrics.observer(alias),
      () => metrics.middleware(alias),
      () => createMinimoMetrics({ registry: new Registry(), keys: [alias] }),
    ]) {
      let message = "";
      try {
        attempt();
      } catch (error) {
        message = String((error as Error).message);
      }
      expect(message).toMatch(/looks like a Minimo API key/);
      expect(message).not.toContain("CANARY");
      expect(message).not.toContain("acme42");
    }
  });

  it("a key passed where an alias belongs in a record is folded into unknown", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    metrics.recordResponse({ key: SECRET_KEY, operation: "/public/v1/custom-fields", method: "GET", status: 401, headers, durationSeconds: 0.1 });
    metrics.recordError({ key: SECRET_KEY, operation: "/public/v1/custom-fields", method: "GET", reason: "timeout" });
    const text = await registry.metrics();
    expect(text).not.toContain("CANARY");
    expect(text).toContain('minimo_api_unauthorized_total{key="unknown"} 1');
  });

  it.each([
    ["", /is empty/],
    [" padded", /whitespace/],
    ["x".repeat(129), /longer than 128/],
    ["tab\there", /control characters/],
    ["unknown", /must differ from unknownKeyLabel/],
  ])("rejects the unusable alias %j", (alias, message) => {
    const metrics = createMinimoMetrics({ registry: new Registry() });
    expect(() => metrics.addKey(alias)).toThrow(message);
  });

  it("requires a registry and never falls back to the global one", () => {
    expect(() => createMinimoMetrics({} as never)).toThrow(/pass \{ registry: new Registry\(\) \}/);
  });
});
