// 100 days of traffic replayed against an injected clock: usage verdicts need coverage, clear on
// first use, and rotation / new-caller verdicts appear exactly when they should.
import { describe, expect, it } from "vitest";
import { config, DAY, harness, HOUR, T0 } from "./support.js";

const READ = "/public/v1/contacts/by-email/{email}";
const WRITE = "/public/v1/contacts/{id}";
const fresh = { created: "2025-12-01", expires: "2026-11-01" };

describe("unused_permission over 100 replayed days", () => {
  it("raises exactly one finding for the unused write after 90 days, suggests the reads, and clears on the first write", () => {
    const h = harness(config([{ name: "reader", permissions: ["contacts:read", "contacts:write"], ...fresh }]));
    const at: Record<number, string[]> = {};
    for (let d = 0; d <= 100; d++) {
      h.clock.now = T0 + d * DAY;
      h.call({ alias: "reader", operation: READ });
      const r = h.reports()[0]!;
      at[d] = [...r.findings.map((f) => f.finding), ...r.pending.map((p) => `pending:${p.finding}`)];
    }
    expect(at[30]).toEqual(["pending:unused_permission"]);
    expect(at[89]).toEqual(["pending:unused_permission"]);
    expect(at[90]).toEqual(["unused_permission"]);
    const f = h.findings("reader");
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.suggested).toEqual(["contacts:read"]);
    expect(f[0]!.evidence.unused).toEqual([{ permission: "contacts:write", lastUsed: null }]);
    h.call({ alias: "reader", method: "PUT", operation: WRITE });
    expect(h.findings("reader")).toEqual([]);
  });

  it("a key watched for 40 days gets 'not enough history', not a verdict", () => {
    const h = harness(config([{ name: "old", permissions: ["contacts:read"], ...fresh }]));
    h.clock.now = T0 + 60 * DAY;
    h.apply(
      config([
        { name: "old", permissions: ["contacts:read"], ...fresh },
        { name: "late", permissions: ["contacts:read", "contacts:write"], ...fresh },
      ]),
    );
    for (let d = 60; d <= 100; d++) {
      h.clock.now = T0 + d * DAY;
      h.call({ alias: "late", operation: READ });
    }
    const late = h.reports().find((r) => r.key === "late")!;
    expect(late.findings).toEqual([]);
    expect(late.pending).toEqual([{ key: "late", finding: "unused_permission", summary: "not enough history: 40 of 90 days watched" }]);
    // The key configured from the start was watched the whole window and never used: idle.
    expect(h.findings("old").map((f) => f.finding)).toEqual(["idle"]);
  });

  it("a gap in coverage (the exporter down 10 days) withholds the idle verdict", () => {
    const cfg = config([{ name: "quiet", ...fresh }]);
    const h = harness(cfg);
    h.clock.now = T0 + 40 * DAY;
    h.store.snapshot(h.clock.now);
    const later = harness(cfg, T0 + 50 * DAY, h.dir);
    void h; // the first run ended at day 40 without a final flush: its state is what was written
    later.clock.now = T0 + 100 * DAY;
    expect(later.reports()[0]!.findings).toEqual([]);
  });
});

describe("rotation_pending", () => {
  it("turns into 'safe to revoke' exactly rotation_quiet_hours after the old key's last accepted use, never earlier, listing exactly the callers", () => {
    const h = harness(
      config([
        { name: "old", ...fresh },
        { name: "new", replaces: "old", ...fresh },
      ]),
    );
    h.call({ alias: "old", operation: READ, address: "203.0.113.9", headers: { "user-agent": "billing/1.0" } });
    h.clock.now += HOUR;
    h.call({ alias: "new", operation: READ });
    expect(h.findings("old")).toEqual([]); // no use after the successor's first: nothing to move yet…
    h.clock.now += HOUR;
    h.call({ alias: "old", operation: READ, address: "203.0.113.9", headers: { "user-agent": "billing/1.0" } });
    h.clock.now += HOUR;
    h.call({ alias: "old", method: "PUT", operation: WRITE, address: "192.0.2.44", headers: { "user-agent": "crm-sync/2.3" } });
    const t1 = h.clock.now;
    const pending = h.findings("old").find((f) => f.finding === "rotation_pending")!;
    expect(pending.severity).toBe("warning");
    expect((pending.evidence.callers as { address: string; userAgent: string; lastOperation: string }[]).map((c) => [c.address, c.userAgent, c.lastOperation])).toEqual([
      ["203.0.113.9", "billing/1.0", READ],
      ["192.0.2.44", "crm-sync/2.3", WRITE],
    ]);
    h.clock.now = t1 + 24 * HOUR - 1;
    expect(h.findings("old").find((f) => f.finding === "rotation_pending")!.severity).toBe("warning");
    h.clock.now = t1 + 24 * HOUR;
    const safe = h.findings("old").find((f) => f.finding === "rotation_pending")!;
    expect(safe.severity).toBe("info");
    expect(safe.summary).toMatch(/safe to revoke/);
  });
});

describe("new_caller", () => {
  it("after 14 days of stable callers, a new /24 gives exactly one event; a change inside a known /24 none", () => {
    const h = harness(config([{ name: "svc", ...fresh }]));
    for (let d = 0; d < 15; d++) {
      h.clock.now = T0 + d * DAY;
      h.call({ alias: "svc", operation: READ, address: "198.51.100.10" });
      h.call({ alias: "svc", operation: READ, address: "2001:db8:1:2::5", headers: { "user-agent": "okhttp/4.12.0" } });
    }
    expect(h.events.newCallers.get("svc")).toBeUndefined();
    h.call({ alias: "svc", operation: READ, address: "198.51.100.77" }); // same /24
    h.call({ alias: "svc", operation: READ, address: "2001:db8:1:ffff::1", headers: { "user-agent": "okhttp/5.0" } }); // same /48, same product
    expect(h.events.newCallers.get("svc")).toBeUndefined();
    h.call({ alias: "svc", operation: READ, address: "203.0.113.5" });
    h.call({ alias: "svc", operation: READ, address: "203.0.113.6" });
    expect(h.events.newCallers.get("svc")).toBe(1);
    const f = h.findings("svc").find((x) => x.finding === "new_caller")!;
    expect(f.evidence.callers).toEqual([{ caller: "203.0.113.0/24 curl", firstSeen: new Date(h.clock.now).toISOString() }]);
    h.clock.now += 24 * HOUR + 1;
    expect(h.findings("svc").some((x) => x.finding === "new_caller")).toBe(false);
  });

  it("1,000,000 distinct callers keep at most 32 per key", () => {
    const h = harness(config([{ name: "svc", ...fresh }]));
    h.clock.now = T0 + 20 * DAY;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++) {
      h.call({ alias: "svc", operation: READ, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.1`, headers: { "user-agent": `agent${i % 977}/1` } });
    }
    const usage = h.store.peek("svc")!;
    expect(Object.keys(usage.baseline).length).toBeLessThanOrEqual(32);
    expect(usage.newCallers.length).toBeLessThanOrEqual(32);
    globalThis.gc?.();
    const growth = process.memoryUsage().heapUsed - before;
    // Stated, not timed: the state per key is bounded, so growth is garbage at most.
    console.log(`heap growth after 1,000,000 distinct callers: ${(growth / 1024 / 1024).toFixed(1)} MiB`);
    expect(JSON.stringify(usage).length).toBeLessThan(16_000);
  }, 180_000);
});
