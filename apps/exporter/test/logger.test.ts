import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/index.js";

const KEY = "mn-acct42-TOPSECRETvalue123";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write: (c, _e, done) => {
      lines.push(String(c));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

describe("logger", () => {
  it("redacts Authorization and apiKey fields and masks keys in messages and errors", () => {
    const { logger, lines } = capture();
    logger.info({ headers: { authorization: `Bearer ${KEY}` }, apiKey: KEY }, "fields");
    logger.warn(`message quoting ${KEY}`);
    logger.error({ err: new Error(`failed with ${KEY}`) }, "error");
    const text = lines.join("");
    expect(text).not.toContain("TOPSECRET");
    expect(text).toContain('"authorization":"<secret>"');
    expect(text).toContain("mn-acct42-<secret>");
    expect(lines).toHaveLength(3);
  });
});

describe("error objects in logs", () => {
  // Regression: only message and stack were rewritten, so Node's err.rawPacket (the upstream's
  // bytes as a number array) and any other field of an error reached the log line whole.
  it("keeps an allow-list of fields, follows cause, and drops rawPacket, headers and the like", () => {
    const { logger, lines } = capture();
    const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", syscall: "connect", errno: -111, port: 1 });
    const err = Object.assign(new TypeError("fetch failed", { cause: inner }), {
      rawPacket: [...Buffer.from(`authorization: Bearer ${KEY}`)],
      headers: { "x-echo": "TOPSECRET" },
      body: "TOPSECRET",
      code: "HPE_INVALID_HEADER_TOKEN",
      bytesParsed: 17,
    });
    logger.warn({ err }, "failed");
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(Object.keys(line.err).sort()).toEqual(["bytesParsed", "cause", "code", "message", "stack", "type"]);
    expect(line.err.cause).toMatchObject({ type: "Error", code: "ECONNREFUSED", syscall: "connect", errno: -111, port: 1 });
    expect(lines[0]).not.toContain("TOPSECRET");
    expect(lines[0]).not.toContain("rawPacket");
  });
});
