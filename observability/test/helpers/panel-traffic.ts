// What the end-to-end tests send so that every dashboard panel has something to show, and the
// check that every panel query returns data from a real Prometheus.
import { expect } from "vitest";
import { concrete, loadDashboard, panelQueries, type PanelQuery } from "./dashboard-queries.js";
import { query } from "./prometheus.js";

/** Sends one request through a gateway; returns the status. */
export type Send = (key: string, method: string, path: string, body?: unknown) => Promise<number>;

/** One request through a gateway with the key as its Bearer token; resolves with the status. */
export async function sendVia(gateway: string, key: string, method: string, path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${gateway}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  await r.arrayBuffer();
  return r.status;
}

/**
 * Panel queries on families only an application-side client emits: the exporter's gateway never
 * retries and its probes run with `retry: false`, so `minimo_api_retries_total` has no series in
 * these setups. The promtool query test (dashboard-queries.test.ts) still evaluates them.
 */
export const APP_SIDE_ONLY = /minimo_api_retries_total/;

/** The panel queries a real exporter can feed. */
export function gatewayPanelQueries(): PanelQuery[] {
  return panelQueries(loadDashboard()).filter((q) => !APP_SIDE_ONLY.test(q.expr));
}

/** A well-formed key that no exporter config and no sandbox knows: always 401. */
const UNKNOWN_KEY = "mn-demo01-FAKEpanelTraffic000000000";

/**
 * 200s, a 401 (unknown key), a 403, 429s, a sunset legacy call (410) and one dropped connection
 * (a transport error).
 */
export async function causePanelTraffic(send: Send, sim: { url: string; controlToken: string }, keys: { full: string; readonly: string; limited: string }): Promise<void> {
  for (let i = 0; i < 4; i++) expect(await send(keys.full, "GET", "/public/v1/custom-fields")).toBe(200);
  expect(await send(UNKNOWN_KEY, "GET", "/public/v1/custom-fields")).toBe(401);
  expect(await send(keys.readonly, "POST", "/public/v1/custom-fields", { name: "x", type: "text" })).toBe(403);
  const limited = [];
  for (let i = 0; i < 8; i++) limited.push(await send(keys.limited, "GET", "/public/v1/custom-fields"));
  expect(limited).toContain(429);
  expect(await send(keys.full, "POST", "/api/transactionals", { to: "a@example.com" })).toBe(410);
  const control = { "x-sim-control-token": sim.controlToken };
  const faults = await fetch(`${sim.url}/__sim/faults`, { method: "PUT", headers: { ...control, "content-type": "application/json" }, body: JSON.stringify({ dropRate: 1 }) });
  expect(faults.ok).toBe(true);
  expect(await send(keys.full, "GET", "/public/v1/custom-fields")).toBeGreaterThanOrEqual(500);
  await fetch(`${sim.url}/__sim/faults`, { method: "DELETE", headers: control });
}

/** The panel queries that return nothing from Prometheus at `promUrl` (title, refId, expr). */
export async function emptyPanelQueries(promUrl: string, queries: PanelQuery[], rateInterval: string): Promise<string[]> {
  const missing: string[] = [];
  for (const q of queries) {
    if ((await query(promUrl, concrete(q.expr, { rateInterval, key: ".*" }))).length === 0) missing.push(`${q.title} ${q.refId}: ${q.expr}`);
  }
  return missing;
}
