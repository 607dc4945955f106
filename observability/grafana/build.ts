// Writes grafana/dashboards/minimo-keys.json from dashboard.ts. With `--check`, writes nothing
// and exits 1 when the committed file differs (CI drift check). Under CI (CI set) it always
// checks: the committed JSON is what users import, so CI must never quietly rewrite it.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildDashboard } from "./dashboard.js";

/** Where the committed dashboard JSON lives. */
export const DASHBOARD_FILE = fileURLToPath(new URL("./dashboards/minimo-keys.json", import.meta.url));

/** The exact bytes the build writes (stable key order from the builders, 2-space indent). */
export function renderDashboard(): string {
  return `${JSON.stringify(buildDashboard(), null, 2)}\n`;
}

async function main(argv: string[]): Promise<number> {
  const fresh = renderDashboard();
  if (argv.includes("--check") || (Boolean(process.env.CI) && !argv.includes("--write"))) {
    const committed = await readFile(DASHBOARD_FILE, "utf8").catch(() => "");
    if (committed !== fresh) {
      console.error(`${DASHBOARD_FILE} is out of date: run \`npm run generate -w @minimo/observability\``);
      return 1;
    }
    console.log(`${DASHBOARD_FILE} is up to date`);
    return 0;
  }
  await writeFile(DASHBOARD_FILE, fresh);
  console.log(`wrote ${DASHBOARD_FILE}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
