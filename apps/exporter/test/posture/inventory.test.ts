// The key inventory in the config: strict like the rest, with messages naming the field and the
// valid values; and the inventory-only findings it gives with an injected clock.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/index.js";
import { PERMISSIONS } from "../../src/config/posture.js";
import { config, harness, keyEnv, T0 } from "./support.js";

function problems(keys: object[], extra: object = {}): string[] {
  try {
    parseConfig({ keys: keys.map((k, i) => ({ key_env: `K${i}`, name: `k${i}`, ...k })), ...extra }, keyEnv(keys.length));
  } catch (err) {
    if (err instanceof ConfigError) return err.lines();
    throw err;
  }
  return [];
}

describe("inventory config", () => {
  it("permissions come from the spec's x-minimo-permission values", () => {
    expect(PERMISSIONS).toEqual([
      "contacts:read",
      "contacts:write",
      "custom_fields:read",
      "custom_fields:write",
      "stats:read",
      "templates:read",
      "transactional",
      "whatsapp:read",
      "whatsapp:send",
    ]);
  });

  it.each([
    [[{ permissions: ["contacts:delete"] }], `keys[0].permissions[0]: unknown permission "contacts:delete"; valid: ${PERMISSIONS.join(", ")}`],
    [[{ created: "last year" }], "keys[0].created: must be a date like 2027-06-01 (or an ISO 8601 date-time)"],
    [[{ created: 20250101 }], "keys[0].created: expected a date like 2027-06-01 (or an ISO 8601 date-time), got the number 20250101"],
    [[{ replaces: "nobody" }], 'keys[0].replaces: names "nobody", which is not a configured key\'s name'],
    [[{ replaces: "k0" }], "keys[0].replaces: a key cannot replace itself"],
    [[{}, { replaces: "k0" }, { replaces: "k0" }], 'keys[2].replaces: "k0" is already replaced by "k1"'],
    [[{ accept: [{ finding: "no_expiry", reason: "legacy" }] }], "keys[0].accept[0].until: required field is missing"],
    [
      [{ accept: [{ finding: "nope", reason: "x", until: "2027-01-01" }] }],
      'keys[0].accept[0].finding: unknown finding "nope"; valid: key_in_url, browser_use, rotation_pending, missing_permission, new_caller, client_side_policy, unused_permission, no_expiry, expiry_over_1y, rotation_due, idle',
    ],
    [[{ owner: "" }], "keys[0].owner: expected a non-empty text (a team or a person, for alert routing), got an empty string"],
    [[{ enviroment: "prod" }], "keys[0].enviroment: unknown field"],
  ])("rejects %j", (keys, message) => {
    expect(problems(keys)).toEqual([message]);
  });

  it.each([
    [{ posture: { window_days: 0 } }, "posture.window_days: expected a whole number of days from 1 to 400, got the number 0"],
    [{ posture: { windows_days: 30 } }, "posture.windows_days: unknown field"],
    [{ state: { path: "" } }, "state.path: expected a directory path, got an empty string"],
  ])("rejects %j", (extra, message) => {
    expect(problems([{}], extra)).toEqual([message]);
  });

  it("applies defaults and keeps what was declared", () => {
    const c = config([
      {
        name: "a",
        permissions: ["contacts:read"],
        created: "2025-01-01",
        environment: "prod",
        owner: "team-crm",
        client_side: true,
        accept: [{ finding: "no_expiry", reason: "legacy", until: "2027-01-01" }],
      },
    ]);
    expect(c.posture).toEqual({ windowDays: 90, rotationQuietHours: 24, learningDays: 14 });
    expect(c.keys[0]!.inventory).toEqual({
      permissions: ["contacts:read"],
      created: Date.parse("2025-01-01") / 1000,
      environment: "prod",
      owner: "team-crm",
      clientSide: true,
      accept: [{ finding: "no_expiry", reason: "legacy", until: Date.parse("2027-01-01") / 1000 }],
    });
  });
});

describe("inventory findings", () => {
  const names = (h: ReturnType<typeof harness>, alias: string) => h.findings(alias).map((f) => `${f.finding}:${f.severity}`);

  it("expiry and rotation follow the docs' one-year advice", () => {
    const h = harness(
      config([
        { name: "none" },
        { name: "long", created: "2025-06-01", expires: "2026-06-02" },
        { name: "long-unknown-created", expires: "2027-01-02" },
        { name: "old", created: "2024-12-31", expires: "2025-12-30" },
        { name: "good", created: "2025-06-01", expires: "2026-06-01" },
      ]),
    );
    expect(names(h, "none")).toEqual(["no_expiry:warning"]);
    expect(names(h, "long")).toEqual(["expiry_over_1y:warning"]);
    expect(names(h, "long-unknown-created")).toEqual(["expiry_over_1y:warning"]);
    expect(names(h, "old")).toEqual(["rotation_due:warning"]);
    expect(names(h, "good")).toEqual([]);
  });

  it("a client-side key must be read-only and expire within 90 days", () => {
    const h = harness(
      config([
        { name: "writer", client_side: true, permissions: ["contacts:read", "transactional"], created: "2025-12-20", expires: "2026-02-01" },
        { name: "long", client_side: true, permissions: ["contacts:read"], created: "2025-12-20", expires: "2026-06-01" },
        { name: "ok", client_side: true, permissions: ["contacts:read"], created: "2025-12-20", expires: "2026-03-01" },
      ]),
    );
    expect(h.findings("writer")[0]!.summary).toBe("client-side key with write or send permissions (transactional)");
    expect(h.findings("long")[0]!.summary).toBe("client-side key with an expiration 151 days away");
    expect(h.findings("ok")).toEqual([]);
  });

  it("an acceptance silences until its date, then the finding is reported with the acceptance expired", () => {
    const h = harness(config([{ name: "legacy", accept: [{ finding: "no_expiry", reason: "vendor key", until: "2026-02-01" }] }]));
    expect(h.findings("legacy")[0]!.accepted).toEqual({ reason: "vendor key", until: "2026-02-01" });
    h.clock.now = Date.parse("2026-02-01T00:00:00Z");
    const f = h.findings("legacy")[0]!;
    expect(f.accepted).toBeUndefined();
    expect(f.acceptanceExpired).toEqual({ reason: "vendor key", until: "2026-02-01" });
    void T0;
  });
});
