// What every finding judge reads, and what it returns: a draft (the engine adds the key and the
// acceptance), a pending verdict (not enough coverage), or nothing.
import type { FindingName, KeyUsage, PostureData, PostureKey, PostureSettings, Severity } from "../types.js";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface FindingContext {
  readonly key: PostureKey;
  /** Undefined when the state holds nothing for the key yet. */
  readonly usage: KeyUsage | undefined;
  readonly data: PostureData;
  /** The configured key whose `replaces` names this one, with its usage. */
  readonly successor?: { readonly key: PostureKey; readonly usage: KeyUsage | undefined };
  readonly settings: PostureSettings;
  /** Unix epoch ms. */
  readonly now: number;
}

export interface Draft {
  readonly finding: FindingName;
  readonly severity: Severity;
  readonly summary: string;
  readonly fix: string;
  readonly evidence: Record<string, unknown>;
}

export interface Pending {
  readonly pending: FindingName;
  readonly summary: string;
}

export type Judge = (ctx: FindingContext) => Draft | Pending | undefined;

export const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
export const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
