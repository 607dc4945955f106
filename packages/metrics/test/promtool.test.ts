import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { createMinimoMetrics } from "../src/index.js";

const PROMTOOL = process.env.PROMTOOL ?? "promtool";
const available = spawnSync(PROMTOOL, ["--version"], { encoding: "utf8" }).status === 0;
if (!available) {
  const why = `promtool not found (${PROMTOOL}): install Debian's 'prometheus' package (.ci/run does) to lint the metric families`;
  if (process.env.CI) throw new Error(`${why}; CI must not skip this check`);
  console.warn(`skipping promtool lint: ${why}`);
}

describe.skipIf(!available)("promtool check metrics", () => {
  it("finds nothing in every family, with all label shapes populated", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production", "staging"], perKeyDuration: ["production"] });
    const headers = new Headers({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "1795781100" });
    for (const [key, status] of [
      ["production", 200],
      ["production", 401],
      ["staging", 403],
      ["staging", 429],
      [undefined, 500],
    ] as const) {
      metrics.recordResponse({ key, operation: "/public/v1/contacts/{id}", method: "PUT", status, headers, durationSeconds: 0.2 });
    }
    metrics.recordError({ key: "production", operation: "/public/v1/emails", method: "POST", reason: "timeout" });
    metrics.recordRetry({ key: "production", operation: "/public/v1/contacts/{id}" });
    const text = await registry.metrics();
    for (const family of [
      "requests_total",
      "unauthorized_total",
      "forbidden_total",
      "rate_limited_total",
      "request_errors_total",
      "retries_total",
      "request_duration_seconds_bucket",
      "rate_limit_limit",
      "rate_limit_remaining",
      "rate_limit_reset_timestamp_seconds",
      "rate_limit_updated_timestamp_seconds",
    ]) {
      expect(text).toContain(`\nminimo_api_${family}{`);
    }

    const result = spawnSync(PROMTOOL, ["check", "metrics"], { input: text, encoding: "utf8" });
    expect({ status: result.status, findings: `${result.stdout}${result.stderr}`.trim() }).toEqual({ status: 0, findings: "" });
  });
});
