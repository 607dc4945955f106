// The console's JSON: `GET /api/keys` (every key: facts, status, budget, counts, rates,
// per-minute series) and `GET /api/keys/{alias}/callers`. Built only from non-secret fields.
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import type { CallerTable } from "../callers/types.js";
import type { KeyReport } from "../posture/types.js";
import { daysToExpiry, keyStatus, type KeyStatus } from "./status.js";
import { BUCKET_MS, type KeyUsageSnapshot, type UsageRing } from "./usage.js";

/** What the exporter knows about one configured key, apart from its traffic. */
export interface KeyFacts {
  alias: string;
  clientId: string;
  expiresAt?: number;
  probe: { state: "disabled" | "pending" | "up" | "down"; lastSuccessAt?: number; lastProbeAt?: number };
  /** The rate-limit gauges as the last accepted answer set them (seconds for timestamps). */
  budget: { limit?: number; remaining?: number; resetAt?: number; updatedAt?: number };
}

export interface ConsoleSource {
  /** Every configured key, in config order. */
  keys(): Promise<KeyFacts[]>;
  usage: Pick<UsageRing, "snapshot">;
  callers: { table(alias: string): CallerTable | undefined };
  /** With shared state: this replica's id and how many replicas the numbers cover. */
  fleet?: () => FleetStatus;
  /** Posture findings per key (src/posture). Absent: no findings column data. */
  posture?: { report(alias: string): KeyReport | undefined };
  version: string;
}

/** How much of the fleet `/api/keys` covers (shared state only). */
export interface FleetStatus {
  replicaId: string;
  /** "fleet": merged from every live replica; "replica": this replica only (Redis unavailable). */
  scope: "fleet" | "replica";
  /** Replicas whose snapshots were merged (this one included); 1 when `scope` is "replica". */
  replicas: number;
  /** ISO 8601, while `scope` is "replica". */
  unavailableSince?: string;
}

export interface ApiKey {
  alias: string;
  clientId: string;
  /** False for the `unknown` row (requests with keys that are not configured). */
  configured: boolean;
  status: KeyStatus;
  reasons: string[];
  expiresAt: string | null;
  daysToExpiry: number | null;
  probe: { state: KeyFacts["probe"]["state"]; lastSuccessAt: string | null; lastProbeAt: string | null };
  /** null until an answer told the budget. After its reset time `remaining` reads as the full limit. */
  budget: { limit: number | null; remaining: number; resetAt: string | null; windowReset: boolean; updatedAt: string | null } | null;
  totals: KeyUsageSnapshot["totals"];
  rates: KeyUsageSnapshot["rates"];
  /** What each rate divides by: its window, or the time counted so far when shorter. */
  rateWindowSeconds: KeyUsageSnapshot["windowSeconds"];
  perMinute: KeyUsageSnapshot["perMinute"];
  /** Callers held in the key's rejected-callers table. */
  callers: number;
  /** Posture findings, most severe first; evidence at `GET /api/keys/{alias}/findings`. */
  findings: { finding: string; severity: string; summary: string; accepted: boolean }[];
}

const isoOf = (seconds: number | undefined) => (seconds === undefined ? null : new Date(seconds * 1000).toISOString());

function budgetOf(b: KeyFacts["budget"], nowMs: number): ApiKey["budget"] {
  if (b.remaining === undefined) return null;
  // Past the reset time the window has started again: the old `0 / 3` is no longer true.
  const windowReset = b.resetAt !== undefined && b.resetAt * 1000 <= nowMs && b.limit !== undefined;
  return {
    limit: b.limit ?? null,
    remaining: windowReset ? b.limit! : b.remaining,
    resetAt: windowReset ? null : isoOf(b.resetAt),
    windowReset,
    updatedAt: isoOf(b.updatedAt),
  };
}

export async function apiKeys(source: ConsoleSource, nowMs = Date.now()) {
  const facts = await source.keys();
  const rows: ApiKey[] = [];
  const unknownFacts: KeyFacts = { alias: UNKNOWN_KEY_ALIAS, clientId: "", probe: { state: "disabled" }, budget: {} };
  for (const [f, configured] of [...facts.map((f) => [f, true] as const), [unknownFacts, false] as const]) {
    const usage = source.usage.snapshot(f.alias);
    if (!usage) continue;
    if (!configured && usage.totals.requests === 0 && usage.totals.errors === 0) continue;
    const m5 = usage.rates.m5;
    const s5 = usage.windowSeconds.m5;
    const recent = {
      unauthorized: Math.round(m5.unauthorized * s5),
      forbidden: Math.round(m5.forbidden * s5),
      rateLimited: Math.round(m5.rateLimited * s5),
      gone: Math.round(m5.gone * s5),
    };
    const budget = budgetOf(f.budget, nowMs);
    const { status, reasons } = keyStatus({
      nowMs,
      expiresAt: f.expiresAt,
      recent,
      probe: f.probe.state,
      ...(budget && !budget.windowReset ? { budget: { remaining: budget.remaining, ...(f.budget.resetAt !== undefined ? { resetAtMs: f.budget.resetAt * 1000 } : {}) } } : {}),
    });
    rows.push({
      alias: f.alias,
      clientId: f.clientId,
      configured,
      status: configured ? status : recent.unauthorized + recent.forbidden > 0 ? "rejected" : "ok",
      reasons: configured ? reasons : ["requests with keys this exporter does not know", ...reasons],
      expiresAt: isoOf(f.expiresAt),
      daysToExpiry: daysToExpiry(f.expiresAt, nowMs),
      probe: { state: f.probe.state, lastSuccessAt: isoOf(f.probe.lastSuccessAt), lastProbeAt: isoOf(f.probe.lastProbeAt) },
      budget,
      totals: usage.totals,
      rates: usage.rates,
      rateWindowSeconds: usage.windowSeconds,
      perMinute: usage.perMinute,
      callers: source.callers.table(f.alias)?.callers.length ?? 0,
      findings: (source.posture?.report(f.alias)?.findings ?? []).map((x) => ({
        finding: x.finding,
        severity: x.severity,
        summary: x.summary,
        accepted: x.accepted !== undefined,
      })),
    });
  }
  const fleet = source.fleet?.();
  return { generatedAt: new Date(nowMs).toISOString(), version: source.version, bucketSeconds: BUCKET_MS / 1000, ...(fleet ? { fleet } : {}), keys: rows };
}
