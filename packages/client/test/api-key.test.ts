import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidApiKeyError, apiKeyProblem, isApiKeyFormat, parseApiKey, redactApiKeys } from "../src/index.js";

const CANARY = "CanarySecret9f8e7d6c5b4a";

describe("parseApiKey", () => {
  it.each([
    ["mn-abc123-xyz789def456ghi789", "abc123"],
    ["mn-abc123-xyz789", "abc123"],
    ["mn-YOUR_CLIENT_ID-YOUR_API_KEY", "YOUR_CLIENT_ID"],
    ["mn-acme01-Zx81kq-with-dashes", "acme01"],
  ])("parses %s", (key, clientId) => {
    const parsed = parseApiKey(key);
    expect(parsed.clientId).toBe(clientId);
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it("gives different keys different fingerprints, and the same key the same one", () => {
    expect(parseApiKey("mn-a-secret1").fingerprint).not.toBe(parseApiKey("mn-a-secret2").fingerprint);
    expect(parseApiKey("mn-a-secret1").fingerprint).toBe(parseApiKey("mn-a-secret1").fingerprint);
  });

  it.each([
    ["", "is empty"],
    [`xx-abc-${CANARY}`, "must start with 'mn-'"],
    [`mn-${CANARY}`, "client id or its '-' separator is missing"],
    [`mn--${CANARY}`, "client id or its '-' separator is missing"],
    [`mn-ab!c-${CANARY}`, "client id that is not"],
    ["mn-abc-12", "secret part that is not"],
    [`mn-abc-${CANARY} `, "leading or trailing whitespace"],
    [`mn-abc-${CANARY}$`, "secret part that is not"],
  ])("rejects %j saying why, without echoing the key", (key, reason) => {
    let error: unknown;
    try {
      parseApiKey(key);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidApiKeyError);
    const message = (error as Error).message;
    expect(message).toContain(reason);
    expect(message).not.toContain(CANARY);
    expect(message).not.toContain("ab!c");
    expect(isApiKeyFormat(key)).toBe(false);
  });

  it("never throws anything but InvalidApiKeyError, on any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("mn-", "mn-a-", "mn-a-b")), (s) => {
        try {
          parseApiKey(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidApiKeyError);
          expect((e as Error).message.includes(s) && s.length > 8).toBe(false);
        }
        expect(typeof isApiKeyFormat(s)).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("reports non-strings without throwing", () => {
    expect(apiKeyProblem(undefined)).toBe("must be a string");
    expect(apiKeyProblem(42)).toBe("must be a string");
  });
});

describe("redactApiKeys", () => {
  it("keeps the client id and hides the secret", () => {
    expect(redactApiKeys(`auth Bearer mn-acme01-${CANARY} failed`)).toBe("auth Bearer mn-acme01-<secret> failed");
  });
  it("never leaves a secret behind on any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(redactApiKeys(`${before}mn-acme01-${CANARY}${after}`)).not.toContain(CANARY);
      }),
    );
  });
});
