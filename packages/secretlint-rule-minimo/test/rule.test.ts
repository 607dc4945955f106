// The one key pattern, through secretlint: 1,000 generated keys in the places keys leak to are all
// found, a negative set (UUIDs, JWTs, other vendors' key formats, near misses) never is; the
// gitleaks and GitHub texts carry exactly the same pattern.
import { lintSource } from "@secretlint/core";
import { MINIMO_KEY_PATTERN, MINIMO_KEY_REGEX_SOURCE, isApiKeyFormat } from "@minimo/client";
import { describe, expect, it } from "vitest";
import { creator, gitleaksRule, githubCustomPattern, RULE_ID } from "../src/index.js";

/** Deterministic PRNG (mulberry32), so the sets are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const pick = (r: () => number, set: string, n: number) => Array.from({ length: n }, () => set[Math.floor(r() * set.length)]).join("");

function generatedKeys(n: number): string[] {
  const r = rng(42);
  return Array.from({ length: n }, () => `mn-${pick(r, `${ALNUM}_`, 1 + Math.floor(r() * 20))}-${pick(r, `${ALNUM}_-`, 6 + Math.floor(r() * 60))}`);
}
const CONTEXTS = [
  (k: string) => `MINIMO_API_KEY=${k}\n`,
  (k: string) => `{"apiKey": "${k}"}`,
  (k: string) => `const key = '${k}';`,
  (k: string) => `curl -H "Authorization: Bearer ${k}" https://api.minimo.it/public/v1/contacts`,
  (k: string) => `https://api.minimo.it/public/v1/custom-fields?api_key=${k}&x=1`,
  (k: string) => `  minimo:\n    key: ${k}\n`,
];

async function lint(content: string) {
  const result = await lintSource({
    source: { filePath: "/virtual/file.txt", content, contentType: "text" },
    options: { config: { rules: [{ id: RULE_ID, rule: creator }] }, maskSecrets: true },
  });
  return result.messages;
}

const NEGATIVES = [
  "550e8400-e29b-41d4-a716-446655440000",
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "sk_live_51H8abcDEFghiJKLmnoPQRstu sk_test_4eC39HqLyjWDarjtT1zdp7dc pk_live_51Habc",
  "ghp_16C7e42F292c6912E7710c838347Ae178B4a github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
  "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
  "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
  "glpat-xxxxxxxxxxxxxxxxxxxx SG.abcdefghijklmnop.qrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU",
  "mn-abc123 mn--xyz789def mn-abc123-short mn-abc-12345 ammn-abc123-xyz789def456", // near misses
  "the column-mn-ratio and pmn-value123-abcdefgh are words, not keys",
];

describe("the Minimo key pattern", () => {
  it("is what parseApiKey accepts, for every generated key", () => {
    for (const k of generatedKeys(1000)) {
      expect(isApiKeyFormat(k), k).toBe(true);
      expect(MINIMO_KEY_PATTERN.exec(k)?.[0]).toBe(k);
    }
  });

  it("secretlint finds each of 1,000 generated keys, in every context, masked in the message", async () => {
    const keys = generatedKeys(1000);
    let found = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const messages = await lint(CONTEXTS[i % CONTEXTS.length]!(k));
      expect(messages, k).toHaveLength(1);
      const m = messages[0]!;
      expect(m.ruleId).toBe(RULE_ID);
      expect(m.message).not.toContain(k.slice(k.indexOf("-", 3) + 1));
      found++;
    }
    expect(found).toBe(1000);
  });

  it.each(NEGATIVES)("finds nothing in %s", async (text) => {
    expect(await lint(text)).toEqual([]);
    expect(MINIMO_KEY_PATTERN.test(text)).toBe(false);
  });

  it("gives gitleaks and GitHub the very same pattern", () => {
    expect(gitleaksRule()).toContain(`regex = '''${MINIMO_KEY_REGEX_SOURCE}'''`);
    expect(githubCustomPattern().secretFormat).toBe(MINIMO_KEY_REGEX_SOURCE);
    expect(MINIMO_KEY_PATTERN.test(githubCustomPattern().testString)).toBe(true);
  });
});
