// A fleet of 22 keys covering every finding: the sandbox's keys, the exporter config, a state
// directory seeded with 100 days of history, the live requests that trigger the traffic findings,
// and the exact set of findings expected afterwards.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KeySpec } from "@minimo/sim";
import { serialize } from "../../src/posture/state/serializer.js";
import { freshUsage } from "../../src/posture/state/store.js";
import type { PostureData } from "../../src/posture/types.js";

export const NOW = Date.parse("2026-12-04T12:00:00Z");
const D = 86_400_000;
const H = 3_600_000;
const healthy = { created: "2026-11-04", expires: "2027-06-01" };

interface FleetKey {
  name: string;
  sim: string[];
  config?: Record<string, unknown>;
  /** Seeded usage: last accepted ms ago (undefined = never), permissions used. */
  seed?: { lastAcceptedAgo?: number; used?: string[]; sinceAgo?: number; firstAcceptedAgo?: number };
}

const fleet: FleetKey[] = [
  { name: "clean", sim: ["contacts:read"], config: { permissions: ["contacts:read"], ...healthy, owner: "team-a" } },
  { name: "no-expiry", sim: ["*"], config: { created: "2026-11-04" } },
  { name: "long-expiry", sim: ["*"], config: { created: "2026-11-04", expires: "2028-01-01" } },
  { name: "old", sim: ["*"], config: { created: "2025-11-20", expires: "2026-11-19" } },
  { name: "over-granted", sim: ["*"], config: { permissions: ["contacts:read", "contacts:write"], ...healthy }, seed: { used: ["contacts:read"] } },
  { name: "missing", sim: ["contacts:read"], config: { permissions: ["contacts:read"], ...healthy } },
  { name: "idle", sim: ["*"], config: healthy, seed: { lastAcceptedAgo: undefined } },
  { name: "rotating-old", sim: ["*"], config: healthy },
  { name: "rotating-new", sim: ["*"], config: { ...healthy, replaces: "rotating-old" }, seed: { firstAcceptedAgo: 2 * H } },
  { name: "retired-old", sim: ["*"], config: healthy, seed: { lastAcceptedAgo: 2 * D } },
  { name: "retired-new", sim: ["*"], config: { ...healthy, replaces: "retired-old" }, seed: { firstAcceptedAgo: 3 * D } },
  { name: "in-browser", sim: ["*"], config: healthy },
  {
    name: "spa",
    sim: ["contacts:read"],
    config: { client_side: true, permissions: ["contacts:read"], created: "2026-11-20", expires: "2027-01-15" },
    seed: { used: ["contacts:read"] },
  },
  {
    name: "spa-writes",
    sim: ["*"],
    config: { client_side: true, permissions: ["contacts:read", "contacts:write"], created: "2026-11-20", expires: "2027-01-15" },
    seed: { used: ["contacts:read", "contacts:write"] },
  },
  { name: "in-url", sim: ["*"], config: healthy },
  { name: "new-caller", sim: ["*"], config: healthy },
  { name: "accepted", sim: ["*"], config: { created: "2026-11-04", accept: [{ finding: "no_expiry", reason: "vendor-managed key", until: "2027-06-01" }] } },
  { name: "acceptance-over", sim: ["*"], config: { created: "2026-11-04", accept: [{ finding: "no_expiry", reason: "until the migration", until: "2026-11-01" }] } },
  { name: "young", sim: ["*"], config: { permissions: ["contacts:read", "contacts:write"], ...healthy }, seed: { used: ["contacts:read"], sinceAgo: 40 * D } },
  { name: "dashboard", sim: ["stats:read", "contacts:read"], config: { permissions: ["contacts:read"], ...healthy, environment: "prod" } },
  {
    name: "wrong-inventory",
    sim: ["contacts:read"],
    config: { permissions: ["contacts:read", "contacts:write"], ...healthy },
    seed: { used: ["contacts:read", "contacts:write"] },
  },
  { name: "spare", sim: ["*"], config: healthy },
];

/** `key finding severity`, sorted: exactly what the running exporter and lint must report. */
export const EXPECTED = [
  "no-expiry no_expiry warning",
  "long-expiry expiry_over_1y warning",
  "old rotation_due warning",
  "over-granted unused_permission warning",
  "missing missing_permission warning",
  "idle idle info",
  "rotating-old rotation_pending warning",
  "retired-old rotation_pending info",
  "in-browser browser_use critical",
  "spa-writes client_side_policy warning",
  "in-url key_in_url critical",
  "unknown key_in_url critical",
  "new-caller new_caller warning",
  "acceptance-over no_expiry warning",
  "wrong-inventory missing_permission warning",
].sort();

export const secretOf = (i: number) => `mn-fx${String(i).padStart(2, "0")}-FAKEposture${String(i).padStart(2, "0")}secret0000`;
export const UNCONFIGURED = "mn-fx99-FAKEnotConfigured00000";

export function simKeys(): KeySpec[] {
  return fleet.map((k, i) => ({ name: k.name, key: secretOf(i), permissions: k.sim }));
}

export function fleetEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(fleet.map((_, i) => [`FX_${i}`, secretOf(i)]));
}

export function rawConfig(upstream: string, storage: string): Record<string, unknown> {
  return {
    upstream,
    listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
    gateway: { trusted_proxies: ["loopback"] },
    state: { path: storage },
    keys: fleet.map((k, i) => ({ name: k.name, key_env: `FX_${i}`, ...k.config })),
  };
}

/** A state directory with 100 days of coverage and each key's history. */
export function seededStateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "posture-fleet-"));
  const data: PostureData = { version: 1, coverage: [[NOW - 100 * D, NOW]], keys: {} };
  for (const k of fleet) {
    const u = freshUsage(NOW - (k.seed?.sinceAgo ?? 100 * D));
    const ago = k.seed && "lastAcceptedAgo" in k.seed ? k.seed.lastAcceptedAgo : D;
    if (ago !== undefined) u.lastAccepted = NOW - ago;
    if (k.seed?.firstAcceptedAgo !== undefined) u.firstAccepted = NOW - k.seed.firstAcceptedAgo;
    else if (ago !== undefined) u.firstAccepted = NOW - 99 * D;
    for (const p of k.seed?.used ?? (k.config?.permissions as string[] | undefined) ?? []) u.permissions[p] = NOW - D;
    u.baseline["127.0.0.0/24 node"] = { firstSeen: NOW - 99 * D, lastSeen: NOW - D };
    data.keys[k.name] = u;
  }
  writeFileSync(join(dir, "posture.json"), serialize(data));
  return dir;
}

const keyOf = (name: string) => secretOf(fleet.findIndex((k) => k.name === name));

/** The live requests (Node fetch) that trigger the traffic findings. */
export async function liveTraffic(gatewayUrl: string): Promise<void> {
  const call = async (name: string, path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${gatewayUrl}${path}`, { ...init, headers: { authorization: `Bearer ${keyOf(name)}`, ...init.headers } });
    await res.arrayBuffer();
    return res.status;
  };
  const upsert = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@example.com" }) };
  // Ordinary traffic from known callers: no finding.
  for (const name of [
    "clean",
    "dashboard",
    "over-granted",
    "spa-writes",
    "wrong-inventory",
    "young",
    "no-expiry",
    "long-expiry",
    "old",
    "accepted",
    "acceptance-over",
    "spare",
    "rotating-new",
    "retired-new",
  ]) {
    await call(name, "/public/v1/contacts/by-email/a%40example.com");
  }
  if ((await call("missing", "/public/v1/contacts", upsert)) !== 403) throw new Error("expected a 403 for missing");
  if ((await call("wrong-inventory", "/public/v1/contacts", upsert)) !== 403) throw new Error("expected a 403 for wrong-inventory");
  await call("rotating-old", "/public/v1/custom-fields");
  await call("in-browser", "/public/v1/custom-fields", { headers: { origin: "https://shop.example", "sec-fetch-site": "cross-site", "sec-fetch-dest": "empty" } });
  await call("spa", "/public/v1/contacts/by-email/a%40example.com", { headers: { origin: "https://shop.example", "sec-fetch-site": "cross-site", "sec-fetch-dest": "empty" } });
  await call("in-url", `/public/v1/custom-fields?api_key=${keyOf("in-url")}`);
  await call("clean", `/public/v1/contacts/by-email/a%40example.com?token=${UNCONFIGURED}`);
  await call("new-caller", "/public/v1/custom-fields", { headers: { "x-forwarded-for": "203.0.113.5" } });
}
