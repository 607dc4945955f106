import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/index.js";

const KEY = "mn-acct42-TOPSECRETvalue123";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
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
