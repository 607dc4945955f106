// The shapes shared by the posture modules: the inventory a key declares, the usage facts kept
// for it, and the findings judged from both. What the config file declares (the finding names,
// the inventory, the settings) is defined in config/, which depends on nothing else; the rest
// imports only that, so state, findings, metrics and the console can depend on this module
// without depending on each other.
import type { FindingName, KeyInventory } from "../config/posture-types.js";

export { FINDINGS, type Acceptance, type FindingName, type KeyInventory, type PostureSettings } from "../config/posture-types.js";

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The inventory plus the key facts the findings need (no secret). */
export interface PostureKey {
  readonly name: string;
  /** Unix epoch seconds. */
  readonly expiresAt?: number;
  readonly inventory: KeyInventory;
}

/** One known caller of a key: network prefix plus User-Agent product token, never a full address. */
export interface BaselineEntry {
  firstSeen: number;
  lastSeen: number;
}

/** Who used a replaced key after its successor's first use (evidence for `rotation_pending`). */
export interface RotationCaller {
  address: string;
  userAgent: string;
  lastOperation: string;
  lastSeen: number;
}

/** A `new_caller` event. */
export interface NewCallerEvent {
  caller: string;
  at: number;
}

/** Usage facts of one key; all times Unix epoch milliseconds. JSON-serializable. */
export interface KeyUsage {
  /** When the state first knew the key: the start of its history. */
  since: number;
  /** Last answer other than 401. */
  lastAccepted?: number;
  /** Last 401. */
  lastRejected?: number;
  /** First answer other than 401 (a successor's first use starts a rotation). */
  firstAccepted?: number;
  /** Permission -> last accepted use (an answer other than 401 and 403). */
  permissions: Record<string, number>;
  /** Permission -> last 403 on an operation needing it. */
  forbidden: Record<string, number>;
  /** Caller -> first/last seen; at most `BASELINE_SIZE`, least recently seen out. */
  baseline: Record<string, BaselineEntry>;
  newCallers: NewCallerEvent[];
  newCallersTotal: number;
  browser: { count: number; last?: number; origin?: string; userAgent?: string };
  keyInUrl: { count: number; last?: number; operation?: string };
  rotationCallers: RotationCaller[];
}

/** Everything the store keeps. */
export interface PostureData {
  version: 1;
  /** [start, end] ms intervals in which the exporter was running, oldest first, disjoint. */
  coverage: [number, number][];
  keys: Record<string, KeyUsage>;
}

/** Callers kept in a key's baseline. */
export const BASELINE_SIZE = 32;
/** Rotation callers and new-caller events kept per key. */
export const EVIDENCE_SIZE = 32;

/** A judged finding for one key. Never holds a secret. */
export interface Finding {
  readonly key: string;
  readonly finding: FindingName;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** The fix, in the docs' words. */
  readonly fix: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  /** Set when an unexpired `accept` entry silences it. */
  readonly accepted?: { readonly reason: string; readonly until: string };
  /** Set when an `accept` entry for it has ended. */
  readonly acceptanceExpired?: { readonly reason: string; readonly until: string };
}

/** A usage verdict that could not be given for lack of coverage. */
export interface PendingVerdict {
  readonly key: string;
  readonly finding: FindingName;
  readonly summary: string;
}

export interface KeyReport {
  readonly key: string;
  readonly findings: readonly Finding[];
  readonly pending: readonly PendingVerdict[];
}
