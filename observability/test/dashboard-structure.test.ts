// Structural checks on the committed dashboard JSON (grafana/dashboard-linter's rules, as tests).
import { describe, expect, it } from "vitest";
import { renderDashboard } from "../grafana/build.js";
import { DASHBOARD_UID } from "../grafana/dashboard.js";
import { contractSeriesNames } from "./helpers/contract-metrics.js";
import { allPanels, concrete, loadDashboard, panelQueries } from "./helpers/dashboard-queries.js";
import { DASHBOARD_JSON } from "./helpers/paths.js";
import { inspectPromql } from "./helpers/promql.js";
import { readFileSync } from "node:fs";

const dashboard = loadDashboard();
const panels = allPanels(dashboard);
const queries = panelQueries(dashboard);

describe("dashboard JSON", () => {
  it("is what grafana/build.ts generates (no drift: run `npm run generate`)", () => {
    expect(readFileSync(DASHBOARD_JSON, "utf8")).toBe(renderDashboard());
  });

  it("has a stable uid of at most 40 characters", () => {
    expect(dashboard.uid).toBe(DASHBOARD_UID);
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
  });

  it("has a Prometheus datasource variable and a multi-select key variable fed by the exporter", () => {
    const vars = dashboard.templating.list;
    expect(vars.find((v) => v.name === "datasource")).toMatchObject({ type: "datasource", query: "prometheus" });
    expect(vars.find((v) => v.name === "key")).toMatchObject({
      type: "query",
      multi: true,
      includeAll: true,
      query: "label_values(minimo_api_requests_total, key)",
      datasource: { uid: "${datasource}" },
    });
  });

  it("has the rows the issue asks for, in order", () => {
    expect(panels.filter((p) => p.type === "row").map((p) => p.title)).toEqual([
      "Overview", "Per-key traffic", "401 / 403 / 429", "Remaining budget and reset", "Key health and expiry", "Exporter health",
    ]);
  });

  it("gives every panel a unique id", () => {
    const ids = panels.map((p) => p.id);
    expect(ids.every((id) => typeof id === "number")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps every panel inside the 24-column grid, without overlaps", () => {
    const boxes = panels.map((p) => ({ title: p.title, ...p.gridPos! }));
    for (const b of boxes) {
      expect(b.x, b.title).toBeGreaterThanOrEqual(0);
      expect(b.y, b.title).toBeGreaterThanOrEqual(0);
      expect(b.w, b.title).toBeGreaterThan(0);
      expect(b.h, b.title).toBeGreaterThan(0);
      expect(b.x + b.w, b.title).toBeLessThanOrEqual(24);
    }
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `"${a.title}" overlaps "${b.title}"`).toBe(false);
      }
    }
  });

  it("references the datasource only through ${datasource}, never a hard-coded uid", () => {
    const uids = JSON.stringify(dashboard).match(/"uid":\s*"[^"]*"/g) ?? [];
    expect(uids.filter((u) => !u.includes("${datasource}") && !u.includes(`"${DASHBOARD_UID}"`))).toEqual([]);
    for (const p of panels.filter((p) => p.type !== "row")) {
      expect(p.datasource, p.title).toEqual({ type: "prometheus", uid: "${datasource}" });
      for (const t of p.targets ?? []) expect(t.datasource, p.title).toEqual({ type: "prometheus", uid: "${datasource}" });
    }
  });

  it("has at least one query on every non-row panel, each with a unique refId", () => {
    for (const p of panels.filter((p) => p.type !== "row")) {
      const refIds = (p.targets ?? []).map((t) => t.refId);
      expect(refIds.length, p.title).toBeGreaterThan(0);
      expect(new Set(refIds).size, p.title).toBe(refIds.length);
    }
  });

  describe.each(queries.map((q) => [`${q.title} ${q.refId}`, q] as const))("query %s", (_, q) => {
    const expr = concrete(q.expr, { rateInterval: "1m", key: ".*" });
    const info = inspectPromql(expr);

    it("parses as PromQL with no error node", () => {
      expect(q.expr.trim()).not.toBe("");
      expect(info.errors).toEqual([]);
    });

    it("uses $__rate_interval for every range (rate, increase, …)", () => {
      for (const range of q.expr.match(/\[[^\]]*\]/g) ?? []) expect(range).toBe("[$__rate_interval]");
      if (info.functions.some((f) => ["rate", "irate", "increase"].includes(f))) expect(q.expr).toContain("$__rate_interval");
    });

    it("selects only series the exporter (docs/contracts.md) or Prometheus publishes", () => {
      const known = contractSeriesNames();
      expect(info.metrics.length).toBeGreaterThan(0);
      expect(info.metrics.filter((m) => !known.has(m))).toEqual([]);
    });

    it("filters per-key families by the key variable", () => {
      const keyed = info.metrics.filter((m) => /^minimo_(api_(requests|unauthorized|forbidden|rate_limited|request_errors|retries)_total|api_rate_limit_|key_)/.test(m));
      if (keyed.length > 0) expect(q.expr).toContain('key=~"$key"');
    });
  });
});
