// The typed client against the sandbox, as a user writes it: the published example (its 429
// branch reads the documented `retry_after`), the by-email lookup with a raw address, and the
// one-shot email's documented 401/403 bodies reaching `error.error.code`.
import { createMinimoClient } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { describe, expect, it } from "vitest";
// The client's published example, run as it is printed (examples are documentation, not a module).
import { upsertJohn } from "../../../packages/client/examples/upsert-contact.js";
import { FORBIDDEN, KEYS, UNAUTHORIZED, clock, sim } from "./helpers.js";

describe("the client's published example against the sandbox", () => {
  it("upserts and reports the budget from the X-RateLimit-* headers", async () => {
    const s = await sim({ now: clock().now });
    const result = await upsertJohn(KEYS.full, s.url);
    expect(result).toEqual({ contactId: String(s.state.findByEmail("john@example.com")!.id), remaining: 119, limit: 120 });
  });

  it("on 429 it waits what the docs give: the body's error.retry_after, with no Retry-After header to fall back on", async () => {
    const c = clock("2026-11-27T12:00:00.000Z");
    const s = await sim({ now: c.now });
    // The docs document only the body's retry_after; without the (undocumented) headers the
    // example must still report the wait.
    s.control.setFaults({ rateLimitHeaders: "missing" });
    for (let i = 0; i < 5; i++) {
      await upsertJohn(KEYS.limited, s.url);
      c.advance(1_000);
    }
    // 5 s into the 60 s window: the body says 55.
    await expect(upsertJohn(KEYS.limited, s.url)).rejects.toThrow("Rate limited; retry after 55 s");
  });

  it("a revoked key is the 401 branch", async () => {
    const s = await sim();
    await expect(upsertJohn(KEYS.revoked, s.url)).rejects.toThrow("missing, invalid, expired or revoked");
  });
});

describe("getContactByEmail takes the raw address; the client encodes it", () => {
  it("a raw address with + and @ reaches that contact, not a look-alike", async () => {
    const lines: string[] = [];
    const s = await sim({ log: (line) => lines.push(line) });
    const minimo = createMinimoClient({ apiKey: KEYS.full, baseUrl: s.url, retry: false });
    await minimo.POST("/public/v1/contacts", { body: { email: "ada@example.com", firstName: "Plain" } });
    const created = await minimo.POST("/public/v1/contacts", { body: { email: "ada+news@example.com", firstName: "Tagged" } });
    const id = Number(created.data?.[0]?.contactId);
    const { data, response } = await minimo.GET("/public/v1/contacts/by-email/{email}", { params: { path: { email: "ada+news@example.com" } } });
    expect([response.status, data?.data.id, data?.data.email]).toEqual([200, id, "ada+news@example.com"]);
    // On the wire `+` is %2B (a form decoder would read a bare `+` as a space) and `@` is %40.
    expect(lines.some((l) => l.startsWith("GET /public/v1/contacts/by-email/ada%2Bnews%40example.com 200"))).toBe(true);
  });

  it("an address encoded by the caller is encoded again and answers 400 — why the spec says raw", async () => {
    const s = await sim();
    const minimo = createMinimoClient({ apiKey: KEYS.full, baseUrl: s.url, retry: false });
    await minimo.POST("/public/v1/contacts", { body: { email: "ada+news@example.com" } });
    const { response } = await minimo.GET("/public/v1/contacts/by-email/{email}", {
      params: { path: { email: encodeURIComponent("ada+news@example.com") } },
    });
    expect(response.status).toBe(400);
  });

  it("the spec's parameter description says so (and no longer says URL-encoded)", () => {
    const op = spec.paths["/public/v1/contacts/by-email/{email}"].get;
    const param = op.parameters.find((p: { name: string }) => p.name === "email") as { description: string };
    expect(param.description).not.toMatch(/URL-encoded/i);
    expect(param.description).toMatch(/raw/);
    expect(op.description).toMatch(/pass it the raw address/);
  });
});

describe("sendEmail's 401 and 403 through the client: error.error.code, as on every operation", () => {
  it.each([
    ["a revoked key", KEYS.revoked, 401, UNAUTHORIZED],
    ["a key without TRANSACTIONAL", KEYS.readonly, 403, FORBIDDEN],
  ] as const)("%s", async (_what, apiKey, status, body) => {
    const s = await sim();
    const minimo = createMinimoClient({ apiKey, baseUrl: s.url, retry: false });
    const { error, response } = await minimo.POST("/public/v1/emails", { body: { to: "a@example.com", subject: "s", html: "<p>x</p>" } });
    expect(response.status).toBe(status);
    expect(error).toEqual(body);
    // The page's flat 400 is the one string form, so the envelope is reached by narrowing on it.
    expect(error === undefined || typeof error.error === "string" ? undefined : error.error.code).toBe(body.error.code);
  });
});
