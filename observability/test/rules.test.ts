// The shipped Prometheus rules: promtool accepts them and their unit tests pass; every alert is
// shown both firing and quiet; every alert is documented; names match the exporter's contract.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OPERATIONS } from "@minimo/client";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DEPRECATED_OPERATIONS_RE } from "../grafana/dashboard.js";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { contractSeriesNames } from "./helpers/contract-metrics.js";
import { RULE_TESTS_DIR, RUNBOOK, ruleFiles, ruleTestFiles } from "./helpers/paths.js";
import { inspectPromql } from "./helpers/promql.js";
import { allRules, type Rule } from "./helpers/rules.js";
import { durationSeconds, shortenExpr, writeShortRules } from "./helpers/short-rules.js";
import { dashboardUrl, DEFAULT_GRAFANA_URL, DEFAULT_RUNBOOK_BASE, renderRules, runbookUrl } from "../prometheus/links.js";
import { renderRuleFiles } from "../prometheus/render.js";

const promtool = findBinary("promtool");
const rules = allRules();
const alerts = rules.filter((r) => r.alert);
const records = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));

describe.skipIf(skipWithout(promtool, "promtool checks of the rules"))("promtool", () => {
  it("`promtool check rules` accepts every rule file", () => {
    const r = spawnSync(requireBinary(promtool), ["check", "rules", ...ruleFiles()], { encoding: "utf8" });
    expect(r.stdout + r.stderr).not.toMatch(/WARNING|FAILED/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("the e2e test copy (shortened windows) is still valid and keeps every rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "minimo-short-rules-"));
    try {
      const files = writeShortRules(dir, { range: "30s", forDuration: "2s", keepFiringFor: "20s", dayOffset: "90s" });
      const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
      expect(text).not.toMatch(/\[\d+[mhd]|offset \d+[mhd]|\/ 300\b|for: [1-9]\d*m/);
      expect(text).toContain("offset 30s) / 30");
      expect(text).toContain("keep_firing_for: 20s");
      expect(allRules().length).toBe((text.match(/^ {6}- (alert|record): /gm) ?? []).length);
      const r = spawnSync(requireBinary(promtool), ["check", "rules", ...files], { encoding: "utf8" });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("`promtool test rules` passes every unit test file", () => {
    const r = spawnSync(requireBinary(promtool), ["test", "rules", ...ruleTestFiles()], { encoding: "utf8", cwd: RULE_TESTS_DIR });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect((r.stdout.match(/SUCCESS/g) ?? []).length).toBe(ruleTestFiles().length);
  });
});

describe("rule unit tests", () => {
  type AlertCase = { alertname: string; exp_alerts?: unknown[] };
  const cases: AlertCase[] = ruleTestFiles().flatMap((f) => {
    const doc = parse(readFileSync(f, "utf8")) as { tests: { alert_rule_test?: AlertCase[] }[] };
    return doc.tests.flatMap((t) => t.alert_rule_test ?? []);
  });

  it.each(alerts.map((a) => a.alert!))("%s is shown firing and staying quiet", (name) => {
    const mine = cases.filter((c) => c.alertname === name);
    expect(
      mine.some((c) => (c.exp_alerts ?? []).length > 0),
      "a firing case",
    ).toBe(true);
    expect(
      mine.some((c) => (c.exp_alerts ?? []).length === 0),
      "a quiet case",
    ).toBe(true);
  });

  it("use only series names the exporter (docs/contracts.md) publishes", () => {
    const known = contractSeriesNames();
    const names = ruleTestFiles().flatMap((f) => {
      const doc = parse(readFileSync(f, "utf8")) as { tests: { input_series?: { series: string }[] }[] };
      return doc.tests.flatMap((t) => (t.input_series ?? []).map((s) => s.series.slice(0, s.series.indexOf("{"))));
    });
    expect(names.length).toBeGreaterThan(50);
    expect([...new Set(names)].filter((n) => !known.has(n))).toEqual([]);
  });

  it("only test alerts that exist", () => {
    const names = new Set(alerts.map((a) => a.alert));
    expect(cases.map((c) => c.alertname).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe("alert rules", () => {
  const runbook = readFileSync(RUNBOOK, "utf8");
  const anchors = new Set([...runbook.matchAll(/^## (\S+)$/gm)].map((m) => m[1]!.toLowerCase()));

  it.each(alerts.map((a) => [a.alert!, a] as const))("%s has severity, summary, description, runbook_url and dashboard_url", (name, a) => {
    expect(["critical", "warning", "info"]).toContain(a.labels?.severity);
    expect(a.annotations?.summary?.length).toBeGreaterThan(10);
    expect(a.annotations?.description?.length).toBeGreaterThan(20);
    expect(Object.keys(a.annotations ?? {}).sort()).toEqual(["dashboard_url", "description", "runbook_url", "summary"]);
    // Absolute, from the one default base, anchored at a section of RUNBOOK.md.
    expect(a.annotations?.runbook_url).toBe(runbookUrl(name));
    expect(new URL(a.annotations!.runbook_url!).hash).toBe(`#${name.toLowerCase()}`);
    expect(anchors.has(name.toLowerCase())).toBe(true);
    // The dashboard, filtered to what the alert is about.
    const link = a.annotations!.dashboard_url!;
    expect(link.startsWith(dashboardUrl())).toBe(true);
    const perKey = a.annotations!.summary!.includes("$labels.key");
    const perJob = name.startsWith("MinimoExporter") && name !== "MinimoExporterAbsent";
    expect(link.slice(dashboardUrl().length)).toBe(perKey ? "?var-key={{ $labels.key | urlquery }}" : perJob ? "?var-job={{ $labels.job | urlquery }}" : "");
  });

  it("keep every per-key alert firing until MinimoExporterDown/Absent can inhibit it (no resolved storm)", () => {
    const exporterFor = Math.max(...alerts.filter((a) => /^MinimoExporter(Down|Absent)$/.test(a.alert!)).map((a) => durationSeconds(a.for!)));
    const perKey = alerts.filter((a) => /\$labels\.(key|operation)/.test(a.annotations?.summary ?? ""));
    expect(perKey.length).toBeGreaterThan(10);
    for (const a of perKey) {
      expect(a.keep_firing_for, a.alert).toBeDefined();
      // The margin covers a rule evaluation and the delivery to Alertmanager at a 60 s interval.
      expect(durationSeconds(a.keep_firing_for!), a.alert).toBeGreaterThanOrEqual(exporterFor + 120);
    }
  });

  it("count a newborn counter series in full wherever they take rate() or increase() of a counter", () => {
    // Baselines over a day of history compare established traffic; a newborn series there is noise.
    const exempt = /^minimo:api_requests:rate30m|^minimo:api_request_duration_seconds:/;
    for (const r of rules.filter((r) => !exempt.test(r.record ?? ""))) {
      for (const m of r.expr.matchAll(/(?:rate|increase)\((minimo_\w+_total)[^[]*\[(\w+)\]\)/g)) {
        expect(r.expr, r.alert ?? r.record).toMatch(new RegExp(`unless ${m[1]}\\b[^)]*offset ${m[2]}\\b`));
      }
      shortenExpr(r.expr, { range: "30s", forDuration: "2s" }); // throws when `/ seconds` does not match `offset W`
    }
  });

  it("guard every ratio alert with a minimum of traffic", () => {
    for (const a of alerts.filter((a) => a.expr.includes("ratio_rate5m"))) {
      expect(a.expr, a.alert).toMatch(/and on \(key\) minimo:api_requests:rate5m > 0\.\d+/);
    }
  });

  it("select only series the exporter (docs/contracts.md) or the recording rules publish", () => {
    const known = contractSeriesNames();
    for (const r of rules) {
      const info = inspectPromql(r.expr);
      expect(info.errors, r.alert ?? r.record).toEqual([]);
      expect(
        info.metrics.filter((m) => !known.has(m) && !records.has(m)),
        r.alert ?? r.record,
      ).toEqual([]);
    }
  });

  it("the deprecated-operation regex matches exactly the operations the spec marks deprecated", () => {
    const alert = alerts.find((a) => a.alert === "MinimoDeprecatedOperationTraffic")!;
    expect(alert.expr).toContain(`operation=~"${DEPRECATED_OPERATIONS_RE}"`);
    const re = new RegExp(`^(?:${DEPRECATED_OPERATIONS_RE})$`); // PromQL regexes are anchored
    expect(
      OPERATIONS.filter((o) => re.test(o.path))
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(
      OPERATIONS.filter((o) => o.deprecated)
        .map((o) => o.operationId)
        .sort(),
    );
  });
});

describe("the default runbook base", () => {
  it("is the RUNBOOK.md of the repository the packages name as theirs", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../packages/client/package.json", import.meta.url), "utf8")) as { repository: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(DEFAULT_RUNBOOK_BASE).toBe(`${repo}/blob/main/observability/RUNBOOK.md`);
  });
});

describe("rendering the rules with a deployment's own link bases", () => {
  const runbookBase = "https://wiki.example.com/ops/minimo-runbook";
  const grafanaUrl = "https://grafana.example.com/";

  it("changes only the links, and every link of every alert", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minimo-rendered-rules-"));
    try {
      const files = await renderRuleFiles(dir, { runbookBase, grafanaUrl });
      const rendered = files.flatMap((f) => (parse(readFileSync(f, "utf8")) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules));
      expect(rendered.map((r) => r.expr).sort()).toEqual(rules.map((r) => r.expr).sort());
      const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
      expect(text).not.toContain(DEFAULT_RUNBOOK_BASE);
      expect(text).not.toContain(DEFAULT_GRAFANA_URL);
      for (const a of rendered.filter((r) => r.alert)) {
        expect(a.annotations?.runbook_url).toBe(`${runbookBase}#${a.alert!.toLowerCase()}`);
        expect(a.annotations?.dashboard_url?.startsWith("https://grafana.example.com/d/minimo-keys/minimo-api-keys")).toBe(true);
      }
      if (promtool.path) {
        const r = spawnSync(promtool.path, ["check", "rules", ...files], { encoding: "utf8" });
        expect(r.status, r.stdout + r.stderr).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with the defaults, gives the committed files byte for byte", () => {
    for (const f of ruleFiles()) {
      const text = readFileSync(f, "utf8");
      expect(renderRules(text, {})).toBe(text);
    }
  });

  it.each([
    ["runbook base", { runbookBase: "wiki/RUNBOOK.md" }, /runbook base: "wiki\/RUNBOOK.md" is not an absolute URL/],
    ["runbook base", { runbookBase: "https://x.example/RUNBOOK.md#top" }, /must not have a #fragment/],
    ["grafana url", { grafanaUrl: "ftp://grafana.example" }, /grafana url: "ftp:\/\/grafana.example" must be an http\(s\) URL/],
  ])("rejects a bad %s with a message naming it", (_, bases, message) => {
    expect(() => renderRules("", bases)).toThrow(message);
  });
});
