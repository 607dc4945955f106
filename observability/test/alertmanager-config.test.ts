// The shipped Alertmanager configuration: amtool accepts it, and amtool's own router sends each
// kind of Minimo alert to the receivers the config's comments promise.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { ALERTMANAGER_CONFIG } from "./helpers/paths.js";
import { allRules } from "./helpers/rules.js";

const amtool = findBinary("amtool", "prometheus-alertmanager");
const alerts = allRules().filter((r) => r.alert);

function route(labels: Record<string, string>): string[] {
  const args = ["config", "routes", "test", `--config.file=${ALERTMANAGER_CONFIG}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
  const r = spawnSync(requireBinary(amtool), args, { encoding: "utf8" });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return r.stdout.trim().split(",").sort();
}

describe.skipIf(skipWithout(amtool, "amtool checks of the Alertmanager config"))("Alertmanager config (amtool)", () => {
  it("`amtool check-config` accepts it", () => {
    const r = spawnSync(requireBinary(amtool), ["check-config", ALERTMANAGER_CONFIG], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/SUCCESS/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it.each([
    ["a critical per-key alert pages on-call", { alertname: "MinimoKeyUnauthorizedRatioHigh", severity: "critical", key: "prod" }, ["minimo-oncall"]],
    ["a warning per-key alert goes to the team", { alertname: "MinimoKeyUnauthorizedBurst", severity: "warning", key: "prod" }, ["minimo-team"]],
    ["a partner key also reaches its owner (warning)", { alertname: "MinimoKeyUnauthorizedBurst", severity: "warning", key: "partner-acme" }, ["minimo-partners", "minimo-team"]],
    ["a partner key also reaches its owner (critical)", { alertname: "MinimoKeyDown", severity: "critical", key: "partner-acme" }, ["minimo-oncall", "minimo-partners"]],
    [
      "an exporter alert pages on-call, whatever its severity",
      { alertname: "MinimoExporterConfigReloadFailed", severity: "warning", job: "minimo", instance: "a:9487" },
      ["minimo-oncall"],
    ],
    ["the exporter being down pages on-call", { alertname: "MinimoExporterDown", severity: "critical", job: "minimo", instance: "a:9487" }, ["minimo-oncall"]],
  ])("routes %s", (_, labels, receivers) => {
    expect(route(labels)).toEqual(receivers);
  });

  it("routes every shipped alert to a receiver that exists", () => {
    const cfg = parse(readFileSync(ALERTMANAGER_CONFIG, "utf8")) as { receivers: { name: string }[] };
    const names = new Set(cfg.receivers.map((r) => r.name));
    for (const a of alerts) {
      const got = route({ alertname: a.alert!, severity: a.labels!.severity!, key: "prod" });
      expect(
        got.every((r) => names.has(r)),
        a.alert,
      ).toBe(true);
    }
  });
});

describe("Alertmanager config (structure)", () => {
  const cfg = parse(readFileSync(ALERTMANAGER_CONFIG, "utf8")) as {
    route: { group_by: string[] };
    inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal?: string[] }[];
  };

  it("groups by alert and key", () => {
    expect(cfg.route.group_by).toEqual(["alertname", "key"]);
  });

  it("mutes every per-key alert while an exporter is down or absent", () => {
    const rules = cfg.inhibit_rules.filter((r) => r.source_matchers.some((m) => m.includes("MinimoExporterDown")));
    expect(rules.map((r) => r.target_matchers)).toEqual([['key=~".+"'], ['alertname="MinimoApiLatencyHigh"']]);
    for (const rule of rules) {
      expect(rule.source_matchers).toEqual(['alertname=~"MinimoExporterDown|MinimoExporterAbsent"']);
      // No label the per-key alerts lack (they are aggregated by key: no job, no instance).
      expect(rule.equal ?? []).not.toContain("instance");
      expect(rule.equal ?? []).not.toContain("job");
    }
    // Every alert that is neither about the exporter nor per key is the latency alert.
    const others = allRules().filter((r) => r.alert && !r.alert.startsWith("MinimoExporter") && !r.annotations?.summary?.includes("$labels.key"));
    expect(others.map((r) => r.alert)).toEqual(["MinimoApiLatencyHigh"]);
  });
});
