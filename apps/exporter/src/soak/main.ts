// `npm run soak`: SOAK_SECONDS (default 60) of mixed load through the gateway; exit 1 on MISS.
import { runSoak } from "./run.js";

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
if (!Number.isFinite(seconds) || seconds <= 0) {
  process.stderr.write(`SOAK_SECONDS must be a positive number, got "${process.env.SOAK_SECONDS}"\n`);
  process.exit(2);
}
const result = await runSoak({ seconds });
process.exit(result.pass ? 0 : 1);
