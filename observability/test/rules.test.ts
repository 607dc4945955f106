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
import { allRules } from "./helpers/rules.js";
import { writeShortRules } from "./helpers/short-rules.js";

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
      const files = writeShortRules(dir, { range: "30s", forDuration: "2s" });
      const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
      expect(text).not.toMatch(/\[(5|10|15)m\]|for: [1-9]\d*m/);
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
    expect(mine.some((c) => (c.exp_alerts ?? []).length > 0), "a firing case").toBe(true);
    expect(mine.some((c) => (c.exp_alerts ?? []).length === 0), "a quiet case").toBe(true);
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

  it.each(alerts.map((a) => [a.alert!, a] as const))("%s has severity, summary, description and a runbook anchor", (name, a) => {
    expect(["critical", "warning", "info"]).toContain(a.labels?.severity);
    expect(a.annotations?.summary?.length).toBeGreaterThan(10);
    expect(a.annotations?.description?.length).toBeGreaterThan(20);
    const anchor = a.annotations?.runbook?.match(/RUNBOOK\.md#([a-z0-9-]+)/)?.[1];
    expect(anchor).toBe(name.toLowerCase());
    expect(anchors.has(anchor!)).toBe(true);
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
      expect(info.metrics.filter((m) => !known.has(m) && !records.has(m)), r.alert ?? r.record).toEqual([]);
    }
  });

  it("the deprecated-operation regex matches exactly the operations the spec marks deprecated", () => {
    const alert = alerts.find((a) => a.alert === "MinimoDeprecatedOperationTraffic")!;
    expect(alert.expr).toContain(`operation=~"${DEPRECATED_OPERATIONS_RE}"`);
    const re = new RegExp(`^(?:${DEPRECATED_OPERATIONS_RE})$`); // PromQL regexes are anchored
    expect(OPERATIONS.filter((o) => re.test(o.path)).map((o) => o.operationId).sort())
      .toEqual(OPERATIONS.filter((o) => o.deprecated).map((o) => o.operationId).sort());
  });
});
