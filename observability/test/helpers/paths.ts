// Where the shipped observability files live, relative to this workspace.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const OBSERVABILITY_DIR = here("../../");
export const RULES_DIR = here("../../prometheus/rules/");
export const RULE_TESTS_DIR = here("../../prometheus/tests/");
export const EXAMPLES_DIR = here("../../prometheus/examples/");
export const DASHBOARD_JSON = here("../../grafana/dashboards/minimo-keys.json");
export const RUNBOOK = here("../../RUNBOOK.md");
export const ALERTMANAGER_CONFIG = here("../../alertmanager/alertmanager.yml");
export const CONTRACTS = here("../../../docs/contracts.md");

/** Absolute paths of the files in `dir` whose name ends with `suffix`, sorted. */
export function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => `${dir}${f}`);
}

export const ruleFiles = (): string[] => filesIn(RULES_DIR, ".yml");
export const ruleTestFiles = (): string[] => filesIn(RULE_TESTS_DIR, ".test.yml");
