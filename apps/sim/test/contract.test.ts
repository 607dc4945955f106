// Contract tests against spec/minimo.yaml: every example in the spec is valid against its own
// schema, every request example is accepted by the sandbox and its response conforms, every
// operation is served, and the checker itself catches non-conforming responses.
import { OPERATIONS, type Operation } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { describe, expect, it } from "vitest";
import { createSim } from "../src/index.js";
import { operationsOf } from "../src/operations.js";
import { checkResponse, deref, exampleUrl, requestExample, schemaAt } from "./contract.js";
import { call, clock, sim } from "./helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;
const doc = spec as Obj;

interface Example {
  where: string;
  at: string[];
  value: unknown;
}

/** Every example in the spec with the schema it illustrates (by location in the document). */
function examples(): Example[] {
  const out: Example[] = [];
  const walk = (node: unknown, at: string[]) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...at, String(i)]);
      return;
    }
    const o = node as Obj;
    // A `properties` map holds property names (one of them may well be "example"), not keywords.
    if (at.at(-1) === "properties") {
      for (const [k, v] of Object.entries(o)) walk(v, [...at, k]);
      return;
    }
    const inExamples = at.at(-1) === "examples" || at.at(-2) === "examples";
    if (!inExamples) {
      // Media type, parameter or header objects carry `schema` next to `example(s)`.
      const schemaAtNode = "schema" in o ? [...at, "schema"] : looksLikeSchema(o, at) ? at : undefined;
      if (schemaAtNode && "example" in o) out.push({ where: at.join("/"), at: schemaAtNode, value: o.example });
      if (schemaAtNode && "schema" in o && o.examples && typeof o.examples === "object") {
        for (const [name, ex] of Object.entries(o.examples as Obj)) {
          const { obj } = deref(ex, []);
          out.push({ where: `${at.join("/")}/examples/${name}`, at: schemaAtNode, value: obj.value });
        }
      }
    }
    for (const [k, v] of Object.entries(o)) if (k !== "example" && k !== "examples") walk(v, [...at, k]);
  };
  walk(doc.paths, ["paths"]);
  walk(doc.components, ["components"]);
  return out;
}

function looksLikeSchema(o: Obj, at: string[]): boolean {
  return at.includes("schema") || at.includes("schemas") ? "type" in o || "$ref" in o || "oneOf" in o || "properties" in o : false;
}

describe("examples in the spec", () => {
  const all = examples();

  it("there are examples to check (requests, responses, parameters, headers, schemas)", () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((e) => [e.where, e] as const))("%s validates against its schema", (_where, e) => {
    const v = schemaAt(e.at);
    expect(v(e.value), JSON.stringify(v.errors)).toBe(true);
  });
});

describe("every operation round-trips its examples through the sandbox", () => {
  it("request examples are accepted (before the legacy sunset) and every response conforms", async () => {
    const s = await sim({ now: clock("2026-05-01T09:00:00.000Z").now });
    // Path examples use contact id 42: make the upsert example create the 42nd contact.
    for (let i = 1; i < 42; i++) await call(s, "POST", "/public/v1/contacts", { body: { email: `filler${i}@example.com` } });
    const outcome: Record<string, number> = {};
    for (const op of OPERATIONS) {
      // The path variants share state with their twins: a second create of the same key is a 409.
      if (op.operationId === "createCustomFieldV1") s.state.customFields.delete("COMPANY_SIZE");
      const r = await call(s, op.method, exampleUrl(op), { body: requestExample(op) });
      outcome[op.operationId] = r.status;
      expect(checkResponse({ method: op.method, path: new URL(exampleUrl(op), "http://x").pathname, ...r }, op)).toEqual([]);
    }
    expect(outcome).toEqual({
      upsertContact: 200,
      getContactByEmail: 200,
      updateContact: 200,
      deleteContact: 204,
      listCustomFields: 200,
      createCustomField: 201,
      sendEmail: 200,
      // DMPNEF8 is the html-stats page's example email, seeded in the sandbox.
      getEmailStats: 200,
      getTransactionalStats: 200,
      listWhatsappTemplates: 200,
      sendWhatsappTemplate: 200,
      listEmailTemplates: 200,
      sendEmailTemplate: 200,
      upsertContactLegacy: 200,
      getEmailTemplateStatsLegacy: 200,
      sendTransactionalLegacy: 200,
      sendWhatsappLegacy: 200,
      listWhatsappTemplatesLegacy: 200,
      upsertContactUpsertPath: 200,
      listCustomFieldsV1: 200,
      createCustomFieldV1: 201,
      listWhatsappTemplatesApp: 200,
      sendWhatsappTemplateApp: 200,
    });
  });

  it("a sent email's stats are served (the statsUrl round-trips)", async () => {
    const s = await sim();
    const sent = await call(s, "POST", "/public/v1/emails", { body: requestExample(OPERATIONS.find((o) => o.operationId === "sendEmail")!) });
    const { statsUrl } = (sent.json as { data: { statsUrl: string } }).data;
    const stats = await call(s, "GET", statsUrl);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ data: { status: "sent", to: "ada@example.com", clickCount: 0 } });
  });
});

describe("routes come from the spec", () => {
  it("the sandbox serves exactly the spec's operations (derived, not hand-listed)", () => {
    const strip = (ops: readonly Operation[]) => ops.map(({ operationId, method, path, permission, sunset }) => ({ operationId, method, path, permission, sunset }));
    expect(strip(operationsOf(doc))).toEqual(strip(OPERATIONS));
    expect(OPERATIONS.length).toBe(
      Object.values(doc.paths as Obj).flatMap((item) => Object.keys(item).filter((k) => ["get", "put", "post", "delete", "patch"].includes(k))).length,
    );
  });

  it("an operation added to the spec without a handler stops the sandbox from starting", () => {
    const variant = structuredClone(doc);
    variant.paths["/public/v1/segments"] = { get: { operationId: "listSegments", "x-minimo-permission": "contacts:read", responses: {} } };
    expect(() => createSim({ specDocument: variant })).toThrow("no handler for operation(s) listSegments");
  });

  it("permissions come from x-minimo-permission: changing it in the spec changes who gets 403", async () => {
    const variant = structuredClone(doc);
    variant.paths["/public/v1/custom-fields"].get["x-minimo-permission"] = "contacts:write";
    const s = await sim({ specDocument: variant });
    const r = await call(s, "GET", "/public/v1/custom-fields", { key: "mn-demo02-FAKEreadOnly0000000000000" });
    expect(r.status).toBe(403);
  });
});

describe("the contract checker catches non-conforming responses", () => {
  const ok = { method: "GET", path: "/public/v1/custom-fields", headers: new Headers({ "content-type": "application/json" }) };
  it.each([
    ["an undocumented status", { ...ok, status: 418, text: "{}" }, /status 418 is not documented/],
    ["a body that breaks the schema", { ...ok, status: 200, text: JSON.stringify({ data: [{ id: "x" }] }) }, /body/],
    [
      "a header of the wrong type",
      { ...ok, status: 200, text: JSON.stringify({ data: [] }), headers: new Headers({ "content-type": "application/json", "x-ratelimit-remaining": "-3" }) },
      /header X-RateLimit-Remaining/,
    ],
    ["an undocumented content type", { ...ok, status: 401, text: "<html/>", headers: new Headers({ "content-type": "text/html" }) }, /content-type text\/html not documented/],
    ["a body on 204", { method: "DELETE", path: "/public/v1/contacts/1", headers: new Headers(), status: 204, text: "x" }, /body sent/],
    ["an error on an unknown path that is not an envelope", { ...ok, path: "/nope", status: 404, text: "Not Found" }, /ErrorEnvelope/],
  ])("%s", (_name, response, message) => {
    const problems = checkResponse(response);
    expect(problems.join("\n")).toMatch(message);
  });
});
