// Merging the console's numbers over replicas: counts add up per bucket, caller rows of the same
// caller add up (latest operation and last-seen, earliest first-seen), the table stays a top-N.
import { describe, expect, it } from "vitest";
import type { CallerRow, CallerTable } from "../../src/callers/types.js";
import { BUCKET_MS, snapshotOf } from "../../src/console/usage.js";
import { countsOfExport, mergeCallerTables, sumCounts } from "../../src/shared-state/merge-console.js";

const row = (address: string, userAgent: string, count: number, lastSeen: string, lastOperation = "GET /a"): CallerRow => ({
  address,
  userAgent,
  count,
  countError: 0,
  unauthorized: count,
  forbidden: 0,
  lastOperation,
  firstSeen: lastSeen,
  lastSeen,
});
const table = (callers: CallerRow[], capacity = 20, evictions = 0): CallerTable => ({ alias: "old", capacity, evictions, callers });

describe("merging replicas' console numbers", () => {
  it("adds two incarnations' buckets and totals; the windowed series sums both", () => {
    const now = 1_000 * BUCKET_MS;
    const a = countsOfExport({ since: now - 60_000, totals: [5, 1, 0, 0, 0, 0], buckets: { 1000: [3, 1, 0, 0, 0, 0], 999: [2, 0, 0, 0, 0, 0] } });
    const b = countsOfExport({ since: now - 30_000, totals: [4, 0, 0, 0, 0, 0], buckets: { 1000: [4, 0, 0, 0, 0, 0] } });
    const merged = sumCounts([a, b]);
    expect(merged.since).toBe(now - 60_000);
    expect(merged.at(1000, 0)).toBe(7);
    const snap = snapshotOf(merged, now);
    expect(snap.totals.requests).toBe(9);
    expect(snap.totals.unauthorized).toBe(1);
    expect(snap.perMinute.requests.reduce((x, y) => x + y, 0)).toBe(9);
  });

  it("adds the same caller's rows and keeps the latest operation; the table stays within capacity", () => {
    const merged = mergeCallerTables([
      table([row("10.0.0.1", "cron/1", 3, "2026-12-04T10:00:00.000Z", "GET /old"), row("10.0.0.2", "app/1", 1, "2026-12-04T09:00:00.000Z")], 2, 1),
      table([row("10.0.0.1", "cron/1", 2, "2026-12-04T11:00:00.000Z", "GET /new"), row("10.0.0.3", "batch/2", 4, "2026-12-04T08:00:00.000Z")], 2, 2),
    ])!;
    expect(merged.callers.map((c) => `${c.userAgent} ${c.count} ${c.lastOperation}`)).toEqual(["cron/1 5 GET /new", "batch/2 4 GET /a"]);
    expect(merged.callers[0]!.firstSeen).toBe("2026-12-04T10:00:00.000Z");
    expect(merged.callers[0]!.lastSeen).toBe("2026-12-04T11:00:00.000Z");
    expect(merged.evictions).toBe(3);
    expect(mergeCallerTables([])).toBeUndefined();
  });
});
