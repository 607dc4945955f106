import createClient from "openapi-fetch";
import { Registry } from "prom-client";
import type { paths } from "@minimo/client";
import { createMinimoMetrics } from "../src/index.js";
const MOCK_BODY = JSON.stringify({ data: [{ id: "cf_1", name: "plan", type: "string" }] });
let rem = 1e9;
const mockFetch = async (): Promise<Response> => new Response(MOCK_BODY, { status: 200, headers: { "content-type": "application/json",
  "x-ratelimit-limit": "1000000000", "x-ratelimit-remaining": String(--rem), "x-ratelimit-reset": "1795781100" } });
const [mode, nArg] = process.argv.slice(2);
const metrics = createMinimoMetrics({ registry: new Registry() });
const c = createClient<paths>({ baseUrl: "http://127.0.0.1:1", fetch: mockFetch });
if (mode === "noop") c.use({ onRequest() {}, onResponse() {}, onError() {} });
if (mode === "inst") c.use(metrics.middleware("m"));
for (let i = 0; i < 1000; i++) await c.GET("/public/v1/custom-fields");
for (let i = 0; i < Number(nArg); i++) await c.GET("/public/v1/custom-fields");
