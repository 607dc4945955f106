import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { KeysFileError, demoKeys, loadKeysFile, maskKey, parseKeysFile } from "../src/index.js";
import { KeyStore } from "../src/keys.js";

// A planted secret: it must appear in no error message, whatever is wrong with the file.
const CANARY = "CANARYc4n4ry5ecret9f8e7d";
const KEY = `mn-acme01-${CANARY}`;

function problemsOf(text: string): string[] {
  try {
    parseKeysFile(text, "keys.yaml");
  } catch (err) {
    expect(err).toBeInstanceOf(KeysFileError);
    expect((err as Error).message).not.toContain(CANARY);
    return (err as KeysFileError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error("expected the keys file to be rejected");
}

describe("keys file", () => {
  it("loads the documented shape", () => {
    const specs = parseKeysFile(`keys:
  - name: production
    key: ${KEY}
    permissions: ["*"]
    expires: 2027-11-27
    revoked: false
    rate_limit: { limit: 120, window_seconds: 60 }
`);
    expect(specs).toEqual([{ name: "production", key: KEY, permissions: ["*"], expires: "2027-11-27", revoked: false, rate_limit: { limit: 120, window_seconds: 60 } }]);
  });

  it("examples/keys.yaml is valid", () => {
    const specs = loadKeysFile(fileURLToPath(new URL("../examples/keys.yaml", import.meta.url)));
    expect(specs.map((k) => k.name)).toEqual(["production", "dashboard", "importer", "old-ci"]);
  });

  const bad: [string, string, string[]][] = [
    ["no keys list", "{}", ["keys: is required"]],
    ["empty list", "keys: []", ["keys: must NOT have fewer than 1 items"]],
    ["key missing", "keys: [{ name: a }]", ["keys[0].key: is required"]],
    ["malformed key", `keys: [{ name: a, key: "sk-${CANARY}" }]`, ["keys[0].key: must start with 'mn-' (format mn-{CLIENT_ID}-{SECRET_KEY})"]],
    ["key with a space", `keys: [{ name: a, key: "mn-acme01-${CANARY} x" }]`, ["keys[0].key: has a secret part that is not 6-512 letters, digits, '_' or '-'"]],
    ["unknown field", `keys: [{ name: a, key: ${KEY}, secret: ${CANARY} }]`, ["keys[0].secret: unknown field"]],
    [
      "unknown permission",
      `keys: [{ name: a, key: ${KEY}, permissions: [contacts:delete] }]`,
      [
        "keys[0].permissions[0]: must be one of contacts:read, contacts:write, custom_fields:read, custom_fields:write, transactional, stats:read, whatsapp:read, whatsapp:send, templates:read, *",
      ],
    ],
    ["bad expiry", `keys: [{ name: a, key: ${KEY}, expires: next year }]`, ["keys[0].expires: must be a date (YYYY-MM-DD) or an RFC 3339 date-time"]],
    [
      "bad rate limit",
      `keys: [{ name: a, key: ${KEY}, rate_limit: { limit: 0, window: 60 } }]`,
      ["keys[0].rate_limit.limit: must be >= 1", "keys[0].rate_limit.window: unknown field", "keys[0].rate_limit.window_seconds: is required"],
    ],
    ["duplicate name and key", `keys: [{ name: a, key: ${KEY} }, { name: a, key: ${KEY} }]`, ["keys[1].name: duplicates keys[0].name", "keys[1].key: duplicates keys[0].key"]],
    // Regression: accepted, then printed at start, listed by GET /__sim/keys and logged per request.
    [
      "a full key as the name",
      `keys: [{ name: ${KEY}, key: mn-acme02-otherSecret0000 }]`,
      ['keys[0].name: looks like an API key; the name is shown in logs, so use an alias such as "production"'],
    ],
    ["YAML syntax error next to the secret", `keys:\n  - name: a\n    key: "${KEY}\n  - [`, ["line 3, column 10: YAML syntax error (MISSING_CHAR)"]],
  ];
  it.each(bad)("rejects %s, naming the field and reason, never the secret", (_name, text, expected) => {
    const problems = problemsOf(text);
    if (expected[0]!.includes("YAML syntax error")) expect(problems[0]).toMatch(/^line \d+, column \d+: YAML syntax error \(\w+\)$/);
    else expect(problems).toEqual(expected);
  });

  it("an unreadable file names the path and the reason", () => {
    expect(() => loadKeysFile("/nonexistent/keys.yaml")).toThrow("(file): cannot be read (ENOENT)");
  });

  it("loads from disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "minimo-sim-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "keys.yaml");
    writeFileSync(file, `keys:\n  - { name: a, key: ${KEY} }\n`);
    expect(loadKeysFile(file)).toEqual([{ name: "a", key: KEY }]);
  });
});

describe("key store", () => {
  it("masks keys as mn-{CLIENT_ID}-…", () => {
    expect(maskKey(KEY)).toBe("mn-acme01-…");
    expect(maskKey("nonsense")).toBe("mn-…");
  });

  it("identifies a key only by its full value (same client id, other secret: unknown)", () => {
    const store = new KeyStore([{ name: "a", key: KEY }]);
    expect(store.identify(`Bearer ${KEY}`).key?.name).toBe("a");
    expect(store.identify(`Bearer mn-acme01-${CANARY}x`).failure).toBe("unknown");
    // The scheme is case-insensitive (RFC 7235 §2.1).
    expect(store.identify(`bearer ${KEY}`).key?.name).toBe("a");
    expect(store.identify(undefined).failure).toBe("missing");
  });

  it("keeps no plain secret: nothing reachable from the store holds the key", () => {
    const store = new KeyStore([{ name: "a", key: KEY }]);
    store.reset();
    const seen = JSON.stringify(store.list(), (_k, v: unknown) => (Buffer.isBuffer(v) ? "<digest>" : v));
    expect(seen).not.toContain(CANARY);
  });

  it("the demo keys are fake by construction and cover the documented cases", () => {
    expect(demoKeys.map((k) => k.name)).toEqual(["demo-full", "demo-readonly", "demo-expired", "demo-revoked", "demo-limited"]);
    for (const k of demoKeys) expect(k.key).toMatch(/^mn-demo\d\d-FAKE/);
  });
});
