// The authentication page tells users to "check the `X-RateLimit-*` headers in responses": every
// answer the sandbox gives on a public path carries them, the odd ones included — a malformed
// `%` in the path (fails in the router, before the pipeline), unknown paths, wrong methods,
// transport errors, and requests Node's HTTP parser rejects before express sees them.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { KEYS, rateLimitHeaderProblems, raw, sim } from "./helpers.js";

const auth = { authorization: `Bearer ${KEYS.full}` };
const json = { ...auth, "content-type": "application/json" };

/** [what, method, path, headers, body] */
const ODD: [string, string, string, Record<string, string>, string?][] = [
  ["a lone % in a path parameter", "GET", "/public/v1/contacts/by-email/%", auth],
  ["a truncated UTF-8 escape", "GET", "/public/v1/contacts/by-email/%E0%A4%A", auth],
  ["%ZZ in an id", "PUT", "/public/v1/contacts/%ZZ", json, "{}"],
  ["%00 in an id", "DELETE", "/public/v1/contacts/%00", auth],
  ["a malformed % with no key", "GET", "/public/v1/contacts/by-email/%", {}],
  ["a % in the query", "GET", "/public/v1/custom-fields?%", auth],
  ["an unknown path", "GET", "/public/v1/nothing-here", auth],
  ["a double slash", "GET", "//public/v1/custom-fields", auth],
  ["a trailing slash", "GET", "/public/v1/custom-fields/", auth],
  ["a wrong method", "PATCH", "/public/v1/custom-fields", auth],
  ["OPTIONS", "OPTIONS", "/public/v1/contacts", {}],
  ["HEAD", "HEAD", "/public/v1/custom-fields", auth],
  ["no key", "GET", "/public/v1/custom-fields", {}],
  ["a malformed key", "GET", "/public/v1/custom-fields", { authorization: "Bearer mn-" }],
  ["bad JSON", "POST", "/public/v1/contacts", json, "{nope"],
  ["an unsupported Content-Encoding", "POST", "/public/v1/contacts", { ...json, "content-encoding": "bogus" }, "{}"],
  ["gzip that is not gzip", "POST", "/public/v1/contacts", { ...json, "content-encoding": "gzip" }, "{}"],
  ["a non-JSON content type", "POST", "/public/v1/contacts", { ...auth, "content-type": "text/plain" }, "hi"],
  ["a missing required body", "PUT", "/public/v1/contacts/1", auth],
  ["page=1e309", "GET", "/public/v1/custom-fields?page=1e309", auth],
  ["a body over 1 MB", "POST", "/public/v1/contacts", json, JSON.stringify({ email: "a@example.com", firstName: "x".repeat(1_100_000) })],
  ["an absolute-form request target", "GET", "http://127.0.0.1/public/v1/custom-fields", auth],
];

/** Sends `bytes` on a fresh connection and returns the raw answer (until the server closes). */
function rawSocket(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let out = "";
    socket.on("data", (c: Buffer) => (out += c.toString("latin1")));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

function headersOf(answer: string): Record<string, string> {
  const head = answer.split("\r\n\r\n", 1)[0]!.split("\r\n").slice(1);
  return Object.fromEntries(head.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
}

describe("X-RateLimit-* on every answer, the odd ones included", () => {
  it.each(ODD)("%s", async (_what, method, path, headers, body) => {
    const s = await sim();
    const r = await raw(s.url, method, path, headers, body === undefined ? undefined : Buffer.from(body));
    expect(r.status).toBeLessThan(500);
    expect(rateLimitHeaderProblems(r.headers)).toEqual([]);
  });

  it.each([
    ["a header line without a colon", "GET /public/v1/custom-fields HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n", 400],
    ["a broken request line", "GET\r\n\r\n", 400],
    ["a space in the request target", "GET /public/v1/custom fields HTTP/1.1\r\nHost: x\r\n\r\n", 400],
    ["headers over Node's limit", `GET /public/v1/custom-fields HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
  ])("a request Node's parser rejects (%s) gets the envelope and the headers", async (_what, bytes, status) => {
    const s = await sim();
    const answer = await rawSocket(s.url, bytes);
    expect(answer.slice(0, 12)).toBe(`HTTP/1.1 ${status}`);
    expect(rateLimitHeaderProblems(headersOf(answer))).toEqual([]);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { error: { code: string } };
    expect(body.error.code).toBe("bad_request");
  });

  it("the check can fail: with the rateLimitHeaders fault set to missing, the headers are absent", async () => {
    const s = await sim();
    s.control.setFaults({ rateLimitHeaders: "missing" });
    const r = await raw(s.url, "GET", "/public/v1/contacts/by-email/%", auth);
    expect(rateLimitHeaderProblems(r.headers)).toHaveLength(3);
    expect(rateLimitHeaderProblems(headersOf(await rawSocket(s.url, "GET\r\n\r\n")))).toHaveLength(3);
  });
});
