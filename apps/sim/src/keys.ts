// The key store: which keys exist, what they may do, and whether they still work. Secrets are
// kept only as SHA-256 digests, and lookups compare digests in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { isApiKeyFormat, parseApiKey } from "@minimo/client";

/** One key as written in the keys file. */
export interface KeySpec {
  /** Shown in logs and control responses instead of the key. */
  name: string;
  /** Full key `mn-{CLIENT_ID}-{SECRET}`. */
  key: string;
  /** Granted permissions; `["*"]` grants all. Default: `["*"]`. */
  permissions?: string[];
  /** `YYYY-MM-DD` (valid through that UTC day) or an RFC 3339 date-time; absent = never expires. */
  expires?: string;
  /** Revoked keys get 401. Default: false. */
  revoked?: boolean;
  /** Requests per fixed window. Default: 120 per 60 s. */
  rate_limit?: { limit: number; window_seconds: number };
}

export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

/** A key as the sandbox holds it: no plain secret, only its digest and a masked form. */
export interface StoredKey {
  name: string;
  clientId: string;
  /** `mn-{CLIENT_ID}-…`: safe to print. */
  masked: string;
  digest: Buffer;
  permissions: string[];
  /** Epoch ms from which the key is expired; undefined = never. */
  expiresAt: number | undefined;
  revoked: boolean;
  policy: RateLimitPolicy;
}

export const DEFAULT_POLICY: RateLimitPolicy = { limit: 120, windowSeconds: 60 };

export type AuthFailure = "missing" | "malformed" | "unknown" | "expired" | "revoked";
export type AuthResult = { ok: true; key: StoredKey } | { ok: false; reason: AuthFailure; key?: StoredKey };

// The auth scheme name is case-insensitive (RFC 7235 §2.1), so `bearer` and `BEARER` work too.
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function digestOf(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** `mn-acme01-Zx81…` → `mn-acme01-…` (the client id is not secret; the secret never shows). */
export function maskKey(key: string): string {
  return isApiKeyFormat(key) ? `mn-${parseApiKey(key).clientId}-…` : "mn-…";
}

/** Expiry instant of an `expires` value: a bare date lasts through the end of that UTC day. */
export function expiryInstant(expires: string | undefined | null): number | undefined {
  if (!expires) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) return Date.parse(`${expires}T00:00:00Z`) + 86_400_000;
  return Date.parse(expires);
}

function toStored(spec: KeySpec): StoredKey {
  return {
    name: spec.name,
    clientId: isApiKeyFormat(spec.key) ? parseApiKey(spec.key).clientId : "",
    masked: maskKey(spec.key),
    digest: digestOf(spec.key),
    permissions: [...(spec.permissions ?? ["*"])],
    expiresAt: expiryInstant(spec.expires),
    revoked: spec.revoked ?? false,
    policy: spec.rate_limit ? { limit: spec.rate_limit.limit, windowSeconds: spec.rate_limit.window_seconds } : { ...DEFAULT_POLICY },
  };
}

export class KeyStore {
  #keys = new Map<string, StoredKey>();
  // Digests only: the plain keys are not kept past construction.
  readonly #initial: readonly StoredKey[];

  constructor(specs: readonly KeySpec[]) {
    this.#initial = specs.map(toStored);
    this.reset();
  }

  /** Back to the keys the sandbox started with (undoes revoke, rotate and policy changes). */
  reset(): void {
    this.#keys = new Map(this.#initial.map((k) => [k.name, { ...k, permissions: [...k.permissions], policy: { ...k.policy } }]));
  }

  list(): StoredKey[] {
    return [...this.#keys.values()];
  }

  get(name: string): StoredKey | undefined {
    return this.#keys.get(name);
  }

  /**
   * Finds the key an Authorization header carries. Every stored digest is compared, with no early
   * exit, so the time taken does not depend on which key (if any) matched.
   */
  identify(authorization: string | undefined): { key?: StoredKey; failure?: "missing" | "malformed" | "unknown" } {
    if (authorization === undefined || authorization.trim() === "") return { failure: "missing" };
    const m = BEARER.exec(authorization);
    if (!m || !isApiKeyFormat(m[1])) return { failure: "malformed" };
    const presented = digestOf(m[1]!);
    let found: StoredKey | undefined;
    for (const k of this.#keys.values()) {
      if (timingSafeEqual(presented, k.digest)) found = k;
    }
    return found ? { key: found } : { failure: "unknown" };
  }

  /** Authenticates a request at instant `now` (epoch ms). */
  authenticate(authorization: string | undefined, now: number): AuthResult {
    const { key, failure } = this.identify(authorization);
    if (!key) return { ok: false, reason: failure ?? "unknown" };
    if (key.revoked) return { ok: false, reason: "revoked", key };
    if (key.expiresAt !== undefined && now >= key.expiresAt) return { ok: false, reason: "expired", key };
    return { ok: true, key };
  }

  revoke(name: string): StoredKey | undefined {
    const k = this.#keys.get(name);
    if (k) k.revoked = true;
    return k;
  }

  /** Issues a new secret for the key (same client id); the old key stops working at once. */
  rotate(name: string): { key: StoredKey; fullKey: string } | undefined {
    const k = this.#keys.get(name);
    if (!k) return undefined;
    const fullKey = `mn-${k.clientId}-${randomBytes(18)
      .toString("base64url")
      .replace(/[^A-Za-z0-9]/g, "x")}`;
    k.digest = digestOf(fullKey);
    k.revoked = false;
    return { key: k, fullKey };
  }

  /** Applies a policy change; `expires: null` removes the expiry. */
  update(
    name: string,
    change: { permissions?: string[]; expires?: string | null; revoked?: boolean; rate_limit?: { limit: number; window_seconds: number } },
  ): StoredKey | undefined {
    const k = this.#keys.get(name);
    if (!k) return undefined;
    if (change.permissions) k.permissions = [...change.permissions];
    if (change.expires !== undefined) k.expiresAt = expiryInstant(change.expires);
    if (change.revoked !== undefined) k.revoked = change.revoked;
    if (change.rate_limit) k.policy = { limit: change.rate_limit.limit, windowSeconds: change.rate_limit.window_seconds };
    return k;
  }
}

/** Whether a key's permissions grant `needed` (`*` grants everything). */
export function hasPermission(key: StoredKey, needed: string | undefined): boolean {
  if (!needed) return true;
  return key.permissions.includes("*") || key.permissions.includes(needed);
}

/** A printable, secret-free view of a key (CLI banner, control responses). */
export function describeKey(k: StoredKey, now: number) {
  return {
    name: k.name,
    key: k.masked,
    permissions: [...k.permissions],
    rate_limit: { limit: k.policy.limit, window_seconds: k.policy.windowSeconds },
    expires: k.expiresAt === undefined ? null : new Date(k.expiresAt).toISOString(),
    state: k.revoked ? "revoked" : k.expiresAt !== undefined && now >= k.expiresAt ? "expired" : "active",
  };
}
