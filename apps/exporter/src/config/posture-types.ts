// What a key's config may declare about its posture, and the posture settings: the config
// validates against these, the posture modules judge with them.

/** Every finding, in the order a table lists them. A contract: metric labels, `accept`, lint output. */
export const FINDINGS = [
  "key_in_url",
  "browser_use",
  "rotation_pending",
  "missing_permission",
  "new_caller",
  "client_side_policy",
  "unused_permission",
  "no_expiry",
  "expiry_over_1y",
  "rotation_due",
  "idle",
] as const;
export type FindingName = (typeof FINDINGS)[number];

/** `accept:` entry of a key: one finding silenced until a date, with the reason. */
export interface Acceptance {
  readonly finding: FindingName;
  readonly reason: string;
  /** Unix epoch seconds (start of that day, UTC). */
  readonly until: number;
}

/** What a key's config declares about it (all optional in the file). */
export interface KeyInventory {
  /** Values of the spec's `x-minimo-permission`; undefined when not declared. */
  readonly permissions?: readonly string[];
  /** Unix epoch seconds. */
  readonly created?: number;
  readonly environment?: string;
  readonly owner?: string;
  readonly clientSide: boolean;
  /** The alias of the key this one succeeds. */
  readonly replaces?: string;
  readonly accept: readonly Acceptance[];
}

/** `posture:` settings. */
export interface PostureSettings {
  /** Days a permission or key must go unused to be judged unused (`posture.window_days`, default 90). */
  readonly windowDays: number;
  /** Hours without accepted traffic on a replaced key before it is safe to revoke (default 24). */
  readonly rotationQuietHours: number;
  /** Days of a key's history before new callers are reported (default 14). */
  readonly learningDays: number;
}
