// A key's one-word status on the console, and the reasons behind it, most severe first:
// rejected (401/403 lately, or past its expiry) > rate-limited > down (its probe fails) >
// expiring (within EXPIRING_DAYS) > ok.

export type KeyStatus = "ok" | "rejected" | "rate-limited" | "expiring" | "down";
export const EXPIRING_DAYS = 14;

export interface StatusFacts {
  nowMs: number;
  expiresAt?: number;
  /** Counts over the last 5 minutes (`gone`: 410 answers, which add a reason but no status). */
  recent: { unauthorized: number; forbidden: number; rateLimited: number; gone?: number };
  budget?: { remaining: number; resetAtMs?: number };
  probe: "disabled" | "pending" | "up" | "down";
}

export function daysToExpiry(expiresAt: number | undefined, nowMs: number): number | null {
  return expiresAt === undefined ? null : Math.floor((expiresAt * 1000 - nowMs) / 86_400_000);
}

export function keyStatus(f: StatusFacts): { status: KeyStatus; reasons: string[] } {
  const reasons: string[] = [];
  const found = new Set<KeyStatus>();
  const days = daysToExpiry(f.expiresAt, f.nowMs);
  if (f.expiresAt !== undefined && f.expiresAt * 1000 <= f.nowMs) {
    found.add("rejected");
    reasons.push("past its configured expiry");
  }
  if (f.recent.unauthorized > 0) {
    found.add("rejected");
    reasons.push(`${f.recent.unauthorized} × 401 in the last 5 min`);
  }
  if (f.recent.forbidden > 0) {
    found.add("rejected");
    reasons.push(`${f.recent.forbidden} × 403 in the last 5 min`);
  }
  if (f.recent.rateLimited > 0) {
    found.add("rate-limited");
    reasons.push(`${f.recent.rateLimited} × 429 in the last 5 min`);
  }
  if (f.budget && f.budget.remaining <= 0 && (f.budget.resetAtMs === undefined || f.budget.resetAtMs > f.nowMs)) {
    found.add("rate-limited");
    reasons.push("no budget left in this window");
  }
  if (f.recent.gone) reasons.push(`${f.recent.gone} × 410 (an operation Minimo removed) in the last 5 min`);
  if (f.probe === "down") {
    found.add("down");
    reasons.push("its probe fails");
  }
  if (days !== null && days >= 0 && days < EXPIRING_DAYS) {
    found.add("expiring");
    reasons.push(days === 0 ? "expires today" : `expires in ${days} day${days === 1 ? "" : "s"}`);
  }
  const order: KeyStatus[] = ["rejected", "rate-limited", "down", "expiring"];
  return { status: order.find((s) => found.has(s)) ?? "ok", reasons };
}
