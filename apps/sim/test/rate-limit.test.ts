import { describe, expect, it } from "vitest";
import { readRateLimit } from "@minimo/client";
import { ANONYMOUS_POLICY } from "../src/index.js";
import { KEYS, UNAUTHORIZED, call, clock, rateHeaders, sim } from "./helpers.js";

const key = "mn-acme01-TESTlimited3000000000";
const keys = [{ name: "tight", key, rate_limit: { limit: 3, window_seconds: 10 } }];

describe("rate limits per key", () => {
  it("X-RateLimit-Remaining counts down, the request past the limit gets 429 with Retry-After, and the window resets", async () => {
    const c = clock("2026-11-27T12:00:00.000Z");
    const start = c.now();
    const s = await sim({ keys, now: c.now });
    const seen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(s, "GET", "/public/v1/custom-fields", { key });
      expect(r.status).toBe(200);
      seen.push(rateHeaders(r).remaining);
      c.advance(1000);
    }
    expect(seen).toEqual(["2", "1", "0"]);
    const over = await call(s, "GET", "/public/v1/custom-fields", { key });
    expect(over.status).toBe(429);
    // 3 s into a 10 s window: 7 s left, in the header, the message and retry_after alike.
    expect(over.text).toBe(
      JSON.stringify({
        error: { code: "rate_limit_exceeded", message: "Rate limit exceeded. Please retry after 7 seconds.", retry_after: 7 },
      }),
    );
    expect(rateHeaders(over)).toEqual({ limit: "3", remaining: "0", reset: String((start + 10_000) / 1000), retryAfter: "7" });
    // What a client reads from it (the client's own parser agrees with the sandbox).
    expect(readRateLimit(over.headers, { body: over.json, now: c.now() })).toMatchObject({
      limit: 3,
      remaining: 0,
      resetAt: (start + 10_000) / 1000,
      retryAfterSeconds: 7,
    });
    c.set("2026-11-27T12:00:10.000Z");
    const fresh = await call(s, "GET", "/public/v1/custom-fields", { key });
    expect(fresh.status).toBe(200);
    expect(rateHeaders(fresh)).toMatchObject({ limit: "3", remaining: "2", reset: String((start + 20_000) / 1000), retryAfter: null });
  });

  it("429 comes before 410, 403 and validation: every authenticated request counts", async () => {
    const c = clock();
    const s = await sim({ now: c.now });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await call(s, "POST", "/public/v1/custom-fields", { key: KEYS.limited, body: { key: "" } });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  it("windows are per key: one key's storm leaves another's budget alone", async () => {
    const s = await sim({ now: clock().now });
    for (let i = 0; i < 5; i++) await call(s, "GET", "/public/v1/custom-fields", { key: KEYS.limited });
    expect((await call(s, "GET", "/public/v1/custom-fields", { key: KEYS.limited })).status).toBe(429);
    const other = await call(s, "GET", "/public/v1/custom-fields", { key: KEYS.full });
    expect([other.status, rateHeaders(other).limit, rateHeaders(other).remaining]).toEqual([200, "120", "119"]);
  });

  it("401s carry headers too: the key's window for an expired or revoked key (not spent), the anonymous one otherwise", async () => {
    const c = clock();
    const s = await sim({ now: c.now });
    const revoked = await call(s, "GET", "/public/v1/custom-fields", { key: KEYS.revoked });
    expect([revoked.status, revoked.text]).toEqual([401, JSON.stringify(UNAUTHORIZED)]);
    expect(rateHeaders(revoked)).toMatchObject({ limit: "120", remaining: "120" });
    const anon1 = await call(s, "GET", "/public/v1/custom-fields", { key: null });
    const anon2 = await call(s, "GET", "/public/v1/custom-fields", { key: "mn-nobody-FAKEunknown0000000000" });
    expect(rateHeaders(anon1)).toMatchObject({ limit: String(ANONYMOUS_POLICY.limit), remaining: String(ANONYMOUS_POLICY.limit - 1) });
    expect(rateHeaders(anon2)).toMatchObject({ remaining: String(ANONYMOUS_POLICY.limit - 2) });
    // Past the anonymous limit it is still 401, never 429.
    for (let i = 0; i < ANONYMOUS_POLICY.limit; i++) await call(s, "GET", "/public/v1/custom-fields", { key: null, record: false });
    const last = await call(s, "GET", "/public/v1/custom-fields", { key: null });
    expect([last.status, rateHeaders(last).remaining]).toEqual([401, "0"]);
  });

  it("every response of the suite carries all three X-RateLimit headers (contract check enforces their types)", async () => {
    const s = await sim({ now: clock().now });
    const responses = await Promise.all([
      call(s, "GET", "/public/v1/custom-fields"),
      call(s, "GET", "/public/v1/contacts/by-email/nobody%40example.com"),
      call(s, "POST", "/api/transactionals", { body: { uid: "welcome-email", recipient: "a@example.com" } }),
      call(s, "GET", "/public/v1/custom-fields", { key: KEYS.expired }),
      call(s, "DELETE", "/public/v1/contacts/99"),
    ]);
    for (const r of responses) {
      const h = rateHeaders(r);
      expect([h.limit, h.remaining, h.reset].every((v) => v !== null && /^\d+$/.test(v))).toBe(true);
    }
  });
});
