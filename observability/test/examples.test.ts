// The example Prometheus configs load (promtool check config also loads the rule files they
// reference) and keep the conventions the alerts rely on.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { EXAMPLES_DIR, filesIn } from "./helpers/paths.js";

const promtool = findBinary("promtool");
const examples = filesIn(EXAMPLES_DIR, ".yml");

interface ScrapeConfig {
  job_name: string;
  sample_limit?: number;
  label_limit?: number;
  static_configs: { targets: string[] }[];
}

describe("example Prometheus configs", () => {
  it("exist for one exporter and for replicas", () => {
    expect(examples.map((f) => f.slice(EXAMPLES_DIR.length))).toEqual(["prometheus-ha.yml", "prometheus.yml"]);
  });

  it.each(examples)("%s: load both rule files, use a minimo* job name and set scrape limits", (file) => {
    const cfg = parse(readFileSync(file, "utf8")) as { rule_files: string[]; scrape_configs: ScrapeConfig[] };
    expect(cfg.rule_files).toEqual(["../rules/minimo-recording.yml", "../rules/minimo-alerts.yml"]);
    for (const job of cfg.scrape_configs) {
      expect(job.job_name).toMatch(/^minimo/);
      expect(job.sample_limit).toBeGreaterThan(0);
      expect(job.label_limit).toBeGreaterThan(0);
    }
  });

  it("the HA example scrapes two replicas and remote-writes", () => {
    const cfg = parse(readFileSync(`${EXAMPLES_DIR}prometheus-ha.yml`, "utf8")) as {
      scrape_configs: ScrapeConfig[];
      remote_write: unknown[];
      global: { external_labels: Record<string, string> };
    };
    expect(cfg.scrape_configs[0]!.static_configs.flatMap((s) => s.targets)).toHaveLength(2);
    expect(cfg.remote_write.length).toBeGreaterThan(0);
    expect(cfg.global.external_labels.replica).toBeDefined();
  });

  describe.skipIf(skipWithout(promtool, "promtool check config of the examples"))("promtool", () => {
    it.each(examples)("`promtool check config %s` succeeds", (file) => {
      const r = spawnSync(requireBinary(promtool), ["check", "config", file], { encoding: "utf8" });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    });
  });
});
