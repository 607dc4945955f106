// Type-level tests: the generated types stop wrong calls at compile time. `tsc` (the typecheck
// task) fails if any `@ts-expect-error` below stops being an error; vitest runs the file too.
import { describe, expect, it } from "vitest";
import type { components } from "../src/generated/minimo.js";
import { createMinimoClient } from "../src/index.js";

const minimo = createMinimoClient({
  apiKey: "mn-acme01-TypeTestKey000000",
  baseUrl: "https://api.example.test",
  fetch: async () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
});

async function calls() {
  // The body from the authentication docs compiles.
  await minimo.POST("/public/v1/contacts", { body: { email: "john@example.com", firstName: "John", lastName: "Doe" } });
  // @ts-expect-error misspelled body field (firstname instead of firstName)
  await minimo.POST("/public/v1/contacts", { body: { email: "john@example.com", firstname: "John" } });
  // @ts-expect-error a path the spec does not have
  await minimo.GET("/public/v1/contact");
  // @ts-expect-error a missing path parameter
  await minimo.PUT("/public/v1/contacts/{id}", { body: { firstName: "Jo" } });
  // @ts-expect-error a method the path does not have
  await minimo.DELETE("/public/v1/custom-fields");
  await minimo.GET("/public/v1/custom-fields", { params: { query: { groupBy: "category" } } });
  // @ts-expect-error a query value outside the documented enum
  await minimo.GET("/public/v1/custom-fields", { params: { query: { groupBy: "type" } } });
  // @ts-expect-error the one-shot email requires `to`
  await minimo.POST("/public/v1/emails", { body: { subject: "s", html: "<p></p>" } });
  // Docs-first: what the pages show compiles — `to` alone, `tmpl_…` stats ids, the app-host WhatsApp path.
  await minimo.POST("/public/v1/emails", { body: { to: "a@example.com" } });
  await minimo.GET("/public/v1/transactionals/{id}/stats", { params: { path: { id: "tmpl_variant_a" } } });
  await minimo.GET("/api/templates/whatsapp", { params: { query: { page: 2, limit: 50 } } });
  await minimo.POST("/api/templates/whatsapp/send", {
    body: {
      recipient: "+393471234567",
      type: "template",
      // @ts-expect-error a WhatsApp parameter of an undocumented type
      template: { name: "x", components: [{ type: "HEADER", parameters: [{ type: "audio", audio: {} }] }] },
    },
  });
}

// `error.code` is the enum of documented (and marked project) codes: an invented one does not compile.
const documented: components["schemas"]["ErrorObject"]["code"] = "invalid_phone_number";
// @ts-expect-error not a documented code
const invented: components["schemas"]["ErrorObject"]["code"] = "template_not_active";
void documented;
void invented;

describe("type-level checks", () => {
  it("compile (checked by tsc) and run against a stub fetch", async () => {
    await expect(calls()).resolves.toBeUndefined();
  });
});
