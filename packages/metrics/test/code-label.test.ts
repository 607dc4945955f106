// The `code` label is bounded by the spec: documented statuses are themselves, every other status
// folds into one bucket per class. Regression: every status 100-599 used to be its own series, so
// 21,600 odd answers made 22,503 samples, past the README's `sample_limit: 20000`.
import { DOCUMENTED_STATUSES } from "@minimo/client";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { CODE_LABELS, codeLabel, createMinimoMetrics } from "../src/index.js";
import { samples } from "./helpers/exposition.js";

describe("the code label", () => {
  it.each([
    [200, "200"],
    [201, "201"],
    [401, "401"],
    [429, "429"],
    [503, "503"],
    [299, "2xx_other"],
    [302, "3xx_other"],
    [418, "4xx_other"],
    [502, "5xx_other"],
    [504, "5xx_other"],
    [100, "1xx_other"],
    [99, "other"],
    [0, "other"],
    [600, "other"],
    [999, "other"],
    [200.5, "other"],
    [Number.NaN, "other"],
  ])("status %s is code=%j", (status, label) => {
    expect(codeLabel(status)).toBe(label);
  });

  it("keeps the documented statuses of the spec as themselves", () => {
    expect(DOCUMENTED_STATUSES).toEqual(expect.arrayContaining([200, 401, 403, 429]));
    for (const status of DOCUMENTED_STATUSES) expect(codeLabel(status)).toBe(String(status));
  });

  it("every status 0-999 from one key and route adds at most one series per label value", async () => {
    const registry = new Registry();
    const metrics = createMinimoMetrics({ registry, keys: ["production"] });
    for (let status = 0; status < 1000; status++) {
      metrics.recordResponse({ key: "production", operation: "/public/v1/custom-fields", method: "GET", status, headers: new Headers(), durationSeconds: 0.01 });
    }
    const lines = await samples(registry, "minimo_api_requests_total");
    const codes = lines.map((l) => /code="([^"]+)"/.exec(l)![1]!);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort()).toEqual([...CODE_LABELS].sort());
    expect(lines).toContain(
      `minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="4xx_other"} ${100 - DOCUMENTED_STATUSES.filter((s) => s >= 400 && s < 500).length}`,
    );
    expect(lines).toContain('minimo_api_requests_total{key="production",operation="/public/v1/custom-fields",method="GET",code="other"} 500');
    // The per-status counters still see exactly their status.
    expect(await samples(registry, "minimo_api_unauthorized_total")).toEqual(['minimo_api_unauthorized_total{key="production"} 1']);
  });
});
