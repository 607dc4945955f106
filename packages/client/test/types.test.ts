// Type-level tests: the generated types stop wrong calls at compile time. `tsc` (the typecheck
// task) fails if any `@ts-expect-error` below stops being an error; vitest runs the file too.
import { describe, expect, it } from "vitest";
import type { components, operations } from "../src/generated/minimo.js";
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

// Every operation's 401 and 403 carry the authentication page's envelope, so `error.error.code`
// type-checks on each; the one-shot email (whose page leaves those bodies blank) included.
type Envelope<C> = { content: { "application/json": { error: { code: C } } } };
type AuthErrorCodes<O extends keyof operations> = operations[O]["responses"] extends { 401: Envelope<infer A>; 403: Envelope<infer F> } ? A | F : never;
type WithoutAuthEnvelope = { [O in keyof operations]: [AuthErrorCodes<O>] extends [never] ? O : never }[keyof operations];
const everyOperationTypesItsAuthErrors: [WithoutAuthEnvelope] extends [never] ? true : WithoutAuthEnvelope = true;
void everyOperationTypesItsAuthErrors;
const sendEmail401: operations["sendEmail"]["responses"][401]["content"]["application/json"] = {
  error: { code: "unauthorized", message: "Invalid or missing API key" },
};
void sendEmail401;

async function sendEmailError(): Promise<components["schemas"]["ErrorObject"]["code"] | string | undefined> {
  const { error } = await minimo.POST("/public/v1/emails", { body: { to: "a@example.com" } });
  if (error === undefined) return undefined;
  // The send-html page's own 400 is a flat string; every other error of the operation is the envelope.
  if (typeof error.error === "string") return error.error;
  return error.error.code;
}

describe("type-level checks", () => {
  it("compile (checked by tsc) and run against a stub fetch", async () => {
    await expect(calls()).resolves.toBeUndefined();
    await expect(sendEmailError()).resolves.toBeUndefined();
  });
});
