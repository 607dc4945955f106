import fc from "fast-check";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS, findOperation, matchOperation } from "../src/index.js";

const specText = readFileSync(new URL("../../../spec/minimo.yaml", import.meta.url), "utf8");

describe("OPERATIONS (derived from the spec)", () => {
  it("holds exactly the spec's operations", () => {
    const spec = parse(specText);
    const fromSpec = Object.entries(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ["get", "put", "post", "delete", "patch"].includes(m))
        .map(([m, op]) => `${m.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(OPERATIONS.map((o) => `${o.method} ${o.path} ${o.operationId}`).sort()).toEqual(fromSpec.sort());
  });

  it("marks the legacy host and the sunset operations", () => {
    expect(OPERATIONS.filter((o) => o.server === "app").every((o) => o.path.startsWith("/api/"))).toBe(true);
    expect(
      OPERATIONS.filter((o) => o.sunset)
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(["listWhatsappTemplatesLegacy", "sendTransactionalLegacy", "sendWhatsappLegacy"]);
    expect(findOperation("POST", "/public/v1/emails")?.permission).toBe("transactional");
  });
});

describe("matchOperation", () => {
  it.each([
    ["POST", "/public/v1/contacts", "upsertContact"],
    ["GET", "/public/v1/contacts/by-email/john%40example.com", "getContactByEmail"],
    ["PUT", "/public/v1/contacts/42", "updateContact"],
    ["DELETE", "/public/v1/contacts/42", "deleteContact"],
    ["delete", "/public/v1/contacts/42?x=1", "deleteContact"],
    ["GET", "/public/v1/custom-fields?groupBy=category", "listCustomFields"],
    ["GET", "/public/v1/custom-fields/", "listCustomFields"],
    ["GET", "/public/v1/emails/DMPNEF8/stats", "getEmailStats"],
    ["GET", "/api/templates/email/7/stats", "getEmailTemplateStatsLegacy"],
    ["POST", "/api/transactionals", "sendTransactionalLegacy"],
    ["POST", "/api/transactionals/whatsapp/send", "sendWhatsappLegacy"],
  ])("%s %s → %s", (method, path, operationId) => {
    expect(matchOperation(method, path)?.operationId).toBe(operationId);
  });

  it.each([
    ["GET", "/public/v1/contacts"],
    ["POST", "/public/v1/contacts/42"],
    ["PUT", "/public/v1/contacts/"],
    ["GET", "/public/v1/contacts/by-email/"],
    ["GET", "/"],
    ["GET", ""],
    ["BREW", "/public/v1/contacts"],
    ["GET", "/public/v1/emails/a/b/stats"],
  ])("%s %j matches nothing", (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });

  it("never throws and only returns spec templates, on any input", () => {
    const templates = new Set(OPERATIONS.map((o) => o.path));
    const segment = fc.oneof(fc.constantFrom("public", "v1", "contacts", "by-email", "api", "templates", "email", "stats", "42", ""), fc.string());
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom("GET", "POST", "PUT", "DELETE"), fc.string()), fc.array(segment, { maxLength: 7 }), (method, parts) => {
        const op = matchOperation(method, `/${parts.join("/")}`);
        if (op !== undefined) expect(templates.has(op.path)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(matchOperation(undefined as never, null as never)).toBeUndefined();
  });
});
