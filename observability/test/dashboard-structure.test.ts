// Structural checks on the committed dashboard JSON (grafana/dashboard-linter's rules, as tests).
import { describe, expect, it } from "vitest";
import { renderDashboard } from "../grafana/build.js";
import { DASHBOARD_UID, JOB_QUERY, KEY_QUERY } from "../grafana/dashboard.js";
import { MIN_INTERVAL } from "../grafana/panels.js";
import { allRules } from "./helpers/rules.js";
import { contractSeriesNames } from "./helpers/contract-metrics.js";
import { allPanels, concrete, loadDashboard, panelQueries } from "./helpers/dashboard-queries.js";
import { DASHBOARD_JSON } from "./helpers/paths.js";
import { inspectPromql, vectorSelectors } from "./helpers/promql.js";
import { readFileSync } from "node:fs";

const dashboard = loadDashboard();
const panels = allPanels(dashboard);
const queries = panelQueries(dashboard);
const recorded = new Set(allRules().flatMap((r) => (r.record ? [r.record] : [])));

describe("dashboard JSON", () => {
  it("is what grafana/build.ts generates (no drift: run `npm run generate`)", () => {
    expect(readFileSync(DASHBOARD_JSON, "utf8")).toBe(renderDashboard());
  });

  it("has a stable uid of at most 40 characters", () => {
    expect(dashboard.uid).toBe(DASHBOARD_UID);
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
  });

  it("has a Prometheus datasource variable, a job variable and a key variable of every configured key", () => {
    const vars = dashboard.templating.list;
    expect(vars.map((v) => v.name)).toEqual(["datasource", "job", "key"]);
    expect(vars.find((v) => v.name === "datasource")).toMatchObject({ type: "datasource", query: "prometheus" });
    // "All" jobs is the list of exporter jobs found (no allValue), never `.*` (every job).
    const job = vars.find((v) => v.name === "job")!;
    expect(job).toMatchObject({ type: "query", multi: true, includeAll: true, query: JOB_QUERY, datasource: { uid: "${datasource}" } });
    expect(job).not.toHaveProperty("allValue");
    expect(vars.find((v) => v.name === "key")).toMatchObject({
      type: "query",
      multi: true,
      includeAll: true,
      query: KEY_QUERY,
      datasource: { uid: "${datasource}" },
    });
    expect(KEY_QUERY).toBe('label_values(minimo_key_info{job=~"$job"}, key)');
  });

  it("never hard-codes a job name", () => {
    for (const q of queries) expect(q.expr, `${q.title} ${q.refId}`).not.toMatch(/job\s*(=|=~|!=)\s*"(?!\$job")/);
    const exporterRow = queries.filter((q) => inspectPromql(concrete(q.expr, { rateInterval: "1m", key: ".*" })).metrics.some((m) => /^(up|scrape_|minimo_exporter_)/.test(m)));
    expect(exporterRow.length).toBeGreaterThanOrEqual(5);
    for (const q of exporterRow) expect(q.expr, q.title).toContain('job=~"$job"');
  });

  it("shows every time-series legend, as a table with last and max", () => {
    const series = panels.filter((p) => p.type === "timeseries");
    expect(series.length).toBeGreaterThan(10);
    for (const p of series) {
      expect(p.options?.legend, p.title).toMatchObject({ showLegend: true, displayMode: "table" });
      expect(p.options?.legend?.calcs, p.title).toEqual(expect.arrayContaining(["lastNotNull", "max"]));
    }
  });

  it(`gives every panel a ${MIN_INTERVAL} minimum interval, so $__rate_interval holds two samples at a 60 s scrape`, () => {
    for (const p of panels.filter((p) => p.type !== "row")) expect(p.interval, p.title).toBe(MIN_INTERVAL);
  });

  it("joins the queries of a multi-query table into one row per label set, with named columns", () => {
    const tables = panels.filter((p) => p.type === "table");
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) {
      const ids = (t.transformations ?? []).map((x) => x.id);
      if ((t.targets ?? []).length > 1) expect(ids, t.title).toEqual(["merge", "organize"]);
      else expect(ids, t.title).toEqual(["organize"]);
      const organize = t.transformations!.find((x) => x.id === "organize")!.options as { excludeByName: Record<string, boolean>; renameByName: Record<string, string> };
      expect(organize.excludeByName.Time, t.title).toBe(true);
      expect(Object.keys(organize.renameByName).length, t.title).toBe((t.targets ?? []).length);
    }
  });

  it("reads the budget from the recording rules that leave out windows that already reset", () => {
    const budget = queries.filter((q) => /budget|Remaining requests|exhaustion|Window reset/i.test(q.title) && /rate_limit_(remaining|limit|reset)/.test(q.expr));
    expect(budget.length).toBeGreaterThanOrEqual(5);
    for (const q of budget) expect(q.expr, `${q.title} ${q.refId}`).not.toMatch(/minimo_api_rate_limit_(remaining|limit|reset_timestamp_seconds)\b/);
  });

  it("has the rows the issue asks for, in order", () => {
    expect(panels.filter((p) => p.type === "row").map((p) => p.title)).toEqual([
      "Overview",
      "Per-key traffic",
      "401 / 403 / 429",
      "Remaining budget and reset",
      "Key health and expiry",
      "Posture",
      "Exporter health",
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

    it("selects only series the exporter (docs/contracts.md), Prometheus or the recording rules publish", () => {
      const known = contractSeriesNames();
      expect(info.metrics.length).toBeGreaterThan(0);
      expect(info.metrics.filter((m) => !known.has(m) && !recorded.has(m))).toEqual([]);
    });

    it("filters every series without a key label (latency, unknown keys, the exporter itself) by the job variable", () => {
      // $job stays in the text: the parser takes it as part of a string.
      const selectors = vectorSelectors(q.expr.replaceAll("$__rate_interval", "1m"));
      expect(selectors.length).toBeGreaterThan(0);
      for (const s of selectors.filter((s) => !s.text.includes('key=~"$key"'))) expect(s.text).toContain('job=~"$job"');
    });

    it("filters per-key families by the key variable", () => {
      const keyed = info.metrics.filter((m) =>
        /^minimo(_|:)(api_(requests|unauthorized|forbidden|rate_limited|request_errors|retries)_total|api_rate_limit_|key_|api_requests:)/.test(m),
      );
      if (keyed.length > 0) expect(q.expr).toContain('key=~"$key"');
    });
  });
});
