import { describe, expect, it } from "vitest";
import { KEYS, UNAUTHORIZED, call, clock, rateHeaders, sim } from "./helpers.js";

const CF = "/public/v1/custom-fields";

describe("control routes under /__sim", () => {
  it("GET /__sim/keys lists names, masked keys, permissions and limits, never a secret", async () => {
    const s = await sim();
    const r = await call(s, "GET", "/__sim/keys");
    const { keys } = r.json as { keys: { name: string; key: string; state: string }[] };
    expect(keys.map((k) => [k.name, k.key, k.state])).toEqual([
      ["demo-full", "mn-demo01-…", "active"],
      ["demo-readonly", "mn-demo02-…", "active"],
      ["demo-expired", "mn-demo03-…", "expired"],
      ["demo-revoked", "mn-demo04-…", "revoked"],
      ["demo-limited", "mn-demo05-…", "active"],
    ]);
    expect(r.text).not.toMatch(/FAKE/);
  });

  it("revoke: the key gets 401 at once", async () => {
    const s = await sim();
    expect((await call(s, "GET", CF)).status).toBe(200);
    expect((await call(s, "POST", "/__sim/keys/demo-full/revoke")).status).toBe(200);
    const r = await call(s, "GET", CF);
    expect([r.status, r.text]).toEqual([401, JSON.stringify(UNAUTHORIZED)]);
  });

  it("rotate: the old key gets 401, the new one (returned once, same client id) works", async () => {
    const s = await sim();
    const r = await call(s, "POST", "/__sim/keys/demo-full/rotate");
    const { key } = r.json as { key: string };
    expect(key).toMatch(/^mn-demo01-[A-Za-z0-9]+$/);
    expect(key).not.toBe(KEYS.full);
    expect((await call(s, "GET", CF)).status).toBe(401);
    expect((await call(s, "GET", CF, { key })).status).toBe(200);
  });

  it("policy: new limit and permissions apply to the next request; reset restores everything", async () => {
    const s = await sim({ now: clock().now });
    const p = await call(s, "PUT", "/__sim/keys/demo-full/policy", {
      body: { rate_limit: { limit: 2, window_seconds: 30 }, permissions: ["contacts:read"] },
    });
    expect(p.status).toBe(200);
    const r = await call(s, "GET", "/public/v1/contacts/by-email/a%40example.com");
    expect([r.status, rateHeaders(r).limit, rateHeaders(r).remaining]).toEqual([404, "2", "1"]);
    expect((await call(s, "GET", CF)).status).toBe(403);
    expect((await call(s, "GET", CF)).status).toBe(429);
    await call(s, "POST", "/__sim/keys/demo-full/revoke");
    expect((await call(s, "POST", "/__sim/reset")).status).toBe(204);
    const after = await call(s, "GET", CF);
    expect([after.status, rateHeaders(after).limit, rateHeaders(after).remaining]).toEqual([200, "120", "119"]);
  });

  it("policy: expires in the past makes the key 401; expires null clears it", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/keys/demo-full/policy", { body: { expires: "2020-01-01" } });
    expect((await call(s, "GET", CF)).status).toBe(401);
    await call(s, "PUT", "/__sim/keys/demo-expired/policy", { body: { expires: null } });
    expect((await call(s, "GET", CF, { key: KEYS.expired })).status).toBe(200);
  });

  it("reset clears the data too", async () => {
    const s = await sim();
    await call(s, "POST", "/public/v1/contacts", { body: { email: "ada@example.com" } });
    await call(s, "POST", "/__sim/reset");
    expect((await call(s, "GET", "/public/v1/contacts/by-email/ada%40example.com")).status).toBe(404);
  });

  // Regression: the control routes answered anyone, so every client of a gateway in front of the
  // sandbox could rotate a key and read the new one.
  it("control routes need the sandbox's control token", async () => {
    const s = await sim();
    for (const token of [undefined, "", "wrong-token-value", `${s.controlToken}x`]) {
      const headers: Record<string, string> = token === undefined ? {} : { "x-sim-control-token": token };
      const r = await call({ url: s.url }, "POST", "/__sim/keys/demo-full/rotate", { headers });
      expect(r.status).toBe(401);
      expect((r.json as { error: { message: string } }).error.message).toMatch(/X-Sim-Control-Token|x-sim-control-token/);
    }
    expect((await call(s, "GET", CF)).status).toBe(200); // not rotated
    const own = await sim({ controlToken: "my-rehearsal-token" });
    expect(own.controlToken).toBe("my-rehearsal-token");
    expect((await call({ url: own.url, controlToken: "my-rehearsal-token" }, "GET", "/__sim/faults")).status).toBe(200);
  });

  // Regression: a 2 MB body was "not valid JSON"; an enum error named the permission list.
  it("an oversized control body is 413, and enum errors name the rule's own values", async () => {
    const s = await sim();
    const big = await call(s, "PUT", "/__sim/faults", { body: JSON.stringify({ latencyMs: 1, pad: "x".repeat(2 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect((big.json as { error: { code: string; message: string } }).error).toEqual({ code: "payload_too_large", message: "Control request bodies are limited to 100kb" });
    const status = await call(s, "PUT", "/__sim/faults", { body: { errorStatus: 404, rateLimitHeaders: "sometimes" } });
    expect((status.json as { error: { message: string } }).error.message).toBe(
      "errorStatus: must be one of 500, 503; rateLimitHeaders: must be one of normal, missing, garbage, negative, huge",
    );
    const perm = await call(s, "PUT", "/__sim/keys/demo-full/policy", { body: { permissions: ["everything"] } });
    expect((perm.json as { error: { message: string } }).error.message).toMatch(/^permissions\[0\]: must be one of contacts:read, /);
  });

  it("invalid control bodies and unknown keys are rejected with a reason", async () => {
    const s = await sim();
    const bad = await call(s, "PUT", "/__sim/keys/demo-full/policy", { body: { rate_limit: { limit: 0 } } });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { message: string } }).error.message).toBe("rate_limit.limit: must be >= 1; rate_limit.window_seconds: is required");
    const faults = await call(s, "PUT", "/__sim/faults", { body: { errorRate: 2, colour: "red" } });
    expect((faults.json as { error: { message: string } }).error.message).toBe("colour: unknown field; errorRate: must be <= 1");
    expect((await call(s, "POST", "/__sim/keys/nope/revoke")).status).toBe(404);
  });
});

describe("faults injected through /__sim/faults show up in responses", () => {
  it("errorRate 1 with 503: every public request gets 503 with Retry-After, before auth; DELETE restores", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { errorRate: 1, errorStatus: 503 } });
    for (const key of [KEYS.full, null]) {
      const r = await call(s, "GET", CF, { key });
      expect(r.status).toBe(503);
      expect(r.json).toEqual({ error: { code: "service_unavailable", message: "Service temporarily unavailable" } });
      expect(rateHeaders(r).retryAfter).toBe("1");
    }
    expect((await call(s, "GET", "/__sim/faults")).json).toEqual({ errorRate: 1, errorStatus: 503 });
    await call(s, "DELETE", "/__sim/faults");
    expect((await call(s, "GET", CF)).status).toBe(200);
  });

  it("errorRate is a share: with an injected random source, draws below the rate fail", async () => {
    const draws = [0.1, 0.9, 0.29, 0.3];
    const s = await sim({ random: () => draws.shift() ?? 1 });
    await call(s, "PUT", "/__sim/faults", { body: { errorRate: 0.3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(s, "GET", CF)).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it("dropRate 1: the connection is destroyed without a response", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { dropRate: 1 } });
    await expect(fetch(`${s.url}${CF}`, { headers: { authorization: `Bearer ${KEYS.full}` } })).rejects.toThrow(/fetch failed/);
  });

  it("latencyMs delays each public request by that much (through the injectable sleep)", async () => {
    const slept: number[] = [];
    const s = await sim({ sleep: async (ms) => void slept.push(ms) });
    await call(s, "PUT", "/__sim/faults", { body: { latencyMs: 250 } });
    expect((await call(s, "GET", CF)).status).toBe(200);
    await call(s, "GET", "/__sim/faults");
    expect(slept).toEqual([250]);
  });

  it.each([
    ["missing", { limit: null, remaining: null, reset: null, retryAfter: null }],
    ["garbage", { limit: "soon-ish", remaining: "soon-ish", reset: "soon-ish", retryAfter: null }],
    ["negative", { limit: "-120", remaining: "-119" }],
    ["huge", { limit: "184467440737095516150", remaining: "184467440737095516150" }],
  ] as const)("rateLimitHeaders %s", async (mode, expected) => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { rateLimitHeaders: mode } });
    const r = await call(s, "GET", CF, { record: false });
    expect(r.status).toBe(200);
    expect(rateHeaders(r)).toMatchObject(expected);
  });

  it("rateLimitHeaders garbage also distorts Retry-After on 429", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { rateLimitHeaders: "garbage" } });
    for (let i = 0; i < 5; i++) await call(s, "GET", CF, { key: KEYS.limited, record: false });
    const r = await call(s, "GET", CF, { key: KEYS.limited, record: false });
    expect([r.status, rateHeaders(r).retryAfter]).toEqual([429, "soon-ish"]);
  });

  it("nonJsonErrors: error responses become an HTML page, successes stay JSON", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { nonJsonErrors: true } });
    const r = await call(s, "GET", CF, { key: KEYS.revoked, record: false });
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(r.text).toMatch(/<html>/);
    expect((await call(s, "GET", CF)).headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("faults never touch /__sim itself", async () => {
    const s = await sim();
    await call(s, "PUT", "/__sim/faults", { body: { errorRate: 1, dropRate: 1 } });
    expect((await call(s, "GET", "/__sim/keys")).status).toBe(200);
    expect((await call(s, "DELETE", "/__sim/faults")).status).toBe(200);
  });
});

describe("logs", () => {
  it("one line per request with the key name, never the key", async () => {
    const lines: string[] = [];
    const s = await sim({ log: (l) => lines.push(l) });
    await call(s, "GET", CF);
    await call(s, "GET", CF, { key: KEYS.revoked });
    await call(s, "POST", "/__sim/keys/demo-full/rotate");
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^GET \/public\/v1\/custom-fields 200 key=demo-full \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/public\/v1\/custom-fields 401 key=demo-revoked /);
    expect(lines.join("\n")).not.toMatch(/FAKE|Bearer/);
  });
});
