import { afterEach, beforeEach, describe, expect, it } from "vitest";
import createClient from "openapi-fetch";
import { Registry } from "prom-client";
import type { paths } from "@minimo/client";
import { createMinimoMetrics, errorReason } from "../src/index.js";
import { startScriptedServer, type ScriptedServer } from "./helpers/scripted-server.js";
import { samples } from "./helpers/exposition.js";

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

describe("middleware for a bare openapi-fetch client", () => {
  it("counts each call once, labelled by schemaPath, with the budget from the headers", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    const client = createClient<paths>({ baseUrl: server.url });
    client.use(metrics.middleware("bare"));
    server.script = [
      { status: 200, headers: { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "9", "X-RateLimit-Reset": "1795781100" }, body: "{}" },
      { status: 429, body: "" },
    ];
    await client.GET("/public/v1/contacts/{id}" as never, { params: { path: { id: "c-123" } } } as never);
    const limited = await client.GET("/public/v1/custom-fields");
    expect(limited.error).toBeUndefined(); // empty body: only the status tells

    expect(await samples(registry, "minimo_api_requests_total")).toEqual([
      'minimo_api_requests_total{key="bare",operation="/public/v1/contacts/{id}",method="GET",code="200"} 1',
      'minimo_api_requests_total{key="bare",operation="/public/v1/custom-fields",method="GET",code="429"} 1',
    ]);
    expect(await samples(registry, "minimo_api_rate_limited_total")).toEqual(['minimo_api_rate_limited_total{key="bare"} 1']);
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual(['minimo_api_rate_limit_remaining{key="bare"} 9']);
    expect(await samples(registry, "minimo_api_request_duration_seconds_count")).toEqual([
      'minimo_api_request_duration_seconds_count{operation="/public/v1/contacts/{id}",method="GET"} 1',
      'minimo_api_request_duration_seconds_count{operation="/public/v1/custom-fields",method="GET"} 1',
    ]);
  });

  it("a lower-case `bearer` scheme refused with the anonymous window (limit 60) leaves the key's budget at its own 120", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    const client = createClient<paths>({ baseUrl: server.url });
    client.use(metrics.middleware("bare"));
    server.script = [
      { status: 200, headers: { "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "119", "X-RateLimit-Reset": "1795781100" }, body: "{}" },
      { status: 401, headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "1795781160" }, body: "" },
    ];
    await client.GET("/public/v1/custom-fields", { headers: { Authorization: "Bearer mn-acme42-s3cr3t" } });
    const refused = await client.GET("/public/v1/custom-fields", { headers: { Authorization: "bearer mn-acme42-s3cr3t" } });
    expect(refused.response.status).toBe(401);
    expect(server.seen.map((s) => s.authorization)).toEqual(["Bearer mn-acme42-s3cr3t", "bearer mn-acme42-s3cr3t"]);
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual(['minimo_api_unauthorized_total{key="bare"} 1']);
    expect(await samples(registry, "minimo_api_rate_limit_limit")).toEqual(['minimo_api_rate_limit_limit{key="bare"} 120']);
    expect(await samples(registry, "minimo_api_rate_limit_remaining")).toEqual(['minimo_api_rate_limit_remaining{key="bare"} 119']);
  });

  it("records a timeout and a refused connection as errors with their reason", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry });
    server.script = [{ hang: true }];
    const client = createClient<paths>({ baseUrl: server.url });
    client.use(metrics.middleware("bare"));
    await expect(client.GET("/public/v1/custom-fields", { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: "TimeoutError" });

    const closed = await startScriptedServer();
    const deadUrl = closed.url;
    await closed.close();
    const dead = createClient<paths>({ baseUrl: deadUrl });
    dead.use(metrics.middleware("bare"));
    await expect(dead.POST("/public/v1/emails", { body: {} as never })).rejects.toThrow();

    expect(await samples(registry, "minimo_api_request_errors_total")).toEqual([
      'minimo_api_request_errors_total{key="bare",operation="/public/v1/custom-fields",method="GET",reason="timeout"} 1',
      'minimo_api_request_errors_total{key="bare",operation="/public/v1/emails",method="POST",reason="network"} 1',
    ]);
    expect(await samples(registry, "minimo_api_requests_total")).toEqual([]);
  });

  it.each([
    [new DOMException("t", "TimeoutError"), "timeout"],
    [new DOMException("a", "AbortError"), "aborted"],
    [new TypeError("fetch failed"), "network"],
    [undefined, "network"],
    ["weird", "network"],
  ])("classifies %s as %s", (error, reason) => {
    expect(errorReason(error)).toBe(reason);
  });
});
