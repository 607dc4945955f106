// Input the schema alone let through: numbers that are not finite or out of range, custom-field
// values nested thousands of levels deep, and a required body that was never sent. Each is
// refused with the documented error shape, naming the field, and nothing is stored.
import { OPERATIONS } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { describe, expect, it } from "vitest";
import { call, KEYS, raw, sim } from "./helpers.js";

interface Envelope {
  error: { code: string; message: string; details?: { field?: string } };
}

/** JSON text `depth` objects deep, built as text: JSON.stringify itself overflows the stack near this depth. */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`;
}

/** A value `depth - 1` objects deep around a string: as a customFields value, `depth` levels in all. */
function nested(depth: number, leaf: unknown = "x"): unknown {
  let v: unknown = leaf;
  for (let i = 1; i < depth; i++) v = { a: v };
  return v;
}

describe("integer parameters: decimal, finite, in range", () => {
  it.each([
    ["page", "1e309"],
    ["page", "-1e309"],
    ["page", "Infinity"],
    ["page", "1e2"],
    ["page", "0x10"],
    ["page", "1.5"],
    ["page", "2147483648"],
    ["page", "99999999999999999999999"],
    ["page", "0"],
    ["limit", "1e309"],
    ["limit", "Infinity"],
    ["limit", "1e1"],
    ["limit", "101"],
  ])("?%s=%s is 400 bad_request naming the parameter", async (name, value) => {
    const s = await sim();
    const r = await call(s, "GET", `/public/v1/custom-fields?${name}=${value}`);
    const body = r.json as Envelope;
    expect([r.status, body.error.code, body.error.details?.field]).toEqual([400, "bad_request", name]);
    expect(body.error.message).toMatch(new RegExp(`^${name} must`));
  });

  it("the largest page the spec allows is answered with that page, never null", async () => {
    const s = await sim();
    const r = await call(s, "GET", "/public/v1/custom-fields?page=2147483647&limit=100");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ data: [], page: 2147483647, limit: 100, hasNext: false, hasPrev: true });
  });

  it.each([
    ["PUT", "1e309"],
    ["PUT", "9007199254740992"],
    ["PUT", "1.0"],
    ["DELETE", "1e3"],
    ["DELETE", "0x1"],
  ])("%s /public/v1/contacts/%s is 400 bad_request naming id", async (method, id) => {
    const s = await sim();
    s.state.newContact().email = "one@example.com";
    const r = await call(s, method, `/public/v1/contacts/${id}`, { body: method === "PUT" ? { firstName: "X" } : undefined });
    const body = r.json as Envelope;
    expect([r.status, body.error.code, body.error.details?.field]).toEqual([400, "bad_request", "id"]);
  });
});

describe("customFields nesting is bounded at input (x-minimo-max-depth: 32)", () => {
  it("a value ~4,500 levels deep is 422 validation_error naming customFields, and nothing is stored", async () => {
    const s = await sim();
    const deep = `{"email":"deep@example.com","customFields":{"PROFILE":${deepJson(4_500)}}}`;
    expect(deep.length).toBeGreaterThan(25_000);
    const r = await call(s, "POST", "/public/v1/contacts", { body: deep });
    const body = r.json as Envelope;
    expect([r.status, body.error.code, body.error.details?.field]).toEqual([422, "validation_error", "customFields"]);
    expect(body.error.message).toBe("customFields must nest at most 32 levels deep");
    expect((await call(s, "GET", "/public/v1/contacts/by-email/deep%40example.com")).status).toBe(404);
  });

  it("an existing contact refuses a too-deep update and keeps answering reads and updates", async () => {
    const s = await sim();
    await call(s, "POST", "/public/v1/contacts", { body: { email: "kept@example.com", customFields: { PLAN: "pro" } } });
    const id = s.state.findByEmail("kept@example.com")!.id;
    const put = await call(s, "PUT", `/public/v1/contacts/${id}`, { body: `{"customFields":{"PROFILE":${deepJson(4_500)}}}` });
    expect([put.status, (put.json as Envelope).error.details?.field]).toEqual([422, "customFields"]);
    const legacy = await call(s, "POST", "/api/contacts", { body: { email: "kept@example.com", customFields: { P: nested(40) } } });
    expect(legacy.status).toBe(422);
    const read = await call(s, "GET", "/public/v1/contacts/by-email/kept%40example.com");
    expect([read.status, (read.json as { data: { custom_fields: unknown } }).data.custom_fields]).toEqual([200, { PLAN: "pro" }]);
    expect((await call(s, "PUT", `/public/v1/contacts/${id}`, { body: { firstName: "K" } })).status).toBe(200);
  });

  it("32 levels (customFields itself is level 1) are accepted and read back; 33 are not", async () => {
    const s = await sim();
    const ok = await call(s, "POST", "/public/v1/contacts", { body: { email: "ok@example.com", customFields: { P: nested(32) } } });
    expect(ok.status).toBe(200);
    const read = await call(s, "GET", "/public/v1/contacts/by-email/ok%40example.com");
    expect([read.status, (read.json as { data: { custom_fields: unknown } }).data.custom_fields]).toEqual([200, { P: nested(32) }]);
    const over = await call(s, "POST", "/public/v1/contacts", { body: { email: "over@example.com", customFields: { P: nested(33) } } });
    expect(over.status).toBe(422);
    // Arrays count as levels too.
    const arrays = await call(s, "POST", "/public/v1/contacts", { body: { email: "arr@example.com", customFields: { P: JSON.parse(`${"[".repeat(32)}${"]".repeat(32)}`) } } });
    expect(arrays.status).toBe(422);
  });

  it("a number JSON cannot hold (1e309 parses to Infinity) is 422 naming its field, never stored as null", async () => {
    const s = await sim();
    const r = await raw(
      s.url,
      "POST",
      "/public/v1/contacts",
      { authorization: `Bearer ${KEYS.full}`, "content-type": "application/json" },
      Buffer.from('{"email":"inf@example.com","customFields":{"SCORE":1e309}}'),
    );
    const body = JSON.parse(r.text) as Envelope;
    expect([r.status, body.error.code, body.error.details?.field]).toEqual([422, "validation_error", "customFields.SCORE"]);
    expect(s.state.findByEmail("inf@example.com")).toBeUndefined();
  });
});

describe("a required body that was not sent", () => {
  it.each([
    ["no body, no content type", {}],
    ["no body, a JSON content type", { "content-type": "application/json" }],
    ["an empty chunked body", { "content-type": "application/json", "transfer-encoding": "chunked" }],
  ])("PUT /public/v1/contacts/{id} with %s is 422 validation_error: body is required", async (_name, headers) => {
    const s = await sim();
    const c = s.state.newContact();
    c.email = "still@example.com";
    const r = await raw(s.url, "PUT", `/public/v1/contacts/${c.id}`, { authorization: `Bearer ${KEYS.full}`, ...headers });
    const body = JSON.parse(r.text) as Envelope;
    expect([r.status, body.error.code, body.error.message, body.error.details?.field]).toEqual([422, "validation_error", "body is required", "body"]);
    expect(c.email).toBe("still@example.com");
  });

  it("an empty object is a body: a no-op update answers 200", async () => {
    const s = await sim();
    const c = s.state.newContact();
    expect((await call(s, "PUT", `/public/v1/contacts/${c.id}`, { body: {} })).status).toBe(200);
  });

  it("every operation whose spec requires a body refuses an absent one with 4xx and the documented form", async () => {
    const s = await sim({ now: () => Date.parse("2026-01-01T00:00:00Z") });
    const required = OPERATIONS.filter((op) => spec.paths[op.path][op.method.toLowerCase()].requestBody?.required === true);
    expect(required.length).toBeGreaterThan(8);
    for (const op of required) {
      s.state.newContact();
      const r = await call(s, op.method, op.path.replace(/\{[^}]+\}/g, "1"));
      const problem = (r.json as { error: unknown }).error;
      const message = typeof problem === "string" ? problem : (problem as Envelope["error"]).message;
      expect([op.operationId, r.status >= 400 && r.status < 500, message]).toEqual([op.operationId, true, "body is required"]);
    }
  });
});
