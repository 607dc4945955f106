// Generates kubernetes/generated/prometheusrule.yaml (a prometheus-operator PrometheusRule) from
// observability/prometheus/rules/*.yml, the rule files promtool tests: one source of truth.
// `--check` (and any run under CI, where `generate` precedes `lint`) fails when the committed
// file differs from what the rule files give, instead of rewriting it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const here = fileURLToPath(new URL("..", import.meta.url));
export const RULES_DIR = join(here, "..", "observability", "prometheus", "rules");
export const OUTPUT = join(here, "kubernetes", "generated", "prometheusrule.yaml");

const HEADER = `# Generated from observability/prometheus/rules/*.yml by deploy/scripts/prometheus-rule.ts.
# Do not edit by hand: change the rule files and run \`npm run generate\`.
`;

/** The rule files' groups, in file-name order. */
export function ruleGroups(dir = RULES_DIR): unknown[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) => (parse(readFileSync(join(dir, f), "utf8")) as { groups: unknown[] }).groups);
}

export function render(groups: unknown[]): string {
  const rule = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "minimo-exporter", labels: { "app.kubernetes.io/name": "minimo-exporter", "app.kubernetes.io/component": "rules" } },
    spec: { groups },
  };
  return HEADER + stringify(rule, { lineWidth: 0 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render(ruleGroups());
  if (process.argv.includes("--check") || process.env.CI) {
    let current = "";
    try {
      current = readFileSync(OUTPUT, "utf8");
    } catch {
      // missing counts as drift
    }
    if (current !== text) {
      process.stderr.write(`${OUTPUT} is stale: the rule files changed. Run \`npm run generate\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write("PrometheusRule up to date with observability/prometheus/rules\n");
  } else {
    writeFileSync(OUTPUT, text);
    process.stdout.write(`wrote ${OUTPUT}\n`);
  }
}
