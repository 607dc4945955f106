// A few seconds of the soak (`npm run soak` runs 60): the mix reaches every status class it
// claims, nothing fails at the socket level, and the series count stays small. The heap figure
// is only meaningful over the full run, so it is printed there, not asserted here.
import { describe, expect, it } from "vitest";
import { runSoak } from "../../src/soak/run.js";

describe("soak (short run)", () => {
  it("sends valid, 401, 403 and 429 traffic through the gateway with no socket errors", async () => {
    const lines: string[] = [];
    const result = await runSoak({ seconds: 2, intervalSeconds: 1, concurrency: 4, print: (l) => lines.push(l) });
    for (const status of ["200", "401", "403", "429"]) expect(result.statuses[status] ?? 0, status).toBeGreaterThan(0);
    expect(result.statuses.error ?? 0).toBe(0);
    expect(result.intervals).toHaveLength(2);
    expect(result.series).toBeLessThan(300);
    expect(lines.at(-1)).toMatch(/heap after GC .* growth, bound < 10 %: (PASS|MISS)$/);
  });
});
