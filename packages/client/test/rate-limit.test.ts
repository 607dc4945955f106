import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRateLimit } from "../src/index.js";

const NOW = Date.parse("2026-11-27T12:00:00Z");
const headers = (h: Record<string, string>) => new Headers(h);

describe("readRateLimit", () => {
  it.each<[string, Record<string, string>, object, unknown?]>([
    [
      "X-RateLimit-* with epoch reset",
      { "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "7", "X-RateLimit-Reset": "1795780860" },
      { limit: 120, remaining: 7, resetAt: 1795780860 },
    ],
    ["delta-seconds reset", { "X-RateLimit-Reset": "30" }, { resetAt: NOW / 1000 + 30 }],
    ["epoch milliseconds reset", { "X-RateLimit-Reset": "1795780860000" }, { resetAt: 1795780860 }],
    [
      "IETF RateLimit-* names",
      { "RateLimit-Limit": "100, 100;w=60", "RateLimit-Remaining": "50", "RateLimit-Reset": "12" },
      { limit: 100, remaining: 50, resetAt: NOW / 1000 + 12 },
    ],
    ["X- names win over IETF names", { "X-RateLimit-Remaining": "1", "RateLimit-Remaining": "2" }, { remaining: 1 }],
    ["Retry-After seconds", { "Retry-After": "60" }, { retryAfterSeconds: 60 }],
    ["Retry-After HTTP date", { "Retry-After": new Date(NOW + 90_000).toUTCString() }, { retryAfterSeconds: 90 }],
    ["Retry-After date in the past", { "Retry-After": new Date(NOW - 90_000).toUTCString() }, { retryAfterSeconds: 0 }],
    ["body retry_after when no header", {}, { retryAfterSeconds: 45 }, { error: { code: "rate_limit_exceeded", retry_after: 45 } }],
    ["header wins over body", { "Retry-After": "5" }, { retryAfterSeconds: 5 }, { error: { retry_after: 45 } }],
    ["nothing at all", {}, {}],
    ["negative values are garbage", { "X-RateLimit-Limit": "-1", "X-RateLimit-Remaining": "-5", "X-RateLimit-Reset": "-3", "Retry-After": "-1" }, {}],
    ["non-numeric values are garbage", { "X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "NaN", "X-RateLimit-Reset": "soon", "Retry-After": "later" }, {}],
    ["huge values are garbage", { "X-RateLimit-Limit": "1e400", "X-RateLimit-Remaining": "99999999999999999999999" }, {}],
    ["empty values are garbage", { "X-RateLimit-Limit": "", "X-RateLimit-Remaining": " " }, {}],
    ["hex and signs are garbage", { "X-RateLimit-Limit": "0x10", "X-RateLimit-Remaining": "+5" }, {}],
    ["zero is a real value", { "X-RateLimit-Remaining": "0" }, { remaining: 0 }],
    ["garbage body retry_after", {}, {}, { error: { retry_after: "soon" } }],
  ])("%s", (_name, h, expected, body) => {
    expect(readRateLimit(headers(h), { now: NOW, body })).toEqual(expected);
  });

  it("reads a Response", () => {
    const response = new Response(null, { status: 429, headers: { "X-RateLimit-Remaining": "0", "Retry-After": "3" } });
    expect(readRateLimit(response, { now: NOW })).toEqual({ remaining: 0, retryAfterSeconds: 3 });
  });

  it("never throws and never returns a negative or non-finite number, on any headers or body", () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.double().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
    );
    fc.assert(
      fc.property(
        fc.record({ "x-ratelimit-limit": value, "x-ratelimit-remaining": value, "x-ratelimit-reset": value, "retry-after": value, "ratelimit-limit": value }, { requiredKeys: [] }),
        fc.anything(),
        (h, body) => {
          const map = new Map(Object.entries(h));
          const info = readRateLimit({ get: (n: string) => map.get(n) ?? null }, { now: NOW, body });
          for (const v of Object.values(info)) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("survives a header source that throws", () => {
    expect(
      readRateLimit({
        get: () => {
          throw new Error("boom");
        },
      }),
    ).toEqual({});
  });
});
