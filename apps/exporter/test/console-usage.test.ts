// The console's in-process traffic ring and status rules.
import { describe, expect, it } from "vitest";
import { keyStatus } from "../src/console/status.js";
import { BUCKET_MS, UsageRing } from "../src/console/usage.js";

describe("UsageRing", () => {
  it("counts totals and rates over 1, 5 and 60 minutes from 10 s buckets", () => {
    let now = 1_000_000 * BUCKET_MS - 3_600_000;
    const ring = new UsageRing(() => now);
    ring.setKeys(["a", "b"]);
    now += 3_600_000; // counted for an hour: every window is whole
    for (let i = 0; i < 30; i++) ring.recordResponse("a", 200);
    now -= 4 * 60_000; // four minutes ago: in the 5 and 60 minute windows, not the 1 minute one
    for (let i = 0; i < 6; i++) ring.recordResponse("a", 401);
    now += 4 * 60_000;
    ring.recordResponse("a", 429);
    ring.recordError("a");
    ring.recordResponse("nobody", 200);
    const s = ring.snapshot("a")!;
    expect(s.totals).toEqual({ requests: 37, unauthorized: 6, forbidden: 0, rateLimited: 1, errors: 1, gone: 0 });
    expect(s.windowSeconds).toEqual({ m1: 60, m5: 300, m60: 3600 });
    expect(s.rates.m1.requests).toBeCloseTo(31 / 60);
    expect(s.rates.m5.requests).toBeCloseTo(37 / 300);
    expect(s.rates.m5.unauthorized).toBeCloseTo(6 / 300);
    expect(s.rates.m1.unauthorized).toBe(0);
    expect(s.perMinute.requests).toHaveLength(60);
    expect(s.perMinute.requests.at(-1)).toBe(31);
    expect(s.perMinute.unauthorized.at(-5)).toBe(6);
    expect(ring.snapshot("b")!.totals.requests).toBe(0);
    expect(ring.snapshot("nobody")).toBeUndefined();
  });

  it("divides by the time counted so far when the exporter has run for less than the window", () => {
    let now = 1_000_000 * BUCKET_MS + 3_000;
    const ring = new UsageRing(() => now);
    ring.setKeys(["a"]);
    now += 20_000;
    for (let i = 0; i < 30; i++) ring.recordResponse("a", 200);
    now += 8_000;
    for (let i = 0; i < 9; i++) ring.recordResponse("a", 200);
    // 39 requests in the 28 s since start: about 84 a minute, not 39 / 5 min = 7.8.
    const s = ring.snapshot("a")!;
    expect(s.windowSeconds).toEqual({ m1: 28, m5: 28, m60: 28 });
    expect(s.rates.m5.requests * 60).toBeCloseTo((39 / 28) * 60);
    expect(s.rates.m1.requests * 60).toBeCloseTo((39 / 28) * 60);
    // A key added by a reload 90 s later counts from then; the first key's 1 min window is whole.
    now += 62_000;
    ring.setKeys(["a", "late"]);
    now += 30_000;
    ring.recordResponse("late", 200);
    expect(ring.snapshot("late")!.windowSeconds.m5).toBe(30);
    expect(ring.snapshot("a")!.windowSeconds).toEqual({ m1: 60, m5: 120, m60: 120 });
  });

  it("counts 410 answers (operations Minimo removed) as their own outcome", () => {
    const now = 1_000_000 * BUCKET_MS;
    const ring = new UsageRing(() => now);
    ring.setKeys(["a"]);
    ring.recordResponse("a", 410);
    ring.recordResponse("a", 410);
    ring.recordResponse("a", 200);
    const s = ring.snapshot("a")!;
    expect(s.totals).toMatchObject({ requests: 3, gone: 2 });
    expect(s.perMinute.gone.at(-1)).toBe(2);
  });

  it("forgets buckets older than an hour but keeps the totals", () => {
    let now = 5_000 * BUCKET_MS;
    const ring = new UsageRing(() => now);
    ring.setKeys(["a"]);
    ring.recordResponse("a", 403);
    now += 61 * 60_000;
    const s = ring.snapshot("a")!;
    expect(s.totals.forbidden).toBe(1);
    expect(s.rates.m60.forbidden).toBe(0);
    expect(s.perMinute.forbidden.every((n) => n === 0)).toBe(true);
    ring.recordResponse("a", 200); // reuses the slot the old bucket held
    expect(ring.snapshot("a")!.perMinute.forbidden.every((n) => n === 0)).toBe(true);
    ring.setKeys([]);
    expect(ring.snapshot("a")).toBeUndefined();
  });
});

describe("keyStatus", () => {
  const now = Date.parse("2026-12-01T00:00:00Z");
  const quiet = { unauthorized: 0, forbidden: 0, rateLimited: 0 };
  const cases: [string, Parameters<typeof keyStatus>[0], string][] = [
    ["ok", { nowMs: now, recent: quiet, probe: "up" }, "ok"],
    ["recent 401", { nowMs: now, recent: { ...quiet, unauthorized: 3 }, probe: "up" }, "rejected"],
    ["past expiry, no traffic", { nowMs: now, expiresAt: now / 1000 - 86400, recent: quiet, probe: "disabled" }, "rejected"],
    ["429 beats a failing probe", { nowMs: now, recent: { ...quiet, rateLimited: 1 }, probe: "down" }, "rate-limited"],
    ["budget exhausted before reset", { nowMs: now, recent: quiet, budget: { remaining: 0, resetAtMs: now + 5000 }, probe: "up" }, "rate-limited"],
    ["budget exhausted, window already reset", { nowMs: now, recent: quiet, budget: { remaining: 0, resetAtMs: now - 5000 }, probe: "up" }, "ok"],
    ["probe fails", { nowMs: now, recent: quiet, probe: "down" }, "down"],
    ["expires in 3 days", { nowMs: now, expiresAt: now / 1000 + 3 * 86400, recent: quiet, probe: "up" }, "expiring"],
    ["expires in 30 days", { nowMs: now, expiresAt: now / 1000 + 30 * 86400, recent: quiet, probe: "up" }, "ok"],
  ];
  it.each(cases)("%s", (_name, facts, status) => {
    expect(keyStatus(facts).status).toBe(status);
  });
});
