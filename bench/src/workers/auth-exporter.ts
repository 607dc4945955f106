// The real exporter with basic auth on its metrics listener (`--web.config.file`, one user with
// a cost-10 bcrypt hash, as htpasswd -B writes by default), probes off, for scenario 8.
//   auth-exporter.mjs <upstreamUrl>
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, parseConfig, startExporter } from "@minimo/exporter";
import { alias, configuredKey } from "./keys.js";
import { serve } from "./protocol.js";

/** bcryptjs.hashSync("bench-scraper-password", 10), fixed so the bench needs no bcrypt of its own. */
const HASH = "$2b$10$yH7bIVgEDB9Jp2ZqgQ/b0ODLXqnnxHJNJCWmpJtIrjpzYy997sQyi";

const [upstream] = process.argv.slice(2) as [string];
const dir = mkdtempSync(join(tmpdir(), "bench-auth-"));
const webConfigFile = join(dir, "web.yaml");
writeFileSync(webConfigFile, `basic_auth_users:\n  prometheus: "${HASH}"\n`);
const config = parseConfig({
  upstream,
  listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
  log_level: "silent",
  probe: { operations: [] },
  keys: [{ name: alias(0), key: configuredKey(0) }],
});
const exporter = await startExporter({ config, webConfigFile, logger: createLogger({ level: "silent" }) });
serve(
  { metricsUrl: exporter.metricsUrl, gatewayUrl: exporter.gatewayUrl },
  () => ({}),
  () => exporter.close(),
);
