import { createHash, timingSafeEqual } from "node:crypto";
import { isApiKeyFormat } from "@minimo/client";
import type { KeyConfig } from "../config/types.js";

interface Entry {
  alias: string;
  digest: Buffer;
}

const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/**
 * Tells which configured key a presented Bearer key is. Only SHA-256 digests are kept; the
 * presented key is hashed once and compared to each digest of the same client id with
 * `timingSafeEqual` (fixed length, so no throw and no length leak), without an early exit.
 */
export class KeyMatcher {
  readonly #byClient = new Map<string, Entry[]>();

  constructor(keys: readonly KeyConfig[]) {
    for (const key of keys) {
      const list = this.#byClient.get(key.clientId) ?? [];
      list.push({ alias: key.name, digest: sha256(key.apiKey.reveal()) });
      this.#byClient.set(key.clientId, list);
    }
  }

  /** The alias of the configured key equal to `presented`, or undefined. */
  identify(presented: string | undefined): string | undefined {
    if (presented === undefined || !isApiKeyFormat(presented)) return undefined;
    // Same split as parseApiKey, without its fingerprint hash: the key is hashed once, below.
    const candidates = this.#byClient.get(presented.slice(3, presented.indexOf("-", 3)));
    if (!candidates) return undefined;
    const digest = sha256(presented);
    let found: string | undefined;
    for (const entry of candidates) {
      if (timingSafeEqual(entry.digest, digest) && found === undefined) found = entry.alias;
    }
    return found;
  }
}

/** The key in an `Authorization: Bearer <key>` header value, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}
