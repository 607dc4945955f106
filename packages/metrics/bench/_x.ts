import createClient from "openapi-fetch";
import { Registry } from "prom-client";
import type { paths } from "@minimo/client";
import { createMinimoMetrics } from "../src/index.js";
const MOCK_BODY = JSON.stringify({ data: [{ id: "cf_1", name: "plan", type: "string" }] });
let mockRemaining = 1e9;
const mockFetch = async (): Promise<Response> =>
  new Response(MOCK_BODY, { status: 200, headers: { "content-type": "application/json",
    "x-ratelimit-limit": "1000000000", "x-ratelimit-remaining": String(--mockRemaining), "x-ratelimit-reset": "1795781100" } });
const mode = process.argv[2] ?? "both";
const metrics = createMinimoMetrics({ registry: new Registry() });
const noop = createClient<paths>({ baseUrl: "http://127.0.0.1:1", fetch: mockFetch });
noop.use({ onRequest() {}, onResponse() {}, onError() {} });
const inst = createClient<paths>({ baseUrl: "http://127.0.0.1:1", fetch: mockFetch });
const key = process.argv[3] === "unknown" ? undefined : "m"; metrics.addKey("m");
if (process.argv[3] === "rawmw") inst.use(metrics.middleware("m"));
else inst.use({ onResponse({ schemaPath, request, response }) { metrics.recordResponse({ key, operation: schemaPath, method: request.method, status: response.status, headers: response.headers, durationSeconds: 0.01 }); } });
async function run(c: typeof noop, n: number) { const c0 = process.cpuUsage(); for (let i = 0; i < n; i++) { const { response } = await c.GET("/public/v1/custom-fields"); if (response.status !== 200) throw 1; } const u = process.cpuUsage(c0); return (u.user + u.system) / n; }
const a: number[] = [], b: number[] = [];
for (let r = 0; r < 12; r++) {
  if (mode !== "inst") a.push(await run(noop, 3000));
  if (mode !== "noop") b.push(await run(inst, 3000));
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor(x.length / 2)]?.toFixed(1);
console.log(mode, "noop", med(a), "inst", med(b));
