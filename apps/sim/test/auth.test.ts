import { describe, expect, it } from "vitest";
import { createMinimoClient } from "@minimo/client";
import { FORBIDDEN, KEYS, UNAUTHORIZED, call, clock, rateHeaders, recordedCount, sim } from "./helpers.js";

describe("authentication docs example", () => {
  it("the cURL example (POST /public/v1/contacts with email, firstName, lastName) succeeds with a valid key", async () => {
    const s = await sim();
    // curl -X POST https://api.minimo.it/public/v1/contacts -H "Authorization: Bearer mn-…" \
    //   -H "Content-Type: application/json" -d '{"email":"john@example.com","firstName":"John","lastName":"Doe"}'
    const r = await call(s, "POST", "/public/v1/contacts", {
      body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual([{ contactId: "1" }]);
    const got = await call(s, "GET", `/public/v1/contacts/by-email/${encodeURIComponent("john@example.com")}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ data: { id: 1, email: "john@example.com", deleted: false, company: 7 } });
  });

  it("works through @minimo/client (openapi-fetch) pointed at the sandbox", async () => {
    const s = await sim();
    const client = createMinimoClient({ apiKey: KEYS.full, baseUrl: s.url, retry: false });
    const { data, response } = await client.POST("/public/v1/contacts", {
      body: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual([{ contactId: "1" }]);
  });
});

describe("documented error cases give exactly the documented status and body", () => {
  const cases: [string, Record<string, string>][] = [
    ["missing Authorization", {}],
    ["empty Authorization", { authorization: "" }],
    ["not a Bearer scheme", { authorization: `Basic ${KEYS.full}` }],
    ["Bearer without a key", { authorization: "Bearer" }],
    ["malformed key", { authorization: "Bearer sk-live-1234567890" }],
    ["unknown key", { authorization: "Bearer mn-demo01-FAKEnotAKey0000000000000" }],
    ["expired key", { authorization: `Bearer ${KEYS.expired}` }],
    ["revoked key", { authorization: `Bearer ${KEYS.revoked}` }],
  ];
  it.each(cases)("401 for a %s", async (_name, headers) => {
    const s = await sim();
    const r = await call(s, "GET", "/public/v1/custom-fields", { key: null, headers });
    expect(r.status).toBe(401);
    expect(r.text).toBe(JSON.stringify(UNAUTHORIZED));
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("403 when the key lacks the operation's x-minimo-permission, on every write", async () => {
    const s = await sim();
    for (const [method, path, body] of [
      ["POST", "/public/v1/contacts", { email: "a@example.com" }],
      ["PUT", "/public/v1/contacts/1", { firstName: "A" }],
      ["DELETE", "/public/v1/contacts/1", undefined],
      ["POST", "/public/v1/custom-fields", { key: "K", displayName: "K", type: "text" }],
      ["POST", "/public/v1/templates/whatsapp/send", { recipient: "+393471234567", type: "template", template: { name: "order_shipped" } }],
    ] as const) {
      const r = await call(s, method, path, { key: KEYS.readonly, body });
      expect([method, path, r.status, r.text]).toEqual([method, path, 403, JSON.stringify(FORBIDDEN)]);
    }
  });

  it("the one-shot email: 401 and 403 carry the authentication page's bodies, 400 is the send-html page's flat string", async () => {
    const s = await sim();
    const body = { to: "a@example.com", subject: "s", html: "<p>x</p>" };
    const forbidden = await call(s, "POST", "/public/v1/emails", { key: KEYS.readonly, body });
    expect([forbidden.status, forbidden.text]).toEqual([403, JSON.stringify(FORBIDDEN)]);
    for (const key of [KEYS.revoked, KEYS.expired, "mn-nobody-FAKEunknown0000000000", null]) {
      const unauthorized = await call(s, "POST", "/public/v1/emails", { key, body });
      expect([unauthorized.status, unauthorized.text]).toEqual([401, JSON.stringify(UNAUTHORIZED)]);
    }
    const bad = await call(s, "POST", "/public/v1/emails", { body: { to: "nope", subject: "s", html: "h" } });
    expect([bad.status, bad.json]).toEqual([400, { error: "to must be an email" }]);
    // Only `to` is required by the page.
    expect((await call(s, "POST", "/public/v1/emails", { body: { to: "a@example.com" } })).status).toBe(200);
  });

  it("the read-only key reads", async () => {
    const s = await sim();
    await call(s, "POST", "/public/v1/contacts", { body: { email: "ada@example.com" } });
    expect((await call(s, "GET", "/public/v1/contacts/by-email/ada%40example.com", { key: KEYS.readonly })).status).toBe(200);
    expect((await call(s, "GET", "/public/v1/custom-fields", { key: KEYS.readonly })).status).toBe(200);
    expect((await call(s, "GET", "/api/templates/email", { key: KEYS.readonly })).status).toBe(200);
  });

  it("a permission is enough without *: transactional allows sendEmail and nothing else", async () => {
    const key = "mn-acme01-TESTtransactional0000";
    const s = await sim({ keys: [{ name: "mailer", key, permissions: ["transactional"] }] });
    const sent = await call(s, "POST", "/public/v1/emails", { key, body: { to: "a@example.com", subject: "s", html: "<p/>" } });
    expect(sent.status).toBe(200);
    expect((await call(s, "GET", "/public/v1/custom-fields", { key })).status).toBe(403);
  });

  it("expiry: a key with expires YYYY-MM-DD works through that UTC day and gets 401 after it", async () => {
    const c = clock("2026-11-27T23:59:59.000Z");
    const key = "mn-acme01-TESTexpiring000000000";
    const s = await sim({ now: c.now, keys: [{ name: "expiring", key, expires: "2026-11-27" }] });
    expect((await call(s, "GET", "/public/v1/custom-fields", { key })).status).toBe(200);
    c.set("2026-11-28T00:00:00.000Z");
    const r = await call(s, "GET", "/public/v1/custom-fields", { key });
    expect([r.status, r.text]).toEqual([401, JSON.stringify(UNAUTHORIZED)]);
  });

  it("410 with the documented body for a removed legacy operation, 200 before its sunset", async () => {
    const body = { recipient: "+393471234567", type: "template", template: { name: "order_shipped" } };
    const after = await sim();
    const r = await call(after, "POST", "/api/transactionals/whatsapp/send", { body });
    expect(r.status).toBe(410);
    expect(r.text).toBe(JSON.stringify({ error: { code: "gone", message: "This endpoint was removed on 2026-06-01. See the migration guide." } }));
    const before = await sim({ now: clock("2026-05-31T23:59:59.000Z").now });
    expect((await call(before, "POST", "/api/transactionals/whatsapp/send", { body })).status).toBe(200);
  });

  it("422 validation_error with details for a body that breaks the schema; 400 where 422 is not documented", async () => {
    const s = await sim();
    const r = await call(s, "POST", "/public/v1/custom-fields", { body: { key: "SIZE", type: "number" } });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: { code: "validation_error", details: { field: "displayName" } } });
    const extra = await call(s, "POST", "/public/v1/contacts", { body: { email: "a@example.com", nickname: "x" } });
    expect(extra.status).toBe(422);
    expect(extra.json).toMatchObject({ error: { code: "validation_error", details: { field: "nickname" } } });
    const tpl = await call(s, "POST", "/api/templates/email/send", { body: { templateId: 123, customFields: {} } });
    expect(tpl.status).toBe(422);
    expect(tpl.json).toMatchObject({ error: { code: "validation_error", details: { field: "recipient" } } });
  });

  it("400 for malformed JSON, bad query and path parameters; 404 for an unknown path", async () => {
    const s = await sim();
    const bad = await call(s, "POST", "/public/v1/contacts", { body: "{not json" });
    expect([bad.status, (bad.json as { error: { code: string } }).error.code]).toEqual([400, "bad_request"]);
    const group = await call(s, "GET", "/public/v1/custom-fields?groupBy=colour");
    expect([group.status, (group.json as { error: { code: string } }).error.code]).toEqual([400, "invalid_group_by"]);
    const email = await call(s, "GET", "/public/v1/contacts/by-email/not-an-email");
    expect([email.status, (email.json as { error: { code: string } }).error.code]).toEqual([400, "bad_request"]);
    const unknown = await call(s, "GET", "/public/v2/contacts");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "not_found" } });
    // Order: an unknown path is 404 even without a key, and still carries the rate-limit headers.
    const anon = await call(s, "GET", "/", { key: null });
    expect(anon.status).toBe(404);
    expect(rateHeaders(anon).limit).not.toBeNull();
  });

  it("documented business errors: 409 duplicate, 422 template_not_approved, 404 template_not_found, soft delete and restore", async () => {
    const s = await sim();
    const field = { key: "company_size", displayName: "Company size", type: "number" };
    expect((await call(s, "POST", "/public/v1/custom-fields", { body: field })).json).toMatchObject({ data: { key: "COMPANY_SIZE" } });
    const dup = await call(s, "POST", "/public/v1/custom-fields", { body: field });
    expect([dup.status, (dup.json as { error: { code: string } }).error.code]).toEqual([409, "duplicate_resource"]);
    const wa = await call(s, "POST", "/public/v1/templates/whatsapp/send", {
      body: { recipient: "+393471234567", type: "template", template: { name: "spring_promo" } },
    });
    expect([wa.status, (wa.json as { error: { code: string } }).error.code]).toEqual([422, "template_not_approved"]);
    const tpl = await call(s, "POST", "/api/templates/email/send", { body: { templateId: "tmpl_nope", recipient: "a@example.com" } });
    expect([tpl.status, (tpl.json as { error: { code: string } }).error.code]).toEqual([404, "template_not_found"]);
    await call(s, "POST", "/public/v1/contacts", { body: { email: "ada@example.com", phone: "+393471234567" } });
    expect((await call(s, "DELETE", "/public/v1/contacts/1")).status).toBe(204);
    expect((await call(s, "GET", "/public/v1/contacts/by-email/ada%40example.com")).status).toBe(404);
    expect((await call(s, "DELETE", "/public/v1/contacts/1")).status).toBe(404);
    // Upsert matches by phone when the email is new, and restores the soft-deleted contact.
    const up = await call(s, "POST", "/public/v1/contacts", { body: { email: "ada.l@example.com", phone: "+393471234567" } });
    expect(up.json).toEqual([{ contactId: "1" }]);
    expect((await call(s, "GET", "/public/v1/contacts/by-email/ada.l%40example.com")).json).toMatchObject({ data: { id: 1, deleted: false } });
  });

  it("a wrong method on a documented path is 405 with Allow, before auth; an unknown path stays 404", async () => {
    const s = await sim();
    const r = await call(s, "PATCH", "/public/v1/contacts/1", { key: null });
    expect([r.status, r.headers.get("allow")]).toEqual([405, "PUT, DELETE"]);
    expect(r.json).toMatchObject({ error: { code: "method_not_allowed" } });
    const list = await call(s, "DELETE", "/public/v1/custom-fields");
    expect([list.status, list.headers.get("allow")]).toEqual([405, "GET, HEAD, POST"]);
    const upsertPath = await call(s, "GET", "/public/v1/contacts/upsert");
    expect([upsertPath.status, upsertPath.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await call(s, "PATCH", "/public/v1/nothing-here")).status).toBe(404);
  });

  it("the Bearer scheme is case-insensitive (RFC 7235): bearer and BEARER authenticate", async () => {
    const s = await sim();
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      const r = await call(s, "GET", "/public/v1/custom-fields", { key: null, headers: { authorization: `${scheme} ${KEYS.full}` } });
      expect([scheme, r.status]).toEqual([scheme, 200]);
    }
    expect((await call(s, "GET", "/public/v1/custom-fields", { key: null, headers: { authorization: `Basic ${KEYS.full}` } })).status).toBe(401);
  });

  it("pagination: page and limit slice list answers and report page, limit, total, totalPages, hasNext", async () => {
    const s = await sim();
    const first = await call(s, "GET", "/public/v1/custom-fields?limit=1");
    expect(first.json).toMatchObject({ data: [{ key: "FIRST_NAME" }], page: 1, limit: 1, total: 2, totalPages: 2, hasNext: true, hasPrev: false });
    const second = await call(s, "GET", "/public/v1/custom-fields?limit=1&page=2");
    expect(second.json).toMatchObject({ data: [{ key: "LAST_NAME" }], page: 2, hasNext: false, hasPrev: true });
    const tooMany = await call(s, "GET", "/api/templates/whatsapp?limit=101");
    expect([tooMany.status, (tooMany.json as { error: { code: string } }).error.code]).toEqual([400, "bad_request"]);
  });

  it("a non-JSON content type is 400 bad_request; unknown query parameters are ignored", async () => {
    const s = await sim();
    const r = await call(s, "POST", "/public/v1/contacts", { body: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([r.status, (r.json as { error: { code: string } }).error.code]).toEqual([400, "bad_request"]);
    expect((await call(s, "GET", "/public/v1/custom-fields?utm=1")).status).toBe(200);
  });

  it("the suite recorded responses for the contract check", () => {
    expect(recordedCount()).toBeGreaterThan(20);
  });
});
