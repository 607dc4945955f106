// An idle key: its last answer came in a rate-limit window that has since reset, and no answer
// came after. Minimo's new window is whole, so the budget panels show the full limit (not "No
// data") and "Window reset" says so (never negative seconds). Evaluated by promtool with the
// shipped recording rules, over the committed dashboard's own queries.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { allPanels, concrete, loadDashboard, panelQueries } from "./helpers/dashboard-queries.js";
import { ruleFiles } from "./helpers/paths.js";

const promtool = findBinary("promtool");
const dashboard = loadDashboard();
const query = (title: string, refId = "A") => {
  const q = panelQueries(dashboard).find((x) => x.title === title && x.refId === refId);
  if (!q) throw new Error(`no panel "${title}" with query ${refId}`);
  return concrete(q.expr, { rateInterval: "2m", key: ".*" });
};

// Last answer at t=50s with 2 of 100 left, window reset at t=60s; evaluated at 10 minutes.
const series = (name: string, values: string) => ({ series: `${name}{job="minimo",instance="a",key="idle"}`, values });
const input = [
  series("minimo_api_rate_limit_remaining", "2x10"),
  series("minimo_api_rate_limit_limit", "100x10"),
  series("minimo_api_rate_limit_reset_timestamp_seconds", "60x10"),
  series("minimo_api_rate_limit_updated_timestamp_seconds", "50x10"),
  series("minimo_key_info", "1x10"),
];

describe("the budget panels for an idle key", () => {
  it('map a "Reset in" of 0 s or less to "window reset"', () => {
    const panel = allPanels(dashboard).find((p) => p.title === "Window reset") as unknown as {
      fieldConfig: { overrides: { matcher: { id: string; options: string }; properties: { id: string; value: unknown }[] }[] };
    };
    const override = panel.fieldConfig.overrides.find((o) => o.matcher.id === "byName" && o.matcher.options === "Reset in");
    expect(override?.properties).toEqual([{ id: "mappings", value: [{ type: "range", options: { from: null, to: 0, result: { text: "window reset", index: 0 } } }] }]);
  });

  describe.skipIf(skipWithout(promtool, "promtool evaluation of the budget panels"))("in promtool", () => {
    const dir = mkdtempSync(join(tmpdir(), "minimo-idle-key-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("show the full limit and a reset of 0 s, not no data and negative seconds", () => {
      const cases = [
        { expr: query("Remaining requests in window", "A"), exp_samples: [{ labels: 'minimo:api_rate_limit_remaining:min{key="idle"}', value: 100 }] },
        { expr: query("Remaining budget share"), exp_samples: [{ labels: 'minimo:api_rate_limit_remaining:ratio{key="idle"}', value: 1 }] },
        { expr: query("Lowest budget left"), exp_samples: [{ labels: "{}", value: 1 }] },
        { expr: query("Window reset", "A"), exp_samples: [{ labels: '{key="idle"}', value: 0 }] },
      ];
      const file = join(dir, "idle.test.yml");
      const test = {
        rule_files: ruleFiles(),
        evaluation_interval: "1m",
        tests: [{ interval: "1m", input_series: input, promql_expr_test: cases.map((c) => ({ ...c, eval_time: "10m" })) }],
      };
      writeFileSync(file, stringify(test, { lineWidth: 0 }));
      const r = spawnSync(requireBinary(promtool), ["test", "rules", file], { encoding: "utf8" });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    });
  });
});
