// Writes the rule files with a deployment's own link bases:
//   npm run rules -w @minimo/observability -- --runbook-base URL --grafana-url URL --out DIR
// (or MINIMO_RUNBOOK_BASE / MINIMO_GRAFANA_URL). Without options the output equals the
// committed files. Never rewrites the committed files: --out must be another directory.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderRules, type LinkBases } from "./links.js";

export const RULES_DIR = fileURLToPath(new URL("./rules/", import.meta.url));
export const RULE_FILES = ["minimo-recording.yml", "minimo-alerts.yml"] as const;

/** Renders every rule file into `out`; returns the written paths. */
export async function renderRuleFiles(out: string, bases: LinkBases): Promise<string[]> {
  if (resolve(out) === resolve(RULES_DIR)) throw new Error("--out must not be prometheus/rules/ (the committed defaults)");
  await mkdir(out, { recursive: true });
  return Promise.all(
    RULE_FILES.map(async (f) => {
      const target = join(out, basename(f));
      await writeFile(target, renderRules(await readFile(join(RULES_DIR, f), "utf8"), bases));
      return target;
    }),
  );
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { "runbook-base": { type: "string" }, "grafana-url": { type: "string" }, out: { type: "string" } },
  });
  if (!values.out) {
    console.error("usage: render.ts [--runbook-base URL] [--grafana-url URL] --out DIR");
    return 2;
  }
  const bases: LinkBases = {
    runbookBase: values["runbook-base"] ?? process.env.MINIMO_RUNBOOK_BASE,
    grafanaUrl: values["grafana-url"] ?? process.env.MINIMO_GRAFANA_URL,
  };
  try {
    for (const f of await renderRuleFiles(values.out, bases)) console.log(`wrote ${f}`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
