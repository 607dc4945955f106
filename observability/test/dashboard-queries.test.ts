// Every panel query of the committed dashboard, evaluated by promtool (`promql_expr_test`) over
// fixture series that use the exporter's real metric names: each must return at least one
// finite sample. A query on a misspelt metric or label returns nothing and fails here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { concrete, loadDashboard, panelQueries } from "./helpers/dashboard-queries.js";
import { contractSeriesNames } from "./helpers/contract-metrics.js";
import { exporterSeries, FIXTURE_KEYS } from "./fixtures/exporter-series.js";

const promtool = findBinary("promtool");
const queries = panelQueries(loadDashboard());

/**
 * Wraps a query so promtool can assert "non-empty and finite" with a fixed expected sample:
 * NaN and ±Inf samples are dropped by the comparisons, count() of nothing is nothing, and
 * `> bool 0` turns any positive count into exactly `{} 1`.
 */
function nonEmpty(expr: string): string {
  return `count(((${expr}) > -Inf) < +Inf) > bool 0`;
}

const variants = [
  { name: "All keys", key: ".*" },
  { name: "multi-select", key: `(${FIXTURE_KEYS.join("|")})` },
];

describe("dashboard fixtures", () => {
  it("cover every family of the contract", () => {
    const used = new Set(exporterSeries().map((s) => s.series.slice(0, s.series.indexOf("{"))));
    const families = [...contractSeriesNames()].filter((n) => n.startsWith("minimo_") && !used.has(n));
    // Histogram families appear through their _bucket/_sum/_count series.
    expect(families.filter((n) => !used.has(`${n}_bucket`))).toEqual([]);
  });
});

describe.skipIf(skipWithout(promtool, "promtool evaluation of the dashboard queries"))("dashboard queries in promtool", () => {
  const dir = mkdtempSync(join(tmpdir(), "minimo-dashboard-queries-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(variants)("every panel query returns data ($name: $key)", ({ key }) => {
    expect(queries.length).toBeGreaterThan(20);
    const test = {
      rule_files: [],
      evaluation_interval: "1m",
      tests: [{
        interval: "15s",
        input_series: exporterSeries(),
        promql_expr_test: queries.map((q) => ({
          expr: nonEmpty(concrete(q.expr, { rateInterval: "1m", key })),
          eval_time: "10m",
          exp_samples: [{ labels: "{}", value: 1 }],
        })),
      }],
    };
    const file = join(dir, `queries-${key.length}.test.yml`);
    writeFileSync(file, stringify(test, { lineWidth: 0 }));
    const r = spawnSync(requireBinary(promtool), ["test", "rules", file], { encoding: "utf8" });
    // On failure promtool prints each empty query, Go-quoted; map them back to panel titles.
    const failed = queries.filter((q) => (r.stdout + r.stderr).includes(JSON.stringify(nonEmpty(concrete(q.expr, { rateInterval: "1m", key })))));
    expect(failed.map((q) => `${q.title} ${q.refId}`)).toEqual([]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
