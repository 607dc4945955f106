// Overhead of the instrumentation vs bare openapi-fetch, measured side by side in one run:
//   npx tsx packages/metrics/bench/overhead.ts        (ROUNDS, CALLS, RECORDS env vars to resize)
// Sibling workspaces are loaded from their TypeScript sources (the `source` export condition),
// so no build is needed: this launcher re-runs the measurements with that condition set.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const run = fileURLToPath(new URL("./overhead-run.ts", import.meta.url));
const result = spawnSync(process.execPath, [...process.execArgv, "--conditions=source", run], { stdio: "inherit" });
process.exitCode = result.status ?? 1;
