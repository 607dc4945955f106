// The file state store: atomic writes that survive a reopen, a corrupt file moved aside with a
// warning (never a refusal to start), merge semantics, and coverage arithmetic.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageOf, extendCoverage } from "../../src/posture/state/coverage.js";
import { FileStateStore, readStateDir } from "../../src/posture/state/file-store.js";
import { mergeData } from "../../src/posture/state/merge.js";
import { emptyData } from "../../src/posture/state/serializer.js";
import { freshUsage } from "../../src/posture/state/store.js";
import { DAY, T0 } from "./support.js";

const dir = () => mkdtempSync(join(tmpdir(), "posture-state-"));
const warnings = () => {
  const lines: { obj: unknown; msg: string }[] = [];
  return { lines, logger: { warn: (obj: unknown, msg: string) => void lines.push({ obj, msg }) } };
};

describe("FileStateStore", () => {
  it("writes atomically and reads back what it wrote", async () => {
    const d = dir();
    const w = warnings();
    const a = new FileStateStore({ dir: d, logger: w.logger, now: () => T0, intervalMs: 0 });
    const u = a.usage("svc", T0);
    u.lastAccepted = T0 + 5;
    u.baseline["198.51.100.0/24 curl"] = { firstSeen: T0, lastSeen: T0 + 5 };
    await a.close();
    expect(readdirSync(d)).toEqual(["posture.json"]); // no temp file left behind
    const b = new FileStateStore({ dir: d, logger: w.logger, now: () => T0 + DAY, intervalMs: 0 });
    expect(b.peek("svc")!.lastAccepted).toBe(T0 + 5);
    expect(b.peek("svc")!.baseline).toEqual({ "198.51.100.0/24 curl": { firstSeen: T0, lastSeen: T0 + 5 } });
    expect(w.lines).toEqual([]);
  });

  it("moves a corrupt file aside with a warning and starts fresh", () => {
    const d = dir();
    writeFileSync(join(d, "posture.json"), '{"version":1,"coverage":[[1,2]],"keys":{"svc":{"since":"yesterday"}}}');
    const w = warnings();
    const s = new FileStateStore({ dir: d, logger: w.logger, now: () => T0, intervalMs: 0 });
    expect(s.peek("svc")).toBeUndefined();
    expect(w.lines.map((l) => l.msg)).toEqual(["posture state file unreadable; moved aside, starting fresh"]);
    const aside = readdirSync(d).filter((f) => f.startsWith("posture.json.corrupt-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(d, aside[0]!), "utf8")).toContain("yesterday");
    expect(existsSync(join(d, "posture.json"))).toBe(false);
  });

  it("truncated JSON is also kept aside", () => {
    const d = dir();
    writeFileSync(join(d, "posture.json"), '{"version":1,"cov');
    const w = warnings();
    new FileStateStore({ dir: d, logger: w.logger, now: () => T0, intervalMs: 0 });
    expect(w.lines).toHaveLength(1);
    expect(readStateDir(d)).toEqual({ missing: true });
  });

  it("an uncreatable directory keeps the state in memory with a warning", () => {
    const d = dir();
    writeFileSync(join(d, "file"), "x");
    const w = warnings();
    const s = new FileStateStore({ dir: join(d, "file", "sub"), logger: w.logger, now: () => T0, intervalMs: 0 });
    s.usage("svc", T0).lastAccepted = T0;
    expect(w.lines[0]!.msg).toMatch(/kept in memory only/);
    expect(s.snapshot(T0).keys.svc!.lastAccepted).toBe(T0);
  });
});

describe("mergeData", () => {
  it("keeps the later last-used, the earlier since, the union of coverage and at most 32 callers", () => {
    const a = emptyData();
    const b = emptyData();
    a.coverage.push([0, 10]);
    b.coverage.push([5, 20], [30, 40]);
    const ua = (a.keys.svc = freshUsage(100));
    const ub = (b.keys.svc = freshUsage(50));
    ua.lastAccepted = 200;
    ub.lastAccepted = 300;
    ua.permissions["contacts:read"] = 250;
    ub.permissions["contacts:read"] = 150;
    for (let i = 0; i < 30; i++) ua.baseline[`a${i}`] = { firstSeen: 1, lastSeen: 100 + i };
    for (let i = 0; i < 30; i++) ub.baseline[`b${i}`] = { firstSeen: 1, lastSeen: 200 + i };
    const m = mergeData(a, b);
    expect(m.coverage).toEqual([
      [0, 20],
      [30, 40],
    ]);
    expect(m.keys.svc!.since).toBe(50);
    expect(m.keys.svc!.lastAccepted).toBe(300);
    expect(m.keys.svc!.permissions).toEqual({ "contacts:read": 250 });
    expect(Object.keys(m.keys.svc!.baseline)).toHaveLength(32);
    expect(m.keys.svc!.baseline.a29).toBeDefined();
    expect(m.keys.svc!.baseline.a27).toBeUndefined();
    expect(a.coverage).toEqual([[0, 10]]); // inputs untouched
  });
});

describe("coverage", () => {
  it("needs 99 % of the window", () => {
    const c: [number, number][] = [];
    extendCoverage(c, T0, T0 + 89.2 * DAY);
    expect(coverageOf(c, 90, T0 + 90 * DAY)).toEqual({ ok: true, watchedDays: 89.2, days: 90 });
    expect(coverageOf(c, 90, T0 + 91 * DAY).ok).toBe(false);
  });
});
