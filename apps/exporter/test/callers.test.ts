// Caller attribution: the space-saving table, the trusted-proxy address, the tracker's fields,
// the client id kept for an unknown key, secrets masked, and the log throttle.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { compileTrust, callerAddress } from "../src/callers/client-address.js";
import { SpaceSaving } from "../src/callers/space-saving.js";
import { CallerTracker, NEW_CALLER_LINES_PER_MINUTE, RELOG_MS } from "../src/callers/tracker.js";
import { parseConfig } from "../src/index.js";
import { captureLogger } from "./helpers.js";

const fakeReq = (remote: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress: remote }, connection: { remoteAddress: remote }, headers }) as unknown as IncomingMessage;

describe("SpaceSaving", () => {
  it("keeps a heavy hitter (more than total/capacity) through a flood of distinct items, at a fixed size", () => {
    const t = new SpaceSaving<string>(20);
    for (let i = 0; i < 1000; i++) t.add("heavy", () => "heavy");
    for (let i = 0; i < 10_000; i++) t.add(`x${i}`, () => `x${i}`);
    expect(t.size).toBe(20);
    expect(t.top()[0]).toMatchObject({ value: "heavy", count: 1000, error: 0 });
    expect(t.evictions).toBe(10_000 - 19);
    // Every newcomer's count over-estimates by exactly its error: it was seen once.
    for (const e of t.top().slice(1)) expect(e.count - e.error).toBe(1);
  });

  it("gives a newcomer the evicted count as its error bound", () => {
    const t = new SpaceSaving<string>(2);
    t.add("a", () => "a");
    t.add("a", () => "a");
    t.add("b", () => "b");
    const { entry, added } = t.add("c", () => "c");
    expect(added).toBe(true);
    expect(entry).toMatchObject({ count: 2, error: 1 });
    expect(t.get("b")).toBeUndefined();
  });
});

describe("caller address", () => {
  it("ignores X-Forwarded-For unless the peer is a trusted proxy", () => {
    const req = fakeReq("203.0.113.9", { "x-forwarded-for": "198.51.100.1" });
    expect(callerAddress(req, compileTrust([]))).toBe("203.0.113.9");
    expect(callerAddress(req, compileTrust(["10.0.0.0/8"]))).toBe("203.0.113.9");
  });

  it("takes the hop the trusted proxies vouch for, not one the client wrote", () => {
    // The client forged 1.2.3.4; the trusted proxy 10.0.0.5 appended the real peer 198.51.100.1.
    const req = fakeReq("::ffff:10.0.0.5", { "x-forwarded-for": "1.2.3.4, 198.51.100.1" });
    expect(callerAddress(req, compileTrust(["10.0.0.0/8"]))).toBe("198.51.100.1");
    expect(callerAddress(fakeReq("::ffff:127.0.0.1"), compileTrust([]))).toBe("127.0.0.1");
  });

  // Regression: behind a trusted proxy the X-Forwarded-For hop was kept verbatim, so any text
  // (a key included, up to ~8,000 characters) reached the callers API and the log.
  it.each([
    ["an API key", "mn-xffkey-CANARYxff9d2e41b7"],
    ["a key after a real address", "198.51.100.1, mn-xffkey-CANARYxff9d2e41b7"],
    ["8,000 characters of text", "x".repeat(8000)],
    ["an IPv4 address with a port", "198.51.100.1:4711"],
  ])("behind a trusted proxy, an X-Forwarded-For hop that is %s is recorded as invalid, never as its text", (_what, xff) => {
    const address = callerAddress(fakeReq("127.0.0.1", { "x-forwarded-for": xff }), compileTrust(["loopback"]));
    expect(address).toBe("invalid");
  });

  it.each([
    ["198.51.100.1", "198.51.100.1"],
    ["2001:db8::7", "2001:db8::7"],
    ["::ffff:198.51.100.1", "198.51.100.1"],
    ["fe80::1%eth0", "fe80::1"],
    ["fe80::1%mn-xffkey-CANARYxff9d2e41b7", "fe80::1"], // a zone is free text: dropped
  ])("behind a trusted proxy, the hop %s is kept as the address %s", (xff, shown) => {
    expect(callerAddress(fakeReq("127.0.0.1", { "x-forwarded-for": xff }), compileTrust(["loopback"]))).toBe(shown);
  });

  it("rejects a bad gateway.trusted_proxies entry, naming it", () => {
    expect(() => parseConfig({ gateway: { trusted_proxies: ["loopback", "10.0.0.0/33"] }, keys: [] }, {})).toThrow(
      /gateway\.trusted_proxies\[1\]: must be an IP address, a CIDR block such as 10\.0\.0\.0\/8, or one of loopback, linklocal, uniquelocal; got "10\.0\.0\.0\/33"/,
    );
    expect(parseConfig({ gateway: { trusted_proxies: ["loopback", "192.168.0.0/16", "::1"] }, keys: [] }, {}).gateway.trustedProxies).toEqual([
      "loopback",
      "192.168.0.0/16",
      "::1",
    ]);
    expect(parseConfig({ keys: [] }, {}).gateway.trustedProxies).toEqual([]);
  });
});

function tracker(capacity = 20) {
  let now = Date.parse("2026-12-01T12:00:00Z");
  const log = captureLogger("info");
  const t = new CallerTracker({ logger: log.logger, capacity, now: () => now });
  t.configure(
    [
      { name: "prod", clientId: "acme01" },
      { name: "old", clientId: "acme02" },
    ],
    ["loopback"],
  );
  return { t, log, advance: (ms: number) => (now += ms), lines: () => log.lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("CallerTracker", () => {
  it("records address, User-Agent, operation, counts and first/last seen per alias", () => {
    const { t, advance } = tracker();
    const req = fakeReq("127.0.0.1", { "x-forwarded-for": "198.51.100.7", "user-agent": "billing-worker/1.2" });
    t.rejected(req, "prod", "/public/v1/contacts", 401);
    advance(5000);
    t.rejected(req, "prod", "/public/v1/custom-fields", 403);
    const table = t.table("prod")!;
    expect(table.callers).toEqual([
      expect.objectContaining({
        address: "198.51.100.7",
        userAgent: "billing-worker/1.2",
        count: 2,
        countError: 0,
        unauthorized: 1,
        forbidden: 1,
        lastOperation: "/public/v1/custom-fields",
        firstSeen: "2026-12-01T12:00:00.000Z",
        lastSeen: "2026-12-01T12:00:05.000Z",
      }),
    ]);
    expect(table.callers[0]).not.toHaveProperty("clientId");
    expect(t.table("nope")).toBeUndefined();
  });

  it("keeps the presented client id for an unknown key only when it is one of the configured keys'", () => {
    const { t } = tracker();
    t.rejected(fakeReq("127.0.0.1", { authorization: "Bearer mn-acme02-OLDsecretROTATED0000000000", "user-agent": "a" }), undefined, "/x", 401);
    t.rejected(fakeReq("127.0.0.1", { authorization: "Bearer mn-evil99-whatever00000000000000000", "user-agent": "b" }), undefined, "/x", 401);
    const rows = t.table("unknown")!.callers;
    expect(rows.find((r) => r.userAgent === "a")!.clientId).toBe("acme02");
    expect(rows.find((r) => r.userAgent === "b")).not.toHaveProperty("clientId");
    expect(JSON.stringify(rows)).not.toMatch(/OLDsecret|evil99|whatever/);
  });

  it("masks a key inside a User-Agent and never keeps the secret", () => {
    const { t, log } = tracker();
    t.rejected(fakeReq("127.0.0.1", { "user-agent": "bot mn-acme01-CANARYsecret1234567890abcd \u0007" }), "prod", "/x", 401);
    const all = JSON.stringify(t.table("prod")) + log.lines.join("\n");
    expect(all).not.toContain("CANARYsecret1234567890abcd");
    expect(t.table("prod")!.callers[0]!.userAgent).not.toContain("\u0007");
  });

  it("logs a caller once when first seen, then at most once a minute while it continues", () => {
    const { t, advance, lines } = tracker();
    const req = fakeReq("127.0.0.1", { "user-agent": "old-mobile-app/3.1" });
    for (let i = 0; i < 10_000; i++) t.rejected(req, "old", "/public/v1/templates/whatsapp", 401);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ level: 30, msg: "new caller with a rejected key", alias: "old", userAgent: "old-mobile-app/3.1", address: "127.0.0.1", count: 1 });
    advance(RELOG_MS - 1);
    t.rejected(req, "old", "/public/v1/templates/whatsapp", 401);
    expect(lines()).toHaveLength(1);
    advance(1);
    t.rejected(req, "old", "/public/v1/templates/whatsapp", 401);
    expect(lines()).toHaveLength(2);
    expect(lines()[1]).toMatchObject({ msg: "caller still rejected", count: 10_002, sinceLastLine: 10_001 });
  });

  it("under a flood of new callers logs a bounded number of lines and counts the rest", () => {
    const { t, advance, lines } = tracker(20);
    for (let i = 0; i < 10_000; i++) t.rejected(fakeReq("127.0.0.1", { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }), undefined, "/x", 401);
    expect(lines()).toHaveLength(NEW_CALLER_LINES_PER_MINUTE);
    expect(t.table("unknown")!.callers).toHaveLength(20);
    expect(t.size).toBe(20);
    advance(RELOG_MS);
    t.rejected(fakeReq("127.0.0.1", { "x-forwarded-for": "192.0.2.1" }), undefined, "/x", 401);
    expect(lines().at(-1)).toMatchObject({ address: "192.0.2.1", newCallersNotLogged: 10_000 - NEW_CALLER_LINES_PER_MINUTE });
  });

  it("drops the table of a key that left the config and keeps the others", () => {
    const { t } = tracker();
    t.rejected(fakeReq("127.0.0.1"), "prod", "/x", 401);
    t.rejected(fakeReq("127.0.0.1"), "old", "/x", 401);
    t.configure([{ name: "prod", clientId: "acme01" }], []);
    expect(t.table("old")).toBeUndefined();
    expect(t.table("prod")!.callers).toHaveLength(1);
    expect(t.table("prod")!.callers[0]!.userAgent).toBe("(none)");
  });
});
