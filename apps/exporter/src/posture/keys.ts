// Config keys as the findings engine sees them: name, expiry and inventory, no secret.
import type { KeyConfig } from "../config/types.js";
import type { PostureKey } from "./types.js";

const NOTHING_DECLARED = Object.freeze({ clientSide: false, accept: Object.freeze([]) });

export function toPostureKeys(keys: readonly KeyConfig[]): PostureKey[] {
  return keys.map((k) => ({ name: k.name, ...(k.expiresAt !== undefined ? { expiresAt: k.expiresAt } : {}), inventory: k.inventory ?? NOTHING_DECLARED }));
}
