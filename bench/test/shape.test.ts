// Scenarios 4 and 7 compare @minimo/metrics with raw prom-client and the floor "on identical
// data": this pins that the three hold the same series, so the ratios compare like with like.
import { describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { createMinimoMetrics, renderMetrics } from "@minimo/metrics";
import { FloorStore, OPERATION, keyName, rateLimitHeaders, rawFamilies, rawRecord } from "../src/workers/shape.js";

/** Sample lines by series (name + labels, labels sorted), values dropped. */
function series(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const name = l.slice(0, l.search(/[{ ]/));
      const labels = /\{(.*)\}/.exec(l)?.[1]?.split(",").sort().join(",") ?? "";
      return `${name}{${labels}}`;
    })
    .sort();
}

describe("the three stores of the benchmarks", () => {
  it("expose the same series for the same records", async () => {
    const keys = [0, 1, 2].map(keyName);
    const metricsRegistry = new Registry();
    const metrics = createMinimoMetrics({ registry: metricsRegistry, keys });
    const promRegistry = new Registry();
    const raw = rawFamilies(promRegistry);
    for (const k of ["unauthorized", "forbidden", "rateLimited"] as const) for (const key of keys) raw[k].inc({ key }, 0);
    const floor = new FloorStore();
    keys.forEach((key, i) => {
      floor.add(key);
      for (const status of [200, 429]) {
        const headers = rateLimitHeaders(900 - i);
        metrics.recordResponse({ key, operation: OPERATION, method: "GET", status, headers, durationSeconds: 0.02, startedAt: i });
        rawRecord(raw, key, OPERATION, status, headers, 0.02);
        floor.record(key, status, headers, 0.02);
      }
    });
    const expected = series(await promRegistry.metrics());
    expect(expected.length).toBe(3 * 9 + 14); // 9 per key + one histogram (11 buckets, +Inf, sum, count)
    expect(series(await metricsRegistry.metrics())).toEqual(expected);
    expect(await renderMetrics(metricsRegistry)).toBe(await metricsRegistry.metrics());
    expect(series(floor.render())).toEqual(expected);
  });

  it("count the same values", async () => {
    const promRegistry = new Registry();
    const raw = rawFamilies(promRegistry);
    const floor = new FloorStore();
    floor.add("k");
    for (const status of [200, 200, 429]) {
      rawRecord(raw, "k", OPERATION, status, rateLimitHeaders(7), 0.02);
      floor.record("k", status, rateLimitHeaders(7), 0.02);
    }
    const text = floor.render();
    expect(text).toContain(`minimo_api_requests_total{key="k",operation="${OPERATION}",method="GET",code="200"} 2\n`);
    expect(text).toContain('minimo_api_rate_limited_total{key="k"} 1\n');
    expect(text).toContain('minimo_api_rate_limit_remaining{key="k"} 7\n');
    expect(await promRegistry.metrics()).toContain(`minimo_api_requests_total{key="k",operation="${OPERATION}",method="GET",code="200"} 2\n`);
  });
});
