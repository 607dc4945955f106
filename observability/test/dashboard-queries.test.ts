// Every panel query of the committed dashboard, evaluated by promtool (`promql_expr_test`, the
// Prometheus query engine) with the shipped recording rules loaded, over fixture series that use
// the exporter's real metric names, scraped every 15 s and every 60 s: each must return at least
// one finite sample. `$__rate_interval` is what Grafana would compute from the panels' min
// interval and the data source's scrape-interval setting, including the case the README warns
// about (60 s scrape, setting left at Grafana's 15 s default). A query on a misspelt metric or
// label, or a window too short for the scrape interval, returns nothing and fails here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { MIN_INTERVAL } from "../grafana/panels.js";
import { concrete, grafanaRateInterval, loadDashboard, panelQueries } from "./helpers/dashboard-queries.js";
import { ruleFiles } from "./helpers/paths.js";
import { contractSeriesNames } from "./helpers/contract-metrics.js";
import { exporterSeries, FIXTURE_HOURS, FIXTURE_KEYS } from "./fixtures/exporter-series.js";

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

const keyVariants = [
  { name: "All keys", key: ".*" },
  { name: "multi-select", key: `(${FIXTURE_KEYS.join("|")})` },
];

const scrapes = [
  { name: "15 s scrape, data source at 15 s", scrapeSeconds: 15, dataSourceScrape: "15s" },
  { name: "60 s scrape, data source left at Grafana's 15 s default", scrapeSeconds: 60, dataSourceScrape: "15s" },
  { name: "60 s scrape, data source set to 60 s (README)", scrapeSeconds: 60, dataSourceScrape: "60s" },
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

  it.each(scrapes)("every panel query returns data ($name)", ({ scrapeSeconds, dataSourceScrape }) => {
    expect(queries.length).toBeGreaterThan(20);
    const rateInterval = grafanaRateInterval({ minInterval: MIN_INTERVAL, dataSourceScrape });
    const cases = keyVariants.flatMap((v) => queries.map((q) => ({ q, v, expr: nonEmpty(concrete(q.expr, { rateInterval, key: v.key })) })));
    const test = {
      rule_files: ruleFiles(),
      evaluation_interval: "1m",
      tests: [
        {
          interval: `${scrapeSeconds}s`,
          input_series: exporterSeries(scrapeSeconds),
          promql_expr_test: cases.map((c) => ({
            expr: c.expr,
            eval_time: `${FIXTURE_HOURS - 1}h`,
            exp_samples: [{ labels: "{}", value: 1 }],
          })),
        },
      ],
    };
    const file = join(dir, `queries-${scrapeSeconds}-${dataSourceScrape}.test.yml`);
    writeFileSync(file, stringify(test, { lineWidth: 0 }));
    const r = spawnSync(requireBinary(promtool), ["test", "rules", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    // On failure promtool prints each empty query, Go-quoted; map them back to panel titles.
    const failed = cases.filter((c) => (r.stdout + r.stderr).includes(JSON.stringify(c.expr)));
    expect(failed.map((c) => `${c.q.title} ${c.q.refId} (${c.v.name}, $__rate_interval=${rateInterval})`)).toEqual([]);
    expect(r.status, (r.stdout + r.stderr).slice(0, 4000)).toBe(0);
  });
});
