// Property-based fuzzing of every operation: any method, path value, query, auth header,
// content type, content encoding and body — the sandbox answers 4xx or 2xx, never 5xx, unless
// a fault is switched on; every error body is JSON in a documented form (or empty where the
// operation documents no body); and every answer carries the X-RateLimit-* headers.
import { OPERATIONS } from "@minimo/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkResponse } from "./contract.js";
import { KEYS, rateLimitHeaderProblems, raw, sim, type RawResult } from "./helpers.js";

const segment = fc.oneof(
  fc.constantFrom(
    "1",
    "42",
    "0",
    "-1",
    "abc",
    "tmpl_abc123",
    "tmpl_variant_a",
    "DMPNEF8",
    "ada%40example.com",
    "%",
    "%E0%A4%A",
    "%00",
    "..",
    "%2F",
    "9".repeat(30),
    "a@b",
    "%ZZ",
    "__proto__",
    "constructor",
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const query = fc.oneof(
  fc.constant(""),
  fc
    .record(
      {
        page: fc.oneof(fc.constant("0"), fc.constant("2"), fc.constantFrom("1e309", "Infinity", "0x10", "2147483648"), fc.string({ maxLength: 4 })),
        limit: fc.oneof(fc.constant("1000"), fc.constant("1"), fc.constantFrom("1e309", "-1e309"), fc.string({ maxLength: 4 })),
        groupBy: fc.constantFrom("category", "colour", "", "%"),
      },
      { requiredKeys: [] },
    )
    .map(
      (q) =>
        `?${Object.entries(q)
          .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
          .join("&")}`,
    ),
  fc.constantFrom("?%", "?page=%E0", "?limit[]=1&limit[]=2", "?groupBy[a]=1"),
);

const authorization = fc.option(
  fc.oneof(
    fc.constantFrom(
      `Bearer ${KEYS.full}`,
      `bearer ${KEYS.full}`,
      `BEARER  ${KEYS.full}`,
      `Bearer ${KEYS.readonly}`,
      `Bearer ${KEYS.expired}`,
      "Bearer",
      "Bearer mn-",
      "Basic dXNlcjpwYXNz",
      `Bearer ${KEYS.full} extra`,
    ),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, "")),
  ),
  { nil: undefined },
);

const contentType = fc.option(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin1",
    "application/json; charset=bogus",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/merge-patch+json",
    "garbage",
  ),
  { nil: undefined },
);

const contentEncoding = fc.option(fc.constantFrom("gzip", "deflate", "br", "identity", "bogus", "gzip, gzip"), { nil: undefined });

const body = fc.option(
  fc.oneof(
    fc.json().map((s) => Buffer.from(s)),
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
    fc
      .dictionary(
        fc.constantFrom(
          "email",
          "phone",
          "key",
          "displayName",
          "display_name",
          "type",
          "to",
          "subject",
          "html",
          "templateId",
          "recipient",
          "template",
          "uid",
          "customFields",
          "marketingConsent",
          "__proto__",
        ),
        fc.jsonValue(),
        { maxKeys: 5 },
      )
      .map((o) => Buffer.from(JSON.stringify(o))),
    fc.string({ maxLength: 50 }).map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
    fc.constant(Buffer.alloc(0)),
  ),
  { nil: undefined, freq: 3 },
);

const request = fc.record({
  op: fc.constantFrom(...OPERATIONS),
  method: fc.option(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"), { nil: undefined }),
  segment,
  query,
  authorization,
  contentType,
  contentEncoding,
  body,
  trailingSlash: fc.boolean(),
});

function isDocumentedErrorBody(r: RawResult): boolean {
  if (r.text === "") return true; // 204, HEAD, and the send-html page's body-less 401/403
  try {
    const json = JSON.parse(r.text) as { error?: unknown };
    if (r.status < 400) return true;
    if (typeof json.error === "string") return true; // the send-html page's flat 400
    const e = json.error as { code?: unknown; message?: unknown } | undefined;
    return typeof e?.code === "string" && typeof e.message === "string";
  } catch {
    return false;
  }
}

describe("fuzz: no request of any shape gives a 5xx", () => {
  it("every operation, any method, path value, query, auth, content type, encoding and body: status < 500", async () => {
    // A generous rate limit, so the property exercises the handlers rather than 429s.
    const s = await sim({
      keys: [
        { name: "demo-full", key: KEYS.full, rate_limit: { limit: 1_000_000, window_seconds: 60 } },
        { name: "demo-readonly", key: KEYS.readonly, permissions: ["contacts:read", "custom_fields:read"] },
        { name: "demo-expired", key: KEYS.expired, expires: "2025-11-27" },
      ],
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const method = q.method ?? q.op.method;
        const path = q.op.path.replace(/\{[^}]+\}/g, () => q.segment) + (q.trailingSlash ? "/" : "") + q.query;
        const headers: Record<string, string> = {};
        if (q.authorization !== undefined) headers.authorization = q.authorization;
        if (q.contentType !== undefined) headers["content-type"] = q.contentType;
        if (q.contentEncoding !== undefined) headers["content-encoding"] = q.contentEncoding;
        const r = await raw(s.url, method, path, headers, q.body);
        expect(r.status, `${method} ${path} ${JSON.stringify(headers)} → ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
        expect(isDocumentedErrorBody(r), `${method} ${path} → ${r.status} ${r.text.slice(0, 200)}`).toBe(true);
        // The docs tell users to check the X-RateLimit-* headers on responses: every answer has them.
        expect(rateLimitHeaderProblems(r.headers), `${method} ${path} → ${r.status}`).toEqual([]);
        // And the answer is one the spec documents for the operation (status, body, headers).
        const pathname = path.split("?")[0]!;
        const headersOut = new Headers(Object.entries(r.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
        if (method !== "HEAD") expect(checkResponse({ method, path: pathname, status: r.status, headers: headersOut, text: r.text })).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("oversized bodies are 400 bad_request, not a crash", async () => {
    const s = await sim();
    const big = Buffer.from(JSON.stringify({ email: "a@example.com", firstName: "x".repeat(1_100_000) }));
    for (const op of OPERATIONS.filter((o) => o.method !== "GET" && o.method !== "DELETE")) {
      const path = op.path.replace(/\{[^}]+\}/g, "1");
      const r = await raw(s.url, op.method, path, { authorization: `Bearer ${KEYS.full}`, "content-type": "application/json" }, big);
      // The removed legacy operations answer 410 before the body is read.
      expect([op.operationId, r.status]).toEqual([op.operationId, op.sunset ? 410 : 400]);
    }
  });

  it.each([
    ["gzip that is not gzip", { "content-encoding": "gzip" }, '{"email":"a@example.com"}', /could not be decoded with Content-Encoding gzip/],
    ["br that is not br", { "content-encoding": "br" }, '{"email":"a@example.com"}', /could not be decoded with Content-Encoding br/],
    ["an unknown encoding", { "content-encoding": "bogus" }, '{"email":"a@example.com"}', /Content-Encoding bogus is not supported/],
    ["a charset other than UTF-8", { "content-type": "application/json; charset=latin1" }, '{"email":"a@example.com"}', /Charset latin1 is not supported/],
    ["malformed JSON", {}, "{nope", /not valid JSON/],
    ["a non-JSON content type", { "content-type": "text/plain" }, "hello", /Content-Type must be application\/json/],
  ])("%s is 400 bad_request with a message that names it", async (_name, headers, body, message) => {
    const s = await sim();
    const r = await raw(s.url, "POST", "/public/v1/contacts", { authorization: `Bearer ${KEYS.full}`, "content-type": "application/json", ...headers }, Buffer.from(body));
    expect(r.status).toBe(400);
    const json = JSON.parse(r.text) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(message);
  });

  it("bad percent-encoding in a path is 400 bad_request, not a crash", async () => {
    const s = await sim();
    const r = await raw(s.url, "GET", "/public/v1/contacts/by-email/%E0%A4%A", { authorization: `Bearer ${KEYS.full}` });
    expect([r.status, JSON.parse(r.text).error.message]).toEqual([400, "Malformed percent-encoding in the URL"]);
  });

  it("the property can fail: with an injected 500 fault on, the same requests do get 5xx", async () => {
    const s = await sim();
    s.control.setFaults({ errorRate: 1, errorStatus: 500 });
    const r = await raw(s.url, "GET", "/public/v1/custom-fields", { authorization: `Bearer ${KEYS.full}` });
    expect(r.status).toBe(500);
  });
});
