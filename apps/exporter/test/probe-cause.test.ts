// Regression: a probe that got no answer logged only `{"error":"TypeError"}` (fetch's "fetch
// failed"), without the cause; now the cause's code is in the outcome and the warn line.
import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { captureLogger, envName, eventually, scrape, startExporter, testConfig } from "./helpers.js";

describe("a probe without an answer", () => {
  it("logs the network cause (ECONNREFUSED), not just TypeError", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const log = captureLogger("warn");
    const exporter = await startExporter({
      config: testConfig(`http://127.0.0.1:${closedPort}`, [{ name: "production", key_env: envName("demo-full") }], { probe: { min_interval_seconds: 0 } }),
      logger: log.logger,
    });
    try {
      await scrape(exporter);
      await eventually(() => log.lines.some((l) => l.includes("probe finished")), 5000);
      const line = log.lines.find((l) => l.includes("probe finished"))!;
      expect(JSON.parse(line).outcomes).toEqual([{ error: "TypeError", cause: "ECONNREFUSED" }]);
    } finally {
      await exporter.close();
    }
  });
});
